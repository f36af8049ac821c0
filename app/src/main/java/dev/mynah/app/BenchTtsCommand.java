package dev.mynah.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mynah.app.bench.Median;
import dev.mynah.fixtures.onnx.PiperStandInModel;
import dev.mynah.supply.FileTrees;
import dev.mynah.nativelibs.sherpa.PiperVoice;
import dev.mynah.nativelibs.sherpa.SynthesisOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code mynah bench tts}: real-time factor and time to the first audio chunk through the Piper binding. */
@Command(name = "tts", mixinStandardHelpOptions = true, description =
        "Measure speech synthesis through Mynah's sherpa-onnx binding: time to the first audio chunk and the "
        + "real-time factor (synthesis time / audio length) over a five-sentence paragraph. Without --voice it "
        + "uses the project's Piper-shaped stand-in model, which measures phonemization, the engine and the "
        + "streaming path but not a real voice's neural network.")
final class BenchTtsCommand implements Callable<Integer> {
    static final String PARAGRAPH = "Good morning. It is seven degrees and cloudy outside. "
            + "Your first meeting starts at nine thirty. I have set a timer for ten minutes. "
            + "Would you like me to play the news?";

    @Option(names = "--voice", paramLabel = "FILE.onnx|DIR", description = "A Piper voice to measure instead of the stand-in.")
    Path voice;

    @Option(names = "--espeak-data", paramLabel = "DIR", description = "espeak-ng's data directory (default: the system's).")
    Path espeakData;

    @Option(names = "--repetitions", description = "Measured runs (default: ${DEFAULT-VALUE}); medians are reported.")
    int repetitions = 5;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Medians of the measured runs. */
    record Report(String voice, int sampleRate, int repetitions, double firstChunkMs, double synthesisMs,
                  double audioSeconds, double realTimeFactor) {
    }

    @Override
    public Integer call() throws Exception {
        if (repetitions < 1) {
            throw new IllegalArgumentException("--repetitions must be at least 1");
        }
        Path tempDir = null;
        Path voicePath = voice;
        if (voicePath == null) {
            tempDir = Files.createTempDirectory("mynah-bench-tts-");
            voicePath = tempDir.resolve("piper-stand-in.onnx");
            PiperStandInModel.writePiperPair(voicePath, PiperStandInModel.Voice.english());
        }
        try (PiperVoice piper = Files.isDirectory(voicePath)
                ? PiperVoice.openSherpaLayout(voicePath)
                : PiperVoice.openPiper(voicePath, espeakData != null ? espeakData : SayCommand.systemEspeakData())) {
            piper.synthesize(PARAGRAPH, SynthesisOptions.defaults()); // warm-up: espeak-ng and onnxruntime set up
            List<Double> firstChunk = new ArrayList<>();
            List<Double> total = new ArrayList<>();
            long samples = 0;
            for (int run = 0; run < repetitions; run++) {
                long[] first = {-1};
                long[] count = {0};
                long start = System.nanoTime();
                piper.synthesize(PARAGRAPH, SynthesisOptions.defaults(), chunk -> {
                    if (first[0] < 0) {
                        first[0] = System.nanoTime();
                    }
                    count[0] += chunk.length;
                    return true;
                });
                long end = System.nanoTime();
                firstChunk.add((first[0] - start) / 1e6);
                total.add((end - start) / 1e6);
                samples = count[0];
            }
            double audioSeconds = (double) samples / piper.sampleRate();
            double synthesisMs = Median.of(total);
            Report report = new Report(voice == null ? "stand-in (Piper-shaped, trivial network)" : voicePath.toString(),
                    piper.sampleRate(), repetitions, Median.of(firstChunk), synthesisMs, audioSeconds,
                    synthesisMs / 1000 / audioSeconds);
            print(report);
        } finally {
            if (tempDir != null) {
                FileTrees.delete(tempDir);
            }
        }
        return 0;
    }

    private void print(Report report) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper()
                    .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
                    .writeValueAsString(report));
            return;
        }
        out.printf(Locale.ROOT, "Voice           %s (%d Hz), %d runs (medians)%n", report.voice(), report.sampleRate(),
                report.repetitions());
        out.printf(Locale.ROOT, "First chunk     %.1f ms%n", report.firstChunkMs());
        out.printf(Locale.ROOT, "Synthesis       %.1f ms for %.2f s of audio: real-time factor %.4f%n",
                report.synthesisMs(), report.audioSeconds(), report.realTimeFactor());
    }
}
