package dev.mynah.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mynah.nativelibs.whisper.TranscribeOptions;
import dev.mynah.nativelibs.whisper.Transcript;
import dev.mynah.nativelibs.whisper.WhisperModel;
import dev.mynah.voice.audio.WavReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code mynah transcribe FILE.wav}: speech to text with whisper.cpp. */
@Command(name = "transcribe", mixinStandardHelpOptions = true,
        description = "Transcribe a WAV file (any common WAV; resampled to 16 kHz mono) with whisper.cpp.")
final class TranscribeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE.wav", description = "The audio to transcribe.")
    Path file;

    @Option(names = "--model", description = "A whisper.cpp model file (default: the catalogue's speech model in "
            + "the app-data models directory).")
    Path model;

    @Option(names = "--language", description = "Language code such as en or zh (default: detect).")
    String language;

    @Option(names = "--threads", description = "CPU threads (default: up to 4).")
    Integer threads;

    @Option(names = "--json", description = "Print one JSON object with text, language, segments and timings.")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path modelFile = model != null ? model
                : ModelCatalog.bundled().installedDefault("stt", AppDirectories.forUser(), "pass --model FILE");
        float[] speech = WavReader.readSpeech(file);
        TranscribeOptions options = TranscribeOptions.defaults().withLanguage(language);
        if (threads != null) {
            options = options.withThreads(threads);
        }
        Transcript transcript;
        try (WhisperModel whisper = WhisperModel.load(modelFile)) {
            transcript = whisper.transcribe(speech, options);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(transcript));
        } else {
            out.println(transcript.text().strip());
        }
        return 0;
    }

    private static String toJson(Transcript transcript) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("text", transcript.text().strip());
        root.put("language", transcript.language());
        ArrayNode segments = root.putArray("segments");
        for (Transcript.Segment segment : transcript.segments()) {
            segments.addObject().put("start", segment.start()).put("end", segment.end()).put("text", segment.text());
        }
        root.putObject("timings")
                .put("total_ms", round(transcript.timings().totalMillis()))
                .put("encode_ms", round(transcript.timings().encodeMillis()))
                .put("decode_ms", round(transcript.timings().decodeMillis()));
        return mapper.writeValueAsString(root);
    }

    private static double round(double millis) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.1f", millis));
    }
}
