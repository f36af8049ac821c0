package dev.mynah.nativelibs.sherpa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mynah.nativelibs.gguf.InvalidModelFileException;
import dev.mynah.supply.FileTrees;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files sherpa-onnx needs for one Piper voice, each checked in Java first (sherpa-onnx exits the process on
 * a missing metadata key, a malformed tokens.txt, an unknown espeak-ng voice or a graph it cannot feed).
 * {@code workDir}, when not null, holds files made for this voice and belongs to whoever opened it.
 */
record PiperVoiceFiles(Path model, Path tokens, Path espeakData, String espeakVoice, float noiseScale,
                       float lengthScale, float noiseW, Path workDir) {
    static final List<String> ESPEAK_DATA_FILES = List.of("phontab", "phondata", "phonindex", "intonations");

    // sherpa-onnx feeds exactly these inputs, in this order, to a Piper model.
    private static final List<String> PIPER_INPUTS = List.of("input", "input_lengths", "scales");
    private static final List<String> MULTI_SPEAKER_PIPER_INPUTS = List.of("input", "input_lengths", "scales", "sid");
    private static final List<String> REQUIRED_METADATA = List.of("sample_rate", "n_speakers", "language", "comment");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** sherpa-onnx's converted layout: {@code dir} with model.onnx, tokens.txt and espeak-ng-data. */
    static PiperVoiceFiles fromSherpaLayout(Path dir) throws InvalidModelFileException {
        if (!Files.isDirectory(dir)) {
            throw new InvalidModelFileException(dir, "it is not a directory; a converted Piper voice is a directory"
                    + " with model.onnx, tokens.txt and espeak-ng-data");
        }
        Path model = dir.resolve("model.onnx");
        requirePiperGraph(model);
        Map<String, String> metadata = OnnxModelMetadata.read(model);
        for (String key : REQUIRED_METADATA) {
            if (!metadata.containsKey(key)) {
                throw new InvalidModelFileException(model, "its metadata has no " + key + ", so it is not a Piper"
                        + " voice converted for sherpa-onnx (expected " + REQUIRED_METADATA + ")");
            }
        }
        if (!metadata.get("comment").contains("piper")) {
            throw new InvalidModelFileException(model, "its metadata comment is \"" + metadata.get("comment")
                    + "\", not a Piper voice");
        }
        if (!"0".equals(metadata.getOrDefault("jieba", "0"))) {
            throw new InvalidModelFileException(model, "it needs jieba word segmentation, which Piper voices do not");
        }
        positiveInt(model, "sample_rate", metadata.get("sample_rate"));
        positiveInt(model, "n_speakers", metadata.get("n_speakers"));
        String voice = metadata.getOrDefault("voice", "");
        if (voice.isBlank()) {
            throw new InvalidModelFileException(model, "its metadata names no espeak-ng voice");
        }
        Path tokens = dir.resolve("tokens.txt");
        requireTokens(tokens);
        Path espeakData = dir.resolve("espeak-ng-data");
        requireEspeakData(espeakData, voice);
        return new PiperVoiceFiles(model, tokens, espeakData, voice, 0.667f, 1.0f, 0.8f, null);
    }

    /**
     * Piper's original pair, {@code onnxFile} and {@code onnxFile}.json, made into sherpa-onnx's form in a new
     * directory under {@code workParent}: the model copied with the metadata sherpa-onnx reads appended, and
     * tokens.txt written from the phoneme_id_map.
     */
    static PiperVoiceFiles fromPiperPair(Path onnxFile, Path espeakData, Path workParent)
            throws InvalidModelFileException, IOException {
        requirePiperGraph(onnxFile);
        Path configFile = onnxFile.resolveSibling(onnxFile.getFileName() + ".json");
        PiperConfig config = PiperConfig.read(configFile);
        requireEspeakData(espeakData, config.espeakVoice());
        Map<String, String> existing = OnnxModelMetadata.read(onnxFile);
        Map<String, String> additions = new LinkedHashMap<>();
        additions.put("model_type", "vits");
        additions.put("comment", "piper");
        additions.put("language", config.language());
        additions.put("voice", config.espeakVoice());
        additions.put("has_espeak", "1");
        additions.put("n_speakers", Integer.toString(config.numSpeakers()));
        additions.put("sample_rate", Integer.toString(config.sampleRate()));
        additions.keySet().removeAll(existing.keySet());

        Path workDir = Files.createTempDirectory(workParent, "piper-voice-");
        try {
            Path model = workDir.resolve("model.onnx");
            OnnxModelMetadata.copyWith(onnxFile, model, additions);
            Path tokens = workDir.resolve("tokens.txt");
            Files.writeString(tokens, config.tokensTxt());
            return new PiperVoiceFiles(model, tokens, espeakData, config.espeakVoice(), config.noiseScale(),
                    config.lengthScale(), config.noiseW(), workDir);
        } catch (IOException | RuntimeException e) {
            deleteRecursively(workDir);
            throw e;
        }
    }

    /** Removes {@link #workDir}, if this voice has one. */
    void deleteWorkDir() {
        if (workDir != null) {
            deleteRecursively(workDir);
        }
    }

    private static void requirePiperGraph(Path model) throws InvalidModelFileException {
        OnnxGraphSignature signature = OnnxGraphSignature.read(model);
        if (!(signature.inputs().equals(PIPER_INPUTS) || signature.inputs().equals(MULTI_SPEAKER_PIPER_INPUTS))
                || signature.outputs().isEmpty()) {
            throw new InvalidModelFileException(model, "it is an ONNX model but not a Piper voice (inputs "
                    + signature.inputs() + ", outputs " + signature.outputs() + "; a Piper voice has inputs "
                    + PIPER_INPUTS + " and, with several speakers, sid)");
        }
    }

    private static int positiveInt(Path file, String key, String value) throws InvalidModelFileException {
        try {
            int number = Integer.parseInt(value.strip());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidModelFileException(file, key + " is \"" + value + "\", not a positive whole number");
    }

    /** The checks sherpa-onnx makes on tokens.txt, which it answers with exit(). */
    static void requireTokens(Path tokens) throws InvalidModelFileException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(tokens)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidModelFileException(tokens, "it is not UTF-8 text");
        } catch (IOException e) {
            throw new InvalidModelFileException(tokens, "it cannot be read (" + e.getMessage() + ")");
        }
        Map<String, Integer> symbols = new HashMap<>();
        String[] lines = text.split("\n", -1);
        int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
        for (int i = 0; i < count; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            String[] fields = line.strip().isEmpty() ? new String[0] : line.strip().split("[ \t\u000b\f]+");
            String symbol = fields.length == 1 ? " " : fields.length == 2 ? fields[0] : null;
            if (symbol == null || symbol.codePointCount(0, symbol.length()) != 1
                    || !fields[fields.length - 1].matches("\\d{1,9}")) {
                throw new InvalidModelFileException(tokens, "line " + (i + 1) + " (\"" + line + "\") is not"
                        + " \"<one symbol> <id>\"");
            }
            if (symbols.put(symbol, Integer.parseInt(fields[fields.length - 1])) != null) {
                throw new InvalidModelFileException(tokens, "symbol \"" + symbol + "\" appears twice");
            }
        }
        for (String required : List.of("_", "^", "$")) {
            if (!symbols.containsKey(required)) {
                throw new InvalidModelFileException(tokens, "it has no \"" + required
                        + "\"; Piper needs _ (pad), ^ (start) and $ (end)");
            }
        }
    }

    /** espeak-ng's data directory must hold its phoneme tables and a voice named {@code voice}. */
    static void requireEspeakData(Path dir, String voice) throws InvalidModelFileException {
        if (!Files.isDirectory(dir)) {
            throw new InvalidModelFileException(dir, "the espeak-ng data directory does not exist (install"
                    + " espeak-ng-data, or use the espeak-ng-data directory that comes with the voice)");
        }
        for (String file : ESPEAK_DATA_FILES) {
            if (!Files.isRegularFile(dir.resolve(file))) {
                throw new InvalidModelFileException(dir, "it is not an espeak-ng data directory: it has no "
                        + file + " (expected " + ESPEAK_DATA_FILES + ")");
            }
        }
        String wanted = voice.toLowerCase(Locale.ROOT);
        boolean found;
        try (Stream<Path> files = Stream.of("lang", "voices").map(dir::resolve).filter(Files::isDirectory)
                .flatMap(PiperVoiceFiles::walk)) {
            found = files.anyMatch(file -> Files.isRegularFile(file)
                    && file.getFileName().toString().toLowerCase(Locale.ROOT).equals(wanted));
        } catch (UncheckedIOException e) {
            throw new InvalidModelFileException(dir, "it cannot be read (" + e.getCause().getMessage() + ")");
        }
        if (!found) {
            throw new InvalidModelFileException(dir, "espeak-ng has no voice \"" + voice + "\" in it (see"
                    + " espeak-ng --voices)");
        }
    }

    private static Stream<Path> walk(Path dir) {
        try {
            return Files.walk(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try {
            FileTrees.delete(dir);
        } catch (IOException e) {
            System.getLogger("dev.mynah.sherpa-onnx").log(System.Logger.Level.WARNING,
                    "could not delete " + dir + ": " + e.getMessage());
        }
    }

    /** The parts of a Piper .onnx.json that sherpa-onnx needs. */
    record PiperConfig(int sampleRate, String espeakVoice, String language, int numSpeakers, float noiseScale,
                       float lengthScale, float noiseW, Map<String, Integer> phonemeIds) {

        static PiperConfig read(Path file) throws InvalidModelFileException {
            if (!Files.isRegularFile(file)) {
                throw new InvalidModelFileException(file, "the voice's .onnx.json does not exist; a Piper voice"
                        + " is a pair of files, name.onnx and name.onnx.json");
            }
            JsonNode root;
            try {
                root = JSON.readTree(file.toFile());
            } catch (JsonProcessingException e) {
                throw new InvalidModelFileException(file, "it is not valid JSON (" + e.getOriginalMessage() + ")");
            } catch (IOException e) {
                throw new InvalidModelFileException(file, "it cannot be read (" + e.getMessage() + ")");
            }
            if (root == null || !root.isObject()) {
                throw new InvalidModelFileException(file, "it is not a JSON object");
            }
            String phonemeType = root.path("phoneme_type").asText("espeak");
            if (!phonemeType.equals("espeak")) {
                throw new InvalidModelFileException(file, "its phoneme_type is \"" + phonemeType
                        + "\"; only espeak-phonemized Piper voices are supported");
            }
            JsonNode rate = root.path("audio").path("sample_rate");
            if (!rate.canConvertToInt() || rate.asInt() <= 0) {
                throw new InvalidModelFileException(file, "it has no positive audio.sample_rate");
            }
            String voice = root.path("espeak").path("voice").asText("");
            if (voice.isBlank()) {
                throw new InvalidModelFileException(file, "it has no espeak.voice");
            }
            int speakers = root.path("num_speakers").asInt(1);
            if (speakers < 1) {
                throw new InvalidModelFileException(file, "num_speakers is " + speakers);
            }
            JsonNode language = root.path("language");
            String languageName = language.path("name_english").asText(language.path("code").asText(voice));
            JsonNode inference = root.path("inference");
            return new PiperConfig(rate.asInt(), voice, languageName, speakers,
                    scale(file, inference, "noise_scale", 0.667f), scale(file, inference, "length_scale", 1.0f),
                    scale(file, inference, "noise_w", 0.8f), phonemeIds(file, root.path("phoneme_id_map")));
        }

        private static float scale(Path file, JsonNode inference, String name, float fallback)
                throws InvalidModelFileException {
            JsonNode value = inference.path(name);
            if (value.isMissingNode()) {
                return fallback;
            }
            if (!value.isNumber() || !(value.floatValue() > 0) || !Float.isFinite(value.floatValue())) {
                throw new InvalidModelFileException(file, "inference." + name + " is " + value
                        + ", not a positive number");
            }
            return value.floatValue();
        }

        private static Map<String, Integer> phonemeIds(Path file, JsonNode map) throws InvalidModelFileException {
            if (!map.isObject() || map.isEmpty()) {
                throw new InvalidModelFileException(file, "it has no phoneme_id_map");
            }
            Map<String, Integer> ids = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : map.properties()) {
                String symbol = entry.getKey();
                JsonNode value = entry.getValue();
                boolean oneSymbol = symbol.codePointCount(0, symbol.length()) == 1
                        && (symbol.equals(" ") || !Character.isWhitespace(symbol.codePointAt(0)));
                if (!oneSymbol || !value.isArray() || value.size() != 1 || !value.get(0).canConvertToInt()
                        || value.get(0).asInt() < 0) {
                    throw new InvalidModelFileException(file, "phoneme_id_map entry \"" + symbol + "\": " + value
                            + " is not one visible symbol mapped to one id");
                }
                ids.put(symbol, value.get(0).asInt());
            }
            for (String required : List.of("_", "^", "$")) {
                if (!ids.containsKey(required)) {
                    throw new InvalidModelFileException(file, "phoneme_id_map has no \"" + required
                            + "\"; Piper needs _ (pad), ^ (start) and $ (end)");
                }
            }
            return Map.copyOf(ids);
        }

        /** sherpa-onnx's tokens.txt: "symbol id" per line, the space written as a line with only its id. */
        String tokensTxt() {
            StringBuilder text = new StringBuilder();
            phonemeIds.forEach((symbol, id) -> text.append(symbol.equals(" ") ? "" : symbol).append(' ')
                    .append(id).append('\n'));
            return text.toString();
        }
    }
}
