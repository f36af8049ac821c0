package dev.mynah.app.bench;

import dev.mynah.fixtures.gguf.GgmlType;
import dev.mynah.fixtures.qwen3.Qwen3ModelSpec;
import dev.mynah.fixtures.qwen3.Qwen3ModelWriter;
import dev.mynah.fixtures.qwen3.Qwen3Tokenizer;
import dev.mynah.nativelibs.llama.LlamaLibrary;
import dev.mynah.nativelibs.llama.LlamaModel;
import dev.mynah.supply.Engine;
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

/**
 * The {@code mynah bench llm} measurement: the same model, thread count and token counts through Mynah's
 * binding and through llama-bench, interleaved pass by pass so that both see the same machine conditions.
 */
public final class LlmBenchmark {
    private static final long MODEL_SEED = 1;

    private LlmBenchmark() {
    }

    /** What to measure. */
    public record Settings(Path model, int threads, int promptTokens, int generateTokens, int repetitions,
                           String type, boolean compareWithLlamaBench) {
        public Settings {
            if (threads < 1 || promptTokens < 1 || generateTokens < 1 || repetitions < 1) {
                throw new IllegalArgumentException("threads, token counts and repetitions must be positive");
            }
            type = type.toUpperCase(Locale.ROOT);
            if (!type.equals("Q4_0") && !type.equals("Q8_0")) {
                throw new IllegalArgumentException("--type must be Q4_0 or Q8_0, was " + type);
            }
        }
    }

    /** Medians in tokens per second; native figures and ratios are null when llama-bench was skipped. */
    public record Report(String model, String type, long modelBytes, int threads, int promptTokens,
                         int generateTokens, int repetitions, double prefillTps, double decodeTps,
                         double generateTps, Double nativePrefillTps, Double nativeDecodeTps,
                         Double prefillRatio, Double decodeRatio, double bandwidthGbps,
                         double bandwidthBoundTps, double decodeShareOfBound, String cpu) {

        public void printTable(PrintWriter out) {
            out.printf("Model          %s (%s, %.0f MiB)%n", model, type, modelBytes / 1048576.0);
            out.printf("Threads        %d   prompt %d tokens, generation %d tokens, %d passes (medians)%n",
                    threads, promptTokens, generateTokens, repetitions);
            out.printf("%-14s %12s %12s %8s%n", "", "Mynah", "llama-bench", "ratio");
            out.printf("%-14s %12.2f %12s %8s%n", "prefill t/s", prefillTps, format(nativePrefillTps),
                    format(prefillRatio));
            out.printf("%-14s %12.2f %12s %8s%n", "decode t/s", decodeTps, format(nativeDecodeTps),
                    format(decodeRatio));
            out.printf("%-14s %12.2f%n", "generate t/s", generateTps);
            out.printf("Bandwidth      %.1f GB/s read -> bound %.1f t/s; decode reaches %.0f%% of it%n",
                    bandwidthGbps, bandwidthBoundTps, decodeShareOfBound * 100);
            out.printf("CPU            %s%n", cpu);
        }

        private static String format(Double value) {
            return value == null ? "-" : String.format(Locale.ROOT, "%.2f", value);
        }
    }

    public static Report run(Settings settings, PrintStream progress) throws Exception {
        PackageCache cache = PackageCache.forUser();
        Path modelFile = settings.model() != null ? settings.model() : benchmarkModel(cache, settings.type(), progress);
        NativeLlamaBench llamaBench = settings.compareWithLlamaBench()
                ? NativeLlamaBench.buildIfNeeded(cache, Engine.LLAMA_CPP.install(), progress) : null;

        progress.println("Measuring memory bandwidth...");
        double bandwidth = MemoryBandwidth.measure(settings.threads(), 5);

        List<Double> prefill = new ArrayList<>();
        List<Double> decode = new ArrayList<>();
        List<Double> generate = new ArrayList<>();
        List<Double> nativePrefill = new ArrayList<>();
        List<Double> nativeDecode = new ArrayList<>();
        long modelBytes;
        try (LlamaModel model = LlamaModel.load(modelFile);
             BindingBench binding = new BindingBench(model, settings.threads(), settings.promptTokens(),
                     settings.generateTokens())) {
            modelBytes = model.info().sizeBytes();
            binding.warmUp(settings.promptTokens());
            for (int pass = 1; pass <= settings.repetitions(); pass++) {
                progress.printf("Pass %d of %d%n", pass, settings.repetitions());
                if (llamaBench != null) {
                    NativeLlamaBench.Samples samples = llamaBench.run(modelFile, settings.threads(),
                            settings.promptTokens(), settings.generateTokens(), 1);
                    nativePrefill.addAll(samples.prefill());
                    nativeDecode.addAll(samples.decode());
                }
                prefill.add(binding.prefillSpeed(settings.promptTokens()));
                decode.add(binding.decodeSpeed(settings.generateTokens()));
                generate.add(binding.generationSpeed(settings.generateTokens()));
            }
        }
        double decodeTps = Median.of(decode);
        double bound = bandwidth / modelBytes;
        Double nativePrefillTps = llamaBench == null ? null : Median.of(nativePrefill);
        Double nativeDecodeTps = llamaBench == null ? null : Median.of(nativeDecode);
        return new Report(modelFile.getFileName().toString(), settings.model() != null ? "file" : settings.type(),
                modelBytes, settings.threads(),
                settings.promptTokens(), settings.generateTokens(), settings.repetitions(), Median.of(prefill),
                decodeTps, Median.of(generate), nativePrefillTps, nativeDecodeTps,
                nativePrefillTps == null ? null : Median.of(prefill) / nativePrefillTps,
                nativeDecodeTps == null ? null : decodeTps / nativeDecodeTps,
                bandwidth / 1e9, bound, decodeTps / bound, LlamaLibrary.systemInfo());
    }

    /** Qwen3-0.6B's tensor shapes with seeded random weights, generated once into the cache. */
    static Path benchmarkModel(PackageCache cache, String type, PrintStream progress) throws Exception {
        Path file = cache.root().resolve("bench-models")
                .resolve("qwen3-0.6b-shape-" + type.toLowerCase(Locale.ROOT) + "-seed" + MODEL_SEED + ".gguf");
        if (Files.isRegularFile(file)) {
            return file;
        }
        progress.println("Generating the realistic-shaped benchmark model " + file.getFileName() + " (once)...");
        Qwen3Tokenizer tokenizer = Qwen3Tokenizer.fromPackage(cache);
        Files.createDirectories(file.getParent());
        Path partial = Files.createTempFile(file.getParent(), "partial-", ".gguf");
        try {
            Qwen3ModelWriter.write(partial, Qwen3ModelSpec.qwen3_0_6b(), tokenizer, GgmlType.valueOf(type),
                    MODEL_SEED);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        return file;
    }
}
