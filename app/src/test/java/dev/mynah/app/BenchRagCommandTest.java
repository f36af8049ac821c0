package dev.mynah.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the document search benchmark end to end on a small corpus written here, with the real MiniLM model. */
class BenchRagCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsThroughputAndOrderedLatenciesThenReusesItsIndexUntilADocumentChanges() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("manual"));
        Files.writeString(corpus.resolve("network.md"), "# Network\n\n## 1.1. Wireless setup\n\n"
                + "Join a wireless network from the panel and type its passphrase.\n\n## 1.2. Firewall rules\n\n"
                + "Allow incoming SSH on port 22 and block everything else.\n");
        Files.writeString(corpus.resolve("printing.md"), "# Printing\n\n## 2.1. Ink cartridges\n\n"
                + "Open the front cover and press the cartridge until it clicks.\n");
        Files.writeString(corpus.resolve("notes.txt"), "not part of the corpus: the glob takes Markdown only");
        Path extra = Files.createDirectories(dir.resolve("more"));
        Files.writeString(extra.resolve("garden.txt"), "Tomatoes need six hours of direct sunlight.");
        String[] command = {"bench", "rag", "--corpus", corpus.resolve("*.md").toString(),
                "--extra", extra.resolve("*.txt").toString(), "--queries", "20",
                "--cache", dir.resolve("cache").toString(), "--json"};

        JsonNode first = run(command);

        assertEquals(2, first.get("ingest_files").asInt(), first.toString());
        assertEquals(Files.size(corpus.resolve("network.md")) + Files.size(corpus.resolve("printing.md")),
                first.get("ingest_bytes").asLong());
        assertTrue(first.get("ingest_chunks").asInt() >= 3, "one chunk per section at least: " + first);
        assertTrue(first.get("ingest_mb_per_s").asDouble() > 0 && first.get("ingest_chunks_per_s").asDouble() > 0);
        assertEquals(3, first.get("files").asInt(), "the corpus and the extra file: " + first);
        assertEquals(first.get("ingest_chunks").asInt() + 1, first.get("chunks").asInt(), first.toString());
        assertEquals(20, first.get("queries").asInt());
        assertFalse(first.get("index_reused").asBoolean(), "the first run builds the index");
        for (String method : new String[] {"bm25", "vector", "hybrid", "search", "embed_search"}) {
            double p50 = first.get(method + "_p50_ms").asDouble();
            double p99 = first.get(method + "_p99_ms").asDouble();
            assertTrue(p50 > 0 && p50 <= p99, method + " in " + first);
        }
        assertEquals(first.get("hybrid_p50_ms"), first.get("search_p50_ms"), "search alone means hybrid");
        assertTrue(first.get("vector_api").isBoolean(), first.toString());

        assertTrue(run(command).get("index_reused").asBoolean(), "nothing changed, nothing is read again");

        Files.writeString(extra.resolve("garden.txt"), "Water deeply once a week.\n\nMulch keeps the soil moist.");
        assertFalse(run(command).get("index_reused").asBoolean(), "a changed document is read again");
    }

    @Test
    void aCorpusThatMatchesNoFileIsAClearError() {
        MynahCli.Run run = MynahCli.run("bench", "rag", "--corpus", dir.resolve("*.html").toString(),
                "--cache", dir.resolve("cache").toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("no files match " + dir.resolve("*.html")), run.err());
        assertTrue(run.err().contains("--corpus"), "says how to fix it: " + run.err());
    }

    private static JsonNode run(String... command) throws Exception {
        MynahCli.Run run = MynahCli.run(command);
        assertEquals(0, run.exitCode(), run.err());
        return new ObjectMapper().readTree(run.out());
    }
}
