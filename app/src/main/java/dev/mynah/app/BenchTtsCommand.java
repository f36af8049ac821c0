package dev.mynah.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.mynah.app.bench.TtsBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code mynah bench tts}: real-time factor and time to the first audio chunk through the Piper binding. */
@Command(name = "tts", mixinStandardHelpOptions = true, description =
        "Measure speech synthesis through Mynah's sherpa-onnx binding: time to the first audio chunk and the "
        + "real-time factor (synthesis time / audio length) over a five-sentence paragraph. Without --voice it "
        + "uses a voice with the network of a Piper medium (or high) voice and random weights, generated once into "
        + "the cache: its audio is noise, but its arithmetic is a real voice's. The project's stand-in voice, whose "
        + "network is trivial, is timed in the same passes as the overhead of phonemization, engine and callbacks.")
final class BenchTtsCommand implements Callable<Integer> {
    @Option(names = "--voice", paramLabel = "FILE.onnx|DIR", description = "A Piper voice to measure instead of the generated one.")
    Path voice;

    @Option(names = "--shape", description = "Network of the generated voice: medium or high (default: ${DEFAULT-VALUE}).")
    String shape = "medium";

    @Option(names = "--espeak-data", paramLabel = "DIR", description = "espeak-ng's data directory (default: the system's).")
    Path espeakData;

    @Option(names = "--repetitions", description = "Measured runs (default: ${DEFAULT-VALUE}); medians are reported.")
    int repetitions = 5;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TtsBenchmark.Report report = TtsBenchmark.run(new TtsBenchmark.Settings(voice, shape,
                espeakData != null ? espeakData : SayCommand.systemEspeakData(), repetitions), System.err);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .writeValueAsString(report));
        } else {
            report.printTable(out);
        }
        return 0;
    }
}
