package dev.mynah.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.mynah.app.bench.SttBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code mynah bench stt}: whisper's encoder through Mynah's binding against whisper-bench, and trimmed windows. */
@Command(name = "stt", mixinStandardHelpOptions = true, description =
        "Measure whisper.cpp's encoder on a full 30-second window through Mynah's binding and through whisper.cpp's "
        + "own whisper-bench (built once from the same source and build), passes interleaved, with their ratio; and "
        + "a 3-second command transcribed with the encoder window trimmed to it against the full window. The "
        + "default models have whisper tiny's or base's tensor shapes and random weights (generated once into the "
        + "cache); --model measures any whisper model file instead.")
final class BenchSttCommand implements Callable<Integer> {
    @Option(names = "--threads", description = "CPU threads for both (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--repetitions", description = "Measured passes of each (default: ${DEFAULT-VALUE}); medians are reported.")
    int repetitions = 5;

    @Option(names = "--shape", description = "Shape of the generated model: tiny or base (default: ${DEFAULT-VALUE}).")
    String shape = "tiny";

    @Option(names = "--model", description = "Benchmark this whisper model file instead of a generated one.")
    Path model;

    @Option(names = "--no-native", description = "Skip whisper-bench; measure only the binding.")
    boolean skipNative;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SttBenchmark.Report report = SttBenchmark.run(
                new SttBenchmark.Settings(model, shape, threads, repetitions, !skipNative), System.err);
        if (json) {
            out.println(new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .writeValueAsString(report));
        } else {
            report.printTable(out);
        }
        return 0;
    }
}
