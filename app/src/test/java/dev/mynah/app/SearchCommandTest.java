package dev.mynah.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code mynah search} in a child JVM over one index of real documents: the bzip2 manual (PDF), an appendix of the
 * Debian Reference (HTML), and English and Chinese notes.
 */
class SearchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;
    static Path home;
    static Path manual;
    static Path appendix;
    static Path pandas;

    @BeforeAll
    static void indexTheDocuments() throws Exception {
        home = temp.resolve("home");
        Path docs = Files.createDirectories(temp.resolve("docs")).toRealPath();
        manual = DebianDocuments.bzip2Manual(docs);
        appendix = DebianDocuments.debianReference("apa.en.html", docs);
        pandas = Files.writeString(docs.resolve("pandas-zh.txt"),
                "大熊猫主要以竹子为食，每天要吃十几公斤竹子。它们生活在中国四川的山区。\n");
        Files.writeString(docs.resolve("coffee-zh.txt"), "咖啡豆需要先烘焙，然后研磨，最后用热水冲泡。\n");
        Files.writeString(docs.resolve("garden.txt"), "Tomatoes need six hours of sun and deep watering.\n");
        MynahProcess.Run add = MynahProcess.run(home, null, "index", "add", docs.toString());
        assertEquals(0, add.exitCode(), add.err());
    }

    @Test
    void findsThePdfPassageWithItsFileAndPage() throws Exception {
        JsonNode found = search("a media or transmission error damaged my multi-block bz2 file");

        JsonNode top = found.at("/results/0");
        assertEquals(manual.toString(), top.get("path").asText(), found.toString());
        // The section "2.6. Recovering data from damaged files" is on the 9th page of the PDF (printed page 7).
        assertEquals(9, top.get("page").asInt(), top.toString());
        assertTrue(top.get("text").asText().contains("RECOVERING DATA FROM DAMAGED"), top.toString());
        assertTrue(top.get("start").asInt() < top.get("end").asInt(), top.toString());
        assertTrue(top.get("score").asDouble() > 0, top.toString());
    }

    @Test
    void findsTheHtmlSectionWithItsHeading() throws Exception {
        JsonNode top = search("who started the Debian Reference as a personal system administration memo")
                .at("/results/0");

        assertEquals(appendix.toString(), top.get("path").asText(), top.toString());
        assertTrue(top.get("page").isNull(), "HTML has no pages: " + top);
        assertEquals("A.2. Copyright history", top.get("heading").asText(), top.toString());
        assertEquals("A.2. Copyright history", top.at("/headings").get(top.get("headings").size() - 1).asText());
        assertTrue(top.get("text").asText().contains("personal system administration memo"), top.toString());
    }

    @Test
    void textOutputNumbersEachResultWithFilePageHeadingScoreAndSnippet() throws Exception {
        MynahProcess.Run run = MynahProcess.run(home, null, "search", "who started the Debian Reference", "--k", "2");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(4, lines.size(), run.out());
        assertTrue(lines.get(0).matches("1\\. " + Pattern.quote(appendix.toString())
                + " · .*A\\.2\\. Copyright history  \\(score 0\\.\\d{4}\\)"), lines.get(0));
        assertTrue(lines.get(1).startsWith("   ") && lines.get(1).length() > 40, lines.get(1));
        assertTrue(lines.get(2).startsWith("2. "), lines.get(2));
        assertTrue(lines.get(3).startsWith("   "), lines.get(3));
    }

    @Test
    void kLimitsTheResultsAndModeChoosesTheRetrieval() throws Exception {
        for (String mode : List.of("bm25", "vector", "hybrid")) {
            JsonNode found = search("tomatoes sun watering", "--k", "1", "--mode", mode);
            assertEquals(mode, found.get("mode").asText());
            assertEquals(1, found.get("results").size(), found.toString());
            assertEquals(1, found.at("/results/0/rank").asInt());
            assertTrue(found.at("/results/0/path").asText().endsWith("garden.txt"), mode + ": " + found);
        }
        assertEquals(3, search("bzip2", "--k", "3").get("results").size());
    }

    @Test
    void aChineseQueryFindsTheChineseDocument() throws Exception {
        for (String mode : List.of("bm25", "hybrid")) {
            MynahProcess.Run run = MynahProcess.run(home, "熊猫吃什么\n", "search", "--stdin", "--json",
                    "--mode", mode);
            assertEquals(0, run.exitCode(), run.err());
            JsonNode found = JSON.readTree(run.out());
            assertEquals("熊猫吃什么", found.get("query").asText());
            assertEquals(pandas.toString(), found.at("/results/0/path").asText(), mode + ": " + found);
            assertTrue(found.at("/results/0/text").asText().contains("竹子"), found.toString());
        }
    }

    @Test
    void stdinAnswersEachLineWithOneObjectInOneProcess() throws Exception {
        MynahProcess.Run run = MynahProcess.run(home,
                "how do I recover data from a damaged bz2 file\n咖啡怎么冲泡\n\nwhen do tomatoes need watering\n",
                "search", "--stdin", "--json", "--k", "2");

        List<JsonNode> lines = new ArrayList<>();
        for (String line : run.out().lines().toList()) {
            lines.add(JSON.readTree(line));
        }
        assertEquals(4, lines.size(), run.out());
        assertEquals(manual.toString(), lines.get(0).at("/results/0/path").asText(), lines.get(0).toString());
        assertTrue(lines.get(1).at("/results/0/path").asText().endsWith("coffee-zh.txt"), lines.get(1).toString());
        assertEquals("", lines.get(2).get("query").asText());
        assertEquals(0, lines.get(2).get("results").size());
        assertTrue(lines.get(2).get("error").asText().contains("the search query is empty"), lines.get(2).toString());
        assertTrue(lines.get(3).at("/results/0/path").asText().endsWith("garden.txt"), lines.get(3).toString());
        for (int answered : new int[] {0, 1, 3}) {
            assertEquals(2, lines.get(answered).get("results").size(), lines.get(answered).toString());
        }
        assertEquals(1, run.exitCode(), "a line failed");
        assertTrue(run.err().startsWith("mynah: line 3: the search query is empty"), run.err());
    }

    @Test
    void badInputGetsAMessageSayingWhatToDo() throws Exception {
        assertUsageError("the search query is empty; type the words to look for, in quotes", "search", " ");
        assertUsageError("--k must be at least 1, not 0", "search", "bzip2", "--k", "0");
        assertUsageError("'fuzzy' is not a search mode; use hybrid, bm25 or vector", "search", "bzip2", "--mode",
                "fuzzy");
        assertUsageError("give one QUERY or --stdin", "search");
        assertUsageError("give one QUERY or --stdin", "search", "bzip2", "--stdin");
    }

    @Test
    void withoutAnIndexSearchSaysHowToStart() throws Exception {
        Path fresh = temp.resolve("fresh-home");

        MynahProcess.Run run = MynahProcess.run(fresh, null, "search", "bzip2");

        assertEquals(1, run.exitCode());
        assertEquals("mynah: no documents are indexed yet (there is no index in "
                + fresh.resolve("indexes").resolve("documents") + "); add a folder first with `mynah index add DIR`",
                run.err().strip());
        assertFalse(Files.exists(fresh.resolve("indexes")), "searching creates no index");
    }

    private static JsonNode search(String query, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("search", query, "--json"));
        args.addAll(List.of(options));
        MynahProcess.Run run = MynahProcess.run(home, null, args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1, run.out().lines().count(), "one JSON object: " + run.out());
        return JSON.readTree(run.out());
    }

    private static void assertUsageError(String message, String... args) throws Exception {
        MynahProcess.Run run = MynahProcess.run(home, null, args);
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains(message), run.err());
        assertEquals("", run.out());
    }
}
