package dev.mynah.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mynah.app.bench.RagBenchmark;
import dev.mynah.supply.PackageCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code mynah bench rag}: document ingest throughput and search latency. */
@Command(name = "rag", mixinStandardHelpOptions = true, description =
        "Measure document ingest throughput (MB/s of files read, chunks/s) over a corpus, and search latency "
        + "(p50, p99) over a bigger index: BM25, vectors and hybrid with query vectors computed beforehand, and "
        + "hybrid with the query embedded by MiniLM. The bigger index is the corpus plus the --extra documents, "
        + "kept in the cache and updated only when they or the embedder change.")
final class BenchRagCommand implements Callable<Integer> {
    @Option(names = "--corpus", paramLabel = "FOLDER/GLOB",
            description = "Documents to ingest for throughput (default: ${DEFAULT-VALUE}).")
    String corpus = RagBenchmark.DEFAULT_CORPUS;

    @Option(names = "--extra", paramLabel = "FOLDER/GLOB",
            description = "More documents for the latency index, repeatable (default: the Debian Administrator's "
                    + "Handbook in English, Chinese, French and German, from the Debian package debian-handbook).")
    List<String> extras = RagBenchmark.DEFAULT_EXTRAS;

    @Option(names = "--queries", description = "Timed queries per method (default: ${DEFAULT-VALUE}).")
    int queries = 2000;

    @Option(names = "--cache", paramLabel = "DIR", description = "Where the latency index is kept (default: the "
            + "user's Mynah cache).")
    Path cache = PackageCache.userCacheRoot();

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RagBenchmark.Settings settings = new RagBenchmark.Settings(RagBenchmark.FileSet.parse(corpus),
                extras.stream().map(RagBenchmark.FileSet::parse).toList(), queries, cache);
        RagBenchmark.Report report = RagBenchmark.run(settings, spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(toJson(report)));
        } else {
            print(out, report);
        }
        return 0;
    }

    private static ObjectNode toJson(RagBenchmark.Report report) {
        RagBenchmark.Ingest ingest = report.ingest();
        ObjectNode json = new ObjectMapper().createObjectNode()
                .put("ingest_mb_per_s", round(ingest.megabytesPerSecond()))
                .put("ingest_chunks_per_s", round(ingest.chunksPerSecond()))
                .put("ingest_files", ingest.files())
                .put("ingest_bytes", ingest.bytes())
                .put("ingest_chunks", ingest.chunks())
                .put("ingest_seconds", round(ingest.seconds()))
                .put("chunks", report.searchChunks())
                .put("files", report.searchFiles())
                .put("index_reused", report.indexReused())
                .put("queries", report.queries())
                .put("search_p50_ms", round(report.hybrid().p50Millis()))
                .put("search_p99_ms", round(report.hybrid().p99Millis()))
                .put("embed_search_p50_ms", round(report.embedAndHybrid().p50Millis()))
                .put("embed_search_p99_ms", round(report.embedAndHybrid().p99Millis()));
        put(json, "bm25", report.bm25());
        put(json, "vector", report.vector());
        put(json, "hybrid", report.hybrid());
        return json.put("vector_api", report.vectorApi());
    }

    private static void put(ObjectNode json, String method, RagBenchmark.Latency latency) {
        json.put(method + "_p50_ms", round(latency.p50Millis())).put(method + "_p99_ms", round(latency.p99Millis()));
    }

    private static void print(PrintWriter out, RagBenchmark.Report report) {
        RagBenchmark.Ingest ingest = report.ingest();
        out.printf(Locale.ROOT, "ingest        %d files, %.2f MB, %d chunks in %.1f s: %.3f MB/s, %.1f chunks/s%n",
                ingest.files(), ingest.bytes() / 1e6, ingest.chunks(), ingest.seconds(), ingest.megabytesPerSecond(),
                ingest.chunksPerSecond());
        out.printf(Locale.ROOT, "search index  %d chunks in %d files (%s), %d queries, Vector API %s%n",
                report.searchChunks(), report.searchFiles(), report.indexReused() ? "reused" : "built or updated",
                report.queries(), report.vectorApi() ? "on" : "off");
        row(out, "bm25", report.bm25());
        row(out, "vector", report.vector());
        row(out, "hybrid", report.hybrid());
        row(out, "embed+hybrid", report.embedAndHybrid());
    }

    private static void row(PrintWriter out, String method, RagBenchmark.Latency latency) {
        out.printf(Locale.ROOT, "%-13s p50 %.3f ms, p99 %.3f ms%n", method, latency.p50Millis(), latency.p99Millis());
    }

    /** Four significant digits: enough for any of these figures, and a tiny corpus's MB/s does not round to 0. */
    private static double round(double value) {
        return new BigDecimal(value).round(new MathContext(4)).doubleValue();
    }
}
