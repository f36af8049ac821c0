package dev.mynah.app.bench;

import dev.mynah.fixtures.gguf.GgmlType;
import dev.mynah.fixtures.whisper.TinyWhisperModel;
import dev.mynah.nativelibs.whisper.TranscribeOptions;
import dev.mynah.nativelibs.whisper.Transcript;
import dev.mynah.nativelibs.whisper.WhisperLibrary;
import dev.mynah.nativelibs.whisper.WhisperModel;
import dev.mynah.supply.Engine;
import dev.mynah.supply.PackageCache;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;


/**
 * The {@code mynah bench stt} measurement: whisper's encoder through Mynah's binding against whisper-bench on
 * the same build, model and threads, and a short spoken command transcribed with a trimmed and with the full
 * encoder window. All passes are interleaved so that every figure sees the same machine conditions.
 */
public final class SttBenchmark {
    private static final long MODEL_SEED = 1;
    private static final int SAMPLE_RATE = 16_000;
    private static final double COMMAND_SECONDS = 3;

    private SttBenchmark() {
    }

    /** What to measure; {@code shape} is "tiny" or "base" and names the generated model used without a file. */
    public record Settings(Path model, String shape, int threads, int repetitions, boolean compareWithWhisperBench) {
        public Settings {
            if (threads < 1 || repetitions < 1) {
                throw new IllegalArgumentException("threads and repetitions must be positive");
            }
            shape = shape.toLowerCase(Locale.ROOT);
            if (!shape.equals("tiny") && !shape.equals("base")) {
                throw new IllegalArgumentException("--shape must be tiny or base, was " + shape);
            }
        }
    }

    /**
     * Medians in milliseconds. {@code encodeMs} is one full-window encoder call through the binding;
     * {@code encodeRatio} is whisper-bench's time over the binding's (above 1: the binding is faster), null
     * when whisper-bench was skipped. {@code trimmedMs} and {@code fullMs} are whole transcriptions of the
     * command, with their encoder parts as whisper.cpp timed them.
     */
    public record Report(String model, long modelBytes, int threads, int repetitions, double encodeMs,
                         Double nativeEncodeMs, Double encodeRatio, double commandSeconds, int trimmedAudioCtx,
                         int fullAudioCtx, double trimmedMs, double fullMs, double trimmedSpeedup,
                         double trimmedEncodeMs, double fullEncodeMs, String cpu) {

        public void printTable(PrintWriter out) {
            out.printf("Model          %s (%.0f MiB)%n", model, modelBytes / 1048576.0);
            out.printf("Threads        %d   %d passes (medians)%n", threads, repetitions);
            out.printf("%-24s %10s %13s %8s%n", "", "Mynah", "whisper-bench", "ratio");
            out.printf("%-24s %10.1f %13s %8s%n", "encoder, 30 s window ms", encodeMs, format(nativeEncodeMs),
                    format(encodeRatio));
            out.printf("%-24s %10s %13s%n", String.format(Locale.ROOT, "%.0f s command", commandSeconds),
                    "total ms", "encoder ms");
            out.printf("%-24s %10.1f %13.1f%n", "trimmed (audio_ctx " + trimmedAudioCtx + ")", trimmedMs,
                    trimmedEncodeMs);
            out.printf("%-24s %10.1f %13.1f%n", "full (audio_ctx " + fullAudioCtx + ")", fullMs, fullEncodeMs);
            out.printf("Trimmed is %.2fx faster%n", trimmedSpeedup);
            out.printf("CPU            %s%n", cpu);
        }

        private static String format(Double value) {
            return value == null ? "-" : String.format(Locale.ROOT, "%.2f", value);
        }
    }

    public static Report run(Settings settings, PrintStream progress) throws Exception {
        PackageCache cache = PackageCache.forUser();
        Path modelFile = settings.model() != null ? settings.model() : benchmarkModel(cache, settings.shape(),
                progress);
        Engine.Installed engine = WhisperLibrary.load();
        SttNativeBench whisperBench = settings.compareWithWhisperBench()
                ? SttNativeBench.buildIfNeeded(cache, engine, progress) : null;
        int threads = settings.threads();
        float[] command = spokenCommandStandIn();
        TranscribeOptions options = TranscribeOptions.defaults().withLanguage("en").withThreads(threads)
                .withTemperature(0, 0);
        TranscribeOptions trimmed = options.withTrimmedAudioContext(true);
        TranscribeOptions full = options.withTrimmedAudioContext(false);

        List<Double> encode = new ArrayList<>();
        List<Double> nativeEncode = new ArrayList<>();
        List<Transcript.Timings> trimmedRuns = new ArrayList<>();
        List<Transcript.Timings> fullRuns = new ArrayList<>();
        // Each model has its own state: a trimmed transcription leaves its shorter window in the state it used.
        try (WhisperModel encoder = WhisperModel.load(modelFile);
             WhisperModel transcriber = WhisperModel.load(modelFile)) {
            encoder.timeEncoder(threads);
            encoder.timeEncoder(threads);
            transcriber.transcribe(command, trimmed);
            transcriber.transcribe(command, full);
            for (int pass = 1; pass <= settings.repetitions(); pass++) {
                progress.printf("Pass %d of %d%n", pass, settings.repetitions());
                if (whisperBench != null) {
                    nativeEncode.add(whisperBench.encodeMillis(modelFile, threads));
                }
                encode.add(encoder.timeEncoder(threads));
                trimmedRuns.add(transcriber.transcribe(command, trimmed).timings());
                fullRuns.add(transcriber.transcribe(command, full).timings());
            }
        }
        double encodeMs = Median.of(encode);
        Double nativeEncodeMs = whisperBench == null ? null : Median.of(nativeEncode);
        double trimmedMs = Median.of(trimmedRuns.stream().map(Transcript.Timings::totalMillis).toList());
        double fullMs = Median.of(fullRuns.stream().map(Transcript.Timings::totalMillis).toList());
        return new Report(modelFile.getFileName().toString(), Files.size(modelFile), threads,
                settings.repetitions(), encodeMs, nativeEncodeMs,
                nativeEncodeMs == null ? null : nativeEncodeMs / encodeMs, COMMAND_SECONDS,
                trimmedRuns.getFirst().audioContext(), fullRuns.getFirst().audioContext(), trimmedMs, fullMs,
                fullMs / trimmedMs, Median.of(trimmedRuns.stream().map(Transcript.Timings::encodeMillis).toList()),
                Median.of(fullRuns.stream().map(Transcript.Timings::encodeMillis).toList()),
                WhisperLibrary.systemInfo());
    }

    /** A whisper tiny- or base-shaped model with seeded random F16 weights, generated once into the cache. */
    static Path benchmarkModel(PackageCache cache, String shape, PrintStream progress) throws Exception {
        Path file = cache.root().resolve("bench-models").resolve("whisper-" + shape + "-shape-f16-seed" + MODEL_SEED
                + ".bin");
        if (!Files.isRegularFile(file)) {
            progress.println("Generating the whisper " + shape + "-shaped benchmark model " + file.getFileName()
                    + " (once)...");
            Files.createDirectories(file.getParent());
            TinyWhisperModel.write(file, shape.equals("base") ? TinyWhisperModel.Shape.whisperBase()
                    : TinyWhisperModel.Shape.whisperTiny(), GgmlType.F16, MODEL_SEED);
        }
        return file;
    }

    /**
     * Three seconds of voiced sound in syllable-long bursts. The models have random weights, so what is said does
     * not matter; what matters is the length, which sets the trimmed encoder window.
     */
    private static float[] spokenCommandStandIn() {
        float[] pcm = new float[(int) (COMMAND_SECONDS * SAMPLE_RATE)];
        for (int i = 0; i < pcm.length; i++) {
            double t = (double) i / SAMPLE_RATE;
            double syllable = Math.max(0, Math.sin(Math.PI * t * 4));
            double voice = 0;
            for (int harmonic = 1; harmonic <= 10; harmonic++) {
                voice += Math.sin(2 * Math.PI * 120 * harmonic * t) / harmonic;
            }
            pcm[i] = (float) (0.2 * syllable * voice);
        }
        return pcm;
    }
}
