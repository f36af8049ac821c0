package dev.mynah.app.bench;

import dev.mynah.fixtures.onnx.PiperShapedModel;
import dev.mynah.fixtures.onnx.PiperStandInModel;
import dev.mynah.nativelibs.sherpa.PiperVoice;
import dev.mynah.nativelibs.sherpa.SynthesisOptions;
import dev.mynah.supply.FileTrees;
import dev.mynah.supply.PackageCache;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The {@code mynah bench tts} measurement: a five-sentence paragraph spoken through the Piper binding with a
 * streaming listener, timed to its first chunk and to its end. Without a voice file it speaks with a Piper-shaped
 * random-weight voice (generated once into the cache), whose network costs what a real voice's does. The stand-in
 * voice, whose network is trivial, is timed in the same passes: its figures are the overhead around the network
 * (espeak-ng phonemization, the onnxruntime call, the callback into Java).
 */
public final class TtsBenchmark {
    static final String PARAGRAPH = "Good morning. It is seven degrees and cloudy outside. "
            + "Your first meeting starts at nine thirty. I have set a timer for ten minutes. "
            + "Would you like me to play the news?";
    private static final long MODEL_SEED = 1;

    private TtsBenchmark() {
    }

    /** What to measure: {@code voice} (a Piper .onnx or a sherpa-onnx directory), else the generated {@code shape}. */
    public record Settings(Path voice, String shape, Path espeakData, int repetitions) {
        public Settings {
            Objects.requireNonNull(espeakData, "espeakData");
            if (repetitions < 1) {
                throw new IllegalArgumentException("--repetitions must be at least 1");
            }
            shape = shape.toLowerCase(Locale.ROOT);
            PiperShapedModel.Shape.named(shape);
        }
    }

    /** Medians of one voice's passes. */
    public record Timing(double firstChunkMs, double synthesisMs, double audioSeconds, double realTimeFactor) {
    }

    /**
     * Medians of the measured voice (the top-level figures) and of the stand-in ({@code overhead}). {@code model} is
     * "medium-shape" or "high-shape" for the generated voices, "voice" for one given on the command line.
     */
    public record Report(String voice, String model, int sampleRate, int repetitions, double firstChunkMs,
                         double synthesisMs, double audioSeconds, double realTimeFactor, Timing overhead) {

        public void printTable(PrintWriter out) {
            out.printf(Locale.ROOT, "Voice           %s (%d Hz), %d runs (medians)%n", voice, sampleRate, repetitions);
            out.printf(Locale.ROOT, "Model           %s%n", model.equals("voice") ? "given with --voice"
                    : model + ": Piper's network with random weights (noise, but a real voice's arithmetic)");
            out.printf(Locale.ROOT, "First chunk     %.1f ms%n", firstChunkMs);
            out.printf(Locale.ROOT, "Synthesis       %.1f ms for %.2f s of audio: real-time factor %.4f%n",
                    synthesisMs, audioSeconds, realTimeFactor);
            out.printf(Locale.ROOT, "Overhead        %.1f ms to the first chunk, %.1f ms in all (stand-in voice: "
                    + "phonemization, engine, callbacks)%n", overhead.firstChunkMs(), overhead.synthesisMs());
        }
    }

    public static Report run(Settings settings, PrintStream progress) throws Exception {
        Path voicePath = settings.voice() != null ? settings.voice()
                : benchmarkModel(PackageCache.forUser(), PiperShapedModel.Shape.named(settings.shape()), progress);
        Path standInDir = Files.createTempDirectory("mynah-bench-tts-");
        try {
            Path standInFile = standInDir.resolve("piper-stand-in.onnx");
            PiperStandInModel.writePiperPair(standInFile, PiperStandInModel.Voice.english());
            // The measured voice opens first: sherpa-onnx keeps the espeak-ng data of the first voice of a process.
            try (PiperVoice measured = open(voicePath, settings.espeakData());
                 PiperVoice standIn = PiperVoice.openPiper(standInFile, settings.espeakData())) {
                speak(measured); // warm-up: espeak-ng and onnxruntime set up
                speak(standIn);
                List<Pass> measuredPasses = new ArrayList<>();
                List<Pass> standInPasses = new ArrayList<>();
                for (int pass = 1; pass <= settings.repetitions(); pass++) {
                    progress.printf("Pass %d of %d%n", pass, settings.repetitions());
                    standInPasses.add(speak(standIn));
                    measuredPasses.add(speak(measured));
                }
                Timing timing = medians(measuredPasses, measured.sampleRate());
                return new Report(voicePath.toString(), settings.voice() != null ? "voice" : settings.shape()
                        + "-shape", measured.sampleRate(), settings.repetitions(), timing.firstChunkMs(),
                        timing.synthesisMs(), timing.audioSeconds(), timing.realTimeFactor(),
                        medians(standInPasses, standIn.sampleRate()));
            }
        } finally {
            FileTrees.delete(standInDir);
        }
    }

    /** A Piper voice pair of {@code shape} with seeded random weights, generated once into the cache. */
    static Path benchmarkModel(PackageCache cache, PiperShapedModel.Shape shape, PrintStream progress)
            throws IOException {
        Path dir = cache.root().resolve("bench-models");
        Path file = dir.resolve("piper-" + shape.quality() + "-shape-seed" + MODEL_SEED + ".onnx");
        if (Files.isRegularFile(file)) {
            return file;
        }
        progress.println("Generating the Piper " + shape.quality() + "-shaped benchmark voice " + file.getFileName()
                + " (once)...");
        Files.createDirectories(dir);
        Path partial = Files.createTempDirectory(dir, "partial-");
        try {
            Path onnx = partial.resolve(file.getFileName());
            PiperShapedModel.writePiperPair(onnx, shape, MODEL_SEED);
            String json = file.getFileName() + ".json";
            // The .onnx arrives last, so that its presence means the pair is complete.
            Files.move(partial.resolve(json), dir.resolve(json), StandardCopyOption.REPLACE_EXISTING);
            Files.move(onnx, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            FileTrees.delete(partial);
        }
        return file;
    }

    private static PiperVoice open(Path voice, Path espeakData) throws Exception {
        return Files.isDirectory(voice) ? PiperVoice.openSherpaLayout(voice) : PiperVoice.openPiper(voice, espeakData);
    }

    private record Pass(double firstChunkMs, double synthesisMs, double samples) {
    }

    private static Pass speak(PiperVoice voice) {
        long[] first = {-1};
        long[] samples = {0};
        long start = System.nanoTime();
        voice.synthesize(PARAGRAPH, SynthesisOptions.defaults(), chunk -> {
            if (first[0] < 0) {
                first[0] = System.nanoTime();
            }
            samples[0] += chunk.length;
            return true;
        });
        long end = System.nanoTime();
        return new Pass((first[0] - start) / 1e6, (end - start) / 1e6, samples[0]);
    }

    private static Timing medians(List<Pass> passes, int sampleRate) {
        double synthesisMs = Median.of(passes.stream().map(Pass::synthesisMs).toList());
        double audioSeconds = Median.of(passes.stream().map(Pass::samples).toList()) / sampleRate;
        return new Timing(Median.of(passes.stream().map(Pass::firstChunkMs).toList()), synthesisMs, audioSeconds,
                synthesisMs / 1000 / audioSeconds);
    }
}
