package dev.mynah.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.mynah.app.bench.LlmBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code mynah bench llm}: prefill and decode speed through Mynah's binding against llama.cpp's llama-bench. */
@Command(name = "llm", mixinStandardHelpOptions = true, description =
        "Measure prefill and decode tokens/s through Mynah's llama.cpp binding and through llama.cpp's own "
        + "llama-bench on the same realistic-shaped model (Qwen3-0.6B tensor shapes, random weights) and the "
        + "same engine libraries, passes interleaved, with their ratio and decode's share of the memory-bandwidth "
        + "bound. The model is generated once into the cache; llama-bench is compiled once from the engine's own "
        + "source (needs a C++ compiler).")
final class BenchLlmCommand implements Callable<Integer> {
    @Option(names = "--threads", description = "CPU threads for both (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--prompt-tokens", description = "Prefill length (default: ${DEFAULT-VALUE}).")
    int promptTokens = 512;

    @Option(names = "--gen-tokens", description = "Decode length (default: ${DEFAULT-VALUE}).")
    int generateTokens = 128;

    @Option(names = "--repetitions", description = "Measured passes of each (default: ${DEFAULT-VALUE}); medians are reported.")
    int repetitions = 5;

    @Option(names = "--type", description = "Weight type of the benchmark model: Q4_0 or Q8_0 (default: ${DEFAULT-VALUE}).")
    String type = "Q4_0";

    @Option(names = "--model", description = "Benchmark this GGUF file instead of the generated Qwen3-0.6B-shaped one.")
    java.nio.file.Path model;

    @Option(names = "--no-native", description = "Skip llama-bench; measure only the binding.")
    boolean skipNative;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        LlmBenchmark.Settings settings = new LlmBenchmark.Settings(model, threads, promptTokens, generateTokens,
                repetitions, type, !skipNative);
        LlmBenchmark.Report report = LlmBenchmark.run(settings, System.err);
        if (json) {
            out.println(new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .writeValueAsString(report));
        } else {
            report.printTable(out);
        }
        return 0;
    }
}
