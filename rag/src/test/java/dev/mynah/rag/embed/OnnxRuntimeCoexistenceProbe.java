package dev.mynah.rag.embed;

import ai.onnxruntime.OrtEnvironment;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mynah.nativelibs.sherpa.SherpaOnnxLibrary;
import dev.mynah.nativelibs.sherpa.SileroVadModel;
import dev.mynah.nativelibs.sherpa.SpeechSegment;
import dev.mynah.nativelibs.sherpa.VadOptions;
import dev.mynah.nativelibs.sherpa.VoiceActivityDetector;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Run in a child JVM by {@link OnnxRuntimeCoexistenceTest}: loads sherpa-onnx (with its own onnxruntime) and
 * MiniLM (on the Maven onnxruntime) in the order given, uses the first before the second loads, then both in
 * turn for three rounds, and writes what each found, plus the onnxruntime libraries mapped into the process, as JSON.
 * Arguments: {@code sherpa-first|minilm-first speech.wav result.json sentence...}.
 */
public final class OnnxRuntimeCoexistenceProbe {
    private static final int RATE = VadOptions.SAMPLE_RATE;
    /** Quieter than this (about -46 dBFS) counts as the silence around a synthesized utterance. */
    private static final float SYNTHETIC_SILENCE = 0.005f;

    private OnnxRuntimeCoexistenceProbe() {
    }

    public static void main(String[] args) throws Exception {
        boolean sherpaFirst = switch (args[0]) {
            case "sherpa-first" -> true;
            case "minilm-first" -> false;
            default -> throw new IllegalArgumentException("first argument: sherpa-first or minilm-first");
        };
        float[] utterance = trimmed(read(Path.of(args[1])));
        float[] speech = concat(silence(1), utterance, silence(1));
        float[] silence = silence(3);
        List<String> sentences = List.of(args).subList(3, args.length);

        Map<String, Object> result = new LinkedHashMap<>();
        VoiceActivityDetector vad = null;
        MiniLmEmbedder embedder = null;
        try {
            if (sherpaFirst) {
                vad = VoiceActivityDetector.open(SileroVadModel.fetch(), VadOptions.defaults());
                result.put("speechBeforeMiniLmLoaded", seconds(vad.segments(speech)));
                embedder = MiniLmEmbedder.load();
            } else {
                embedder = MiniLmEmbedder.load();
                result.put("embeddingBeforeSherpaLoaded", embedder.embed(sentences.getFirst()));
                vad = VoiceActivityDetector.open(SileroVadModel.fetch(), VadOptions.defaults());
            }
            List<Map<String, Object>> rounds = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                Map<String, Object> found = new LinkedHashMap<>();
                found.put("speech", seconds(vad.segments(speech)));
                List<float[]> vectors = new ArrayList<>();
                int silenceSegments = 0;
                for (String sentence : sentences) {
                    vectors.add(embedder.embed(sentence));
                    silenceSegments += vad.segments(silence).size();
                }
                found.put("embeddings", vectors);
                found.put("silenceSegments", silenceSegments);
                rounds.add(found);
            }
            result.put("rounds", rounds);
        } finally {
            if (vad != null) {
                vad.close();
            }
            if (embedder != null) {
                embedder.close();
            }
        }
        result.put("utteranceSeconds", utterance.length / (double) RATE);
        result.put("sherpaOnnxruntimeVersion", SherpaOnnxLibrary.onnxruntimeVersion());
        result.put("mavenOnnxruntimeVersion", OrtEnvironment.getEnvironment().getVersion());
        result.put("onnxruntimeLibraries", mappedOnnxruntimeLibraries());
        new ObjectMapper().writeValue(Path.of(args[2]).toFile(), result);
    }

    private static List<double[]> seconds(List<SpeechSegment> segments) {
        return segments.stream().map(s -> new double[] {s.startSeconds(), s.endSeconds()}).toList();
    }

    /** The distinct onnxruntime library files mapped into this process (Linux only; empty elsewhere). */
    private static List<String> mappedOnnxruntimeLibraries() throws Exception {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return List.of();
        }
        return Files.readAllLines(maps).stream()
                .map(line -> line.substring(line.indexOf('/') < 0 ? line.length() : line.indexOf('/')))
                .filter(path -> path.contains("libonnxruntime.so") || path.contains("libonnxruntime4j_jni.so"))
                .distinct()
                .toList();
    }

    private static float[] read(Path wav) throws Exception {
        AudioFormat target = new AudioFormat(RATE, 16, 1, true, false);
        try (AudioInputStream source = AudioSystem.getAudioInputStream(wav.toFile());
             AudioInputStream converted = AudioSystem.getAudioInputStream(target, source)) {
            ByteBuffer bytes = ByteBuffer.wrap(converted.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            float[] pcm = new float[bytes.remaining() / 2];
            for (int i = 0; i < pcm.length; i++) {
                pcm[i] = bytes.getShort() / 32768f;
            }
            return pcm;
        }
    }

    /** Cut to the first and last sample louder than -46 dBFS, so that the utterance's extent is exact. */
    private static float[] trimmed(float[] pcm) {
        int first = 0;
        while (Math.abs(pcm[first]) < SYNTHETIC_SILENCE) {
            first++;
        }
        int last = pcm.length - 1;
        while (Math.abs(pcm[last]) < SYNTHETIC_SILENCE) {
            last--;
        }
        return Arrays.copyOfRange(pcm, first, last + 1);
    }

    private static float[] silence(double seconds) {
        return new float[(int) Math.round(seconds * RATE)];
    }

    private static float[] concat(float[]... parts) {
        float[] joined = new float[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
        int at = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, joined, at, part.length);
            at += part.length;
        }
        return joined;
    }
}
