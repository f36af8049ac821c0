package dev.mynah.rag.answer;

import dev.mynah.rag.chunk.ChunkBudget;
import dev.mynah.rag.chunk.StructureChunker;
import dev.mynah.rag.embed.MiniLmEmbedder;
import dev.mynah.rag.index.Retrieval;
import dev.mynah.rag.index.SearchHit;
import dev.mynah.rag.ingest.CommitPolicy;
import dev.mynah.rag.ingest.DocumentReader;
import dev.mynah.rag.ingest.IngestFixture;
import dev.mynah.rag.parse.ParseLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Answers without a language model, from a real index of English and Chinese files with the real MiniLM model. */
class ExtractiveAnswerTest {
    private static final String TWO_YEARS = "The kettle comes with a two-year warranty from the date of purchase.";
    private static final String RECEIPT = "Keep your receipt as proof of purchase.";
    private static final String LIMESCALE = "The warranty does not cover limescale damage.";
    private static final String DESCALE = "Descale the kettle monthly with white vinegar.";
    private static final String CARTRIDGE_ZH = "更换打印机墨盒时，先关闭电源，然后打开前盖取出旧墨盒。";
    private static final String CLICK_ZH = "新墨盒要轻轻按入，直到听到咔嗒声。";
    private static final String PRINTER_WARRANTY_ZH = "这台打印机的保修期为一年。";
    private static final Pattern MARKER = Pattern.compile("\\[\\d+]");

    @TempDir
    static Path temp;
    private static IngestFixture f;
    private static Path kettle;
    private static Path printer;
    private static Path lighthouse;

    @BeforeAll
    static void indexCorpus() throws IOException {
        // The default chunk budget, so that a chunk holds a whole section of several sentences.
        StructureChunker chunker = new StructureChunker(MiniLmEmbedder.tokenizer().tokenCounter(), ChunkBudget.DEFAULT);
        f = new IngestFixture(temp, new CommitPolicy(1000, Duration.ofMinutes(10)),
                counting -> DocumentReader.parsing(ParseLimits.DEFAULT, chunker));
        kettle = f.write("kettle.md", "# Kettle manual\n\n## Warranty\n\n" + TWO_YEARS + " " + RECEIPT + " "
                + LIMESCALE + "\n\n## Cleaning\n\n" + DESCALE + " Rinse it twice before boiling water again.\n");
        printer = f.write("打印机.md", "# 打印机说明\n\n" + CARTRIDGE_ZH + CLICK_ZH + "\n\n## 保修\n\n"
                + PRINTER_WARRANTY_ZH + "\n");
        f.write("router.txt", "To reset the router, hold the recessed button on its back for ten seconds until "
                + "the lights blink.");
        StringBuilder keeper = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            keeper.append("On day ").append(i).append(" the lighthouse keeper trimmed the lamp wick. ");
        }
        keeper.append("The lighthouse keeper wrote a very long entry").append(", and then more".repeat(60))
                .append(".\n");
        lighthouse = f.write("lighthouse.txt", keeper.toString());
        f.ingester.addRoot(f.folder);
    }

    @AfterAll
    static void close() throws IOException {
        f.close();
    }

    private static ExtractiveAnswer ask(String question) throws IOException {
        return ExtractiveAnswer.from(question, f.searcher.search(question, 5, Retrieval.HYBRID));
    }

    @Test
    void anEnglishQuestionIsAnsweredWithTheMatchingSentenceAndItsSource() throws IOException {
        ExtractiveAnswer answer = ask("How long is the kettle warranty?");

        assertTrue(answer.text().startsWith(TWO_YEARS + " [1]"), answer.text());
        assertFalse(answer.text().contains("lighthouse"), "a sentence that only shares \"long\": " + answer.text());
        Source first = answer.sources().getFirst();
        assertEquals(kettle, first.hit().path());
        assertEquals(List.of("Kettle manual", "Warranty"), first.hit().headings());
        assertEquals(kettle + " — Kettle manual > Warranty", first.label());
    }

    @Test
    void sentencesOfOneChunkKeepTheirOrderAndShareItsNumber() throws IOException {
        ExtractiveAnswer answer = ask("What proof of purchase does the warranty need?");

        int twoYears = answer.text().indexOf(TWO_YEARS + " [1]");
        int receipt = answer.text().indexOf(RECEIPT + " [1]");
        assertTrue(twoYears >= 0 && receipt > twoYears, answer.text());
        assertEquals(kettle, answer.sources().getFirst().hit().path());
    }

    @Test
    void aChineseQuestionIsAnsweredFromTheChineseFile() throws IOException {
        ExtractiveAnswer answer = ask("打印机墨盒怎么更换？");

        assertTrue(answer.text().startsWith(CARTRIDGE_ZH + " [1]"), answer.text());
        assertEquals(printer, answer.sources().getFirst().hit().path());
    }

    @Test
    void aChineseQuestionFindsTheSentenceInItsSection() throws IOException {
        ExtractiveAnswer answer = ask("打印机的保修期是多久？");

        assertTrue(answer.text().contains(PRINTER_WARRANTY_ZH + " ["), answer.text());
        Source source = new Citations(answer.sources()).read(answer.text()).sources().stream()
                .filter(s -> s.hit().text().contains(PRINTER_WARRANTY_ZH)).findFirst().orElseThrow();
        assertEquals(List.of("打印机说明", "保修"), source.hit().headings());
    }

    @Test
    void aQuestionTheDocumentsDoNotAnswerSaysSoPlainly() throws IOException {
        ExtractiveAnswer english = ask("What is the capital of France?");
        ExtractiveAnswer chinese = ask("法国的首都是哪里？");
        ExtractiveAnswer onlyQuestionWords = ask("What is it?");

        for (ExtractiveAnswer answer : List.of(english, chinese, onlyQuestionWords)) {
            assertEquals("I couldn't find that in your documents.", answer.text());
            assertTrue(answer.sources().isEmpty());
            assertFalse(answer.found());
        }
    }

    @Test
    void everyMarkerInTheAnswerMapsBackToTheListedSources() throws IOException {
        for (String question : List.of("How do I clean and descale the kettle?", "打印机墨盒怎么更换？",
                "How do I reset the router?")) {
            ExtractiveAnswer answer = ask(question);

            Citations.Cited cited = new Citations(answer.sources()).read(answer.text());
            assertEquals(answer.sources(), cited.sources(), answer.text());
            assertEquals(List.of(), cited.unknown(), answer.text());
            assertTrue(answer.found(), question);
        }
    }

    @Test
    void theAnswerHasAtMostThreeSentencesAndLongOnesAreCut() throws IOException {
        ExtractiveAnswer answer = ask("What did the lighthouse keeper do?");

        int sentences = (int) MARKER.matcher(answer.text()).results().count();
        assertTrue(sentences >= 1 && sentences <= 3, answer.text());
        assertTrue(answer.text().length() <= 700 + 3 * " [1]".length(), answer.text().length() + ": " + answer.text());
        assertEquals(lighthouse, answer.sources().getFirst().hit().path());
    }

    @Test
    void aSentenceLongerThanTheLimitIsQuotedUpToAWordBoundary() {
        String longSentence = "The lighthouse keeper wrote" + ", and then more".repeat(60) + ".";
        SearchHit hit = new SearchHit(lighthouse, null, List.of(), longSentence, 0, longSentence.length(), 0, 1f);

        ExtractiveAnswer answer = ExtractiveAnswer.from("what did the lighthouse keeper write", List.of(hit));

        assertTrue(answer.text().startsWith("The lighthouse keeper wrote, and then more"), answer.text());
        assertTrue(answer.text().endsWith("more… [1]"), answer.text());
        assertTrue(answer.text().length() <= 300 + "… [1]".length(), answer.text());
    }
}
