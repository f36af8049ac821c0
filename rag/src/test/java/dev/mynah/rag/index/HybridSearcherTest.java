package dev.mynah.rag.index;

import dev.mynah.rag.ingest.IngestFixture;
import dev.mynah.rag.parse.DocumentParsers;
import dev.mynah.rag.parse.DocumentSkippedException;
import dev.mynah.rag.parse.ParseLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Retrieval over a small English and Chinese corpus, with the real MiniLM embeddings. */
class HybridSearcherTest {
    private static final String ROUTER = "To reset the router, hold the recessed button on its back for ten seconds "
            + "until the lights blink.";
    private static final String KETTLE = "Descale the kettle monthly with white vinegar and rinse it twice.";
    private static final String GARDEN = "Tomatoes need six hours of direct sunlight and deep weekly watering.";
    private static final String PRINTER_ZH = "更换打印机墨盒时，先关闭电源，然后打开前盖取出旧墨盒。";
    private static final String WEATHER_ZH = "明天北京有大雨，出门请记得带伞。";

    @TempDir
    static Path temp;
    private static IngestFixture f;
    private static Path home;
    private static Path garden;
    private static Path printer;
    private static Path weather;

    @BeforeAll
    static void indexCorpus() throws IOException {
        f = new IngestFixture(temp);
        home = f.write("home.md", "# Home\n\n## Kitchen\n\n" + KETTLE + "\n\n## Network\n\n" + ROUTER + "\n");
        garden = f.write("garden.txt", GARDEN);
        printer = f.write("zh/printer.txt", PRINTER_ZH);
        weather = f.write("zh/weather.txt", WEATHER_ZH);
        f.ingester.addRoot(f.folder);
    }

    @AfterAll
    static void close() throws IOException {
        f.close();
    }

    @Test
    void anEnglishQueryFindsItsChunkByEveryMethod() throws IOException {
        for (Retrieval retrieval : Retrieval.values()) {
            SearchHit best = f.searcher.search("how do I reset my router", 3, retrieval).getFirst();
            assertEquals("Network\n\n" + ROUTER, best.text(), retrieval.name());
            assertEquals(home, best.path(), retrieval.name());
        }
    }

    @Test
    void aHitCarriesItsFileHeadingsAndTheCharacterRangeToHighlight() throws IOException, DocumentSkippedException {
        SearchHit best = f.searcher.search("recessed button", 1, Retrieval.HYBRID).getFirst();

        assertEquals(home, best.path());
        assertEquals(null, best.page());
        assertEquals(List.of("Home", "Network"), best.headings());
        assertEquals("Network\n\n" + ROUTER, best.text());
        String extracted = DocumentParsers.parse(home, ParseLimits.DEFAULT).text();
        assertEquals(best.text(), extracted.substring(best.start(), best.end()));
    }

    @Test
    void chineseQueriesFindTheirChunkByWordsAndInTheFusedRanking() throws IOException {
        for (Retrieval retrieval : List.of(Retrieval.BM25, Retrieval.HYBRID)) {
            assertEquals(printer, f.files("如何更换墨盒", 1, retrieval).getFirst(), retrieval.name());
            assertEquals(weather, f.files("北京明天下雨吗", 1, retrieval).getFirst(), retrieval.name());
        }
    }

    @Test
    void englishWordsAreMatchedByTheirStem() throws IOException {
        assertEquals(List.of(garden), f.files("watered tomato", 5, Retrieval.BM25));
    }

    @Test
    void vectorsFindAParaphraseThatSharesNoWordWithTheText() throws IOException {
        assertEquals(home, f.files("my wifi box requires a restart", 1, Retrieval.VECTOR).getFirst());
        assertEquals(List.of(), f.files("my wifi box requires a restart", 5, Retrieval.BM25));
        assertEquals(home, f.files("my wifi box requires a restart", 1, Retrieval.HYBRID).getFirst());
    }

    @Test
    void theFusedScoreOfAChunkRankedFirstByBothMethodsIsOneEleventhForKeywordsPlusThreeForVectors()
            throws IOException {
        SearchHit best = f.searcher.search("descale the kettle with vinegar", 1, Retrieval.HYBRID).getFirst();

        assertEquals("Kitchen\n\n" + KETTLE, best.text());
        assertEquals((1f + 3f) / 11f, best.score(), 1e-6);
    }

    @Test
    void aQueryOfStopWordsAloneFindsNothingByWordsButStillByMeaning() throws IOException {
        assertEquals(List.of(), f.files("the and of", 5, Retrieval.BM25));
        assertEquals(5, f.files("the and of", 5, Retrieval.HYBRID).size());
    }

    @Test
    void resultsAreLimitedToK() throws IOException {
        assertEquals(2, f.files("kettle router tomatoes", 2, Retrieval.HYBRID).size());
        assertTrue(f.files("kettle router tomatoes", 2, Retrieval.BM25).size() <= 2);
    }

    @Test
    void anEmptyQueryIsRefusedWithAnExplanation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> f.searcher.search("  ", 5, Retrieval.HYBRID));

        assertEquals("the search query is empty; type the words to look for", e.getMessage());
    }
}
