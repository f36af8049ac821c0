package dev.mynah.app;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mynah.rag.index.HybridSearcher;
import dev.mynah.rag.index.Retrieval;
import dev.mynah.rag.index.SearchHit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code mynah search "QUERY"}: the passages of the indexed documents that best match a query. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search the indexed documents. Hybrid search fuses word matching (BM25, English and Chinese) "
                + "with meaning (MiniLM embeddings) by reciprocal rank.")
final class SearchCommand implements Callable<Integer> {
    /** Non-ASCII text is escaped, so the JSON stays intact whatever encoding the terminal or pipe uses. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final int SNIPPET_CHARS = 240;

    @Parameters(arity = "0..1", paramLabel = "QUERY", description = "What to look for, in quotes.")
    String query;

    @Option(names = "--k", paramLabel = "N", defaultValue = "5", description = "How many results (default: 5).")
    int k;

    @Option(names = "--json", description = "Print one JSON object with a results array; each result has rank, "
            + "path, page (or null), heading (the innermost, or null), headings, score, text, start and end.")
    boolean json;

    @Option(names = "--stdin", description = "Read one query per line from standard input and answer each in turn "
            + "(with --json, one object per line).")
    boolean stdin;

    @Option(names = "--mode", paramLabel = "hybrid|bm25|vector", defaultValue = "hybrid",
            converter = RetrievalConverter.class,
            description = "hybrid (default), bm25 (words only) or vector (meaning only).")
    Retrieval retrieval;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if ((query == null) == !stdin) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give one QUERY or --stdin");
        }
        if (k < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--k must be at least 1, not " + k);
        }
        if (query != null && query.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "the search query is empty; type the words to look for, in quotes");
        }
        try (DocumentLibrary library = DocumentLibrary.openExisting(AppDirectories.forUser())) {
            if (!stdin) {
                print(query, library.searcher().search(query, k, retrieval));
                return 0;
            }
            return searchEachLine(library.searcher());
        }
    }

    /** Answers every line of standard input; a bad line is reported and the rest still run. */
    private int searchEachLine(HybridSearcher searcher) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintWriter err = spec.commandLine().getErr();
        int failures = 0;
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            try {
                print(line, searcher.search(line, k, retrieval));
            } catch (IllegalArgumentException e) {
                failures++;
                err.println("mynah: line " + number + ": " + e.getMessage());
                err.flush();
                if (json) {
                    ObjectNode out = header(line).put("error", e.getMessage());
                    out.putArray("results");
                    printLine(JSON.writeValueAsString(out));
                }
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private void print(String asked, List<SearchHit> hits) throws IOException {
        if (json) {
            ObjectNode out = header(asked);
            ArrayNode results = out.putArray("results");
            for (int i = 0; i < hits.size(); i++) {
                results.add(toJson(i + 1, hits.get(i)));
            }
            printLine(JSON.writeValueAsString(out));
            return;
        }
        StringBuilder text = new StringBuilder();
        if (stdin) {
            text.append("Results for \"").append(asked).append("\":\n");
        }
        if (hits.isEmpty()) {
            text.append("No results for \"").append(asked).append("\".\n");
        }
        for (int i = 0; i < hits.size(); i++) {
            SearchHit hit = hits.get(i);
            text.append(i + 1).append(". ").append(hit.path());
            if (hit.page() != null) {
                text.append(", page ").append(hit.page());
            }
            if (!hit.headings().isEmpty()) {
                text.append(" · ").append(String.join(" > ", hit.headings()));
            }
            text.append(String.format(Locale.ROOT, "  (score %.4f)%n", hit.score()));
            text.append("   ").append(snippet(hit.text())).append('\n');
        }
        printLine(text.toString().stripTrailing());
    }

    private ObjectNode header(String asked) {
        return JSON.createObjectNode().put("query", asked).put("mode", retrieval.name().toLowerCase(Locale.ROOT));
    }

    private static ObjectNode toJson(int rank, SearchHit hit) {
        return putLocation(JSON.createObjectNode().put("rank", rank), hit).put("score", hit.score())
                .put("text", hit.text());
    }

    /**
     * Puts where {@code hit} is into {@code node}: {@code path}, {@code page} (or null), {@code heading} (the
     * innermost, or null), {@code headings}, and the character range {@code start} and {@code end}; for every
     * command that prints hits or citations as JSON.
     */
    static ObjectNode putLocation(ObjectNode node, SearchHit hit) {
        node.put("path", hit.path().toString());
        if (hit.page() == null) {
            node.putNull("page");
        } else {
            node.put("page", hit.page());
        }
        node.put("heading", hit.headings().isEmpty() ? null : hit.headings().getLast());
        ArrayNode headings = node.putArray("headings");
        hit.headings().forEach(headings::add);
        return node.put("start", hit.start()).put("end", hit.end());
    }

    /** The chunk's text on one line, cut at a word boundary. */
    private static String snippet(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        if (flat.length() <= SNIPPET_CHARS) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', SNIPPET_CHARS);
        return flat.substring(0, cut > SNIPPET_CHARS / 2 ? cut : SNIPPET_CHARS) + " …";
    }

    private void printLine(String line) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(line);
        out.flush();
    }

    /** Reads {@code --mode} in any letter case. */
    static final class RetrievalConverter implements CommandLine.ITypeConverter<Retrieval> {
        @Override
        public Retrieval convert(String value) {
            for (Retrieval retrieval : Retrieval.values()) {
                if (retrieval.name().equalsIgnoreCase(value)) {
                    return retrieval;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a search mode; use hybrid, bm25 "
                    + "or vector");
        }
    }
}
