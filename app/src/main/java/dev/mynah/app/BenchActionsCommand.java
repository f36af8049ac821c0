package dev.mynah.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mynah.app.bench.ActionsBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code mynah bench actions}: fast-path routing time and the time from a decision to a started process. */
@Command(name = "actions", mixinStandardHelpOptions = true,
        description = "Time the fast-path router over generated English and Chinese utterances (p50, p99, max) "
                + "and the time from a decided plan to its process having started.")
final class BenchActionsCommand implements Callable<Integer> {
    @Option(names = "--utterances", description = "How many utterances to route (default: ${DEFAULT-VALUE}).")
    int utterances = 5000;

    @Option(names = "--starts", description = "How many processes to start (default: ${DEFAULT-VALUE}).")
    int starts = 50;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (utterances < 1 || starts < 1) {
            throw new IllegalArgumentException("--utterances and --starts must be at least 1");
        }
        ActionsBenchmark.Routing routing = ActionsBenchmark.routing(ActionsBenchmark.router(),
                ActionsBenchmark.utterances(utterances, 20261124L));
        ActionsBenchmark.ProcessStart start = ActionsBenchmark.processStart(starts);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            out.println(mapper.writeValueAsString(mapper.createObjectNode()
                    .put("utterances", routing.utterances())
                    .put("route_p50_us", round(routing.p50Micros()))
                    .put("route_p99_us", round(routing.p99Micros()))
                    .put("route_max_us", round(routing.maxMicros()))
                    .put("matched_share", round(routing.matchedShare()))
                    .put("process_starts", start.runs())
                    .put("start_p50_ms", round(start.p50Millis()))
                    .put("start_p99_ms", round(start.p99Millis()))));
            return 0;
        }
        out.printf(Locale.ROOT, "fast path   %d utterances: p50 %.1f µs, p99 %.1f µs, max %.1f µs; %.0f%% matched%n",
                routing.utterances(), routing.p50Micros(), routing.p99Micros(), routing.maxMicros(),
                100 * routing.matchedShare());
        out.printf(Locale.ROOT, "plan→start  %d processes: p50 %.2f ms, p99 %.2f ms%n", start.runs(),
                start.p50Millis(), start.p99Millis());
        return 0;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
