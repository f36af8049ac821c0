package dev.mynah.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code mynah ask} in a child JVM, over a folder indexed with {@code mynah index add}. */
class AskCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TWO_YEARS = "The kettle comes with a two-year warranty from the date of purchase.";
    private static final String CARTRIDGE_ZH = "更换打印机墨盒时，先关闭电源，然后打开前盖取出旧墨盒。";

    @TempDir
    static Path home;
    private static Path docs;

    @BeforeAll
    static void indexAFolder() throws Exception {
        docs = Files.createDirectories(home.resolve("docs")).toRealPath();
        Files.writeString(docs.resolve("kettle.md"), "# Kettle manual\n\n## Warranty\n\n" + TWO_YEARS
                + " Keep your receipt as proof of purchase.\n\n## Cleaning\n\nDescale the kettle monthly with white "
                + "vinegar.\n");
        Files.writeString(docs.resolve("打印机.txt"), CARTRIDGE_ZH + "新墨盒要轻轻按入，直到听到咔嗒声。");
        Files.writeString(docs.resolve("garden-club.txt"), DocumentTurnTest.NOTE);
        MynahProcess.Run add = MynahProcess.run(home, null, "index", "add", docs.toString());
        assertEquals(0, add.exitCode(), add.out() + add.err());
    }

    @Test
    void anEnglishQuestionPrintsTheCitedSentenceAndItsNumberedSources() throws Exception {
        MynahProcess.Run run = MynahProcess.run(home, null, "ask", "How long is the kettle warranty?");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith(TWO_YEARS + " [1]"), run.out());
        assertTrue(run.out().contains("\n\nSources:\n[1] " + docs.resolve("kettle.md") + " — Kettle manual > Warranty\n"),
                run.out());
    }

    @Test
    void jsonGivesTheAnswerAndEachCitationsPathPageHeadingAndRange() throws Exception {
        MynahProcess.Run run = MynahProcess.run(home, null, "ask", "打印机墨盒怎么更换？", "--json", "--k", "3");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode out = JSON.readTree(run.out());
        assertEquals("打印机墨盒怎么更换？", out.get("question").asText());
        assertTrue(out.get("answer").asText().startsWith(CARTRIDGE_ZH + " [1]"), run.out());
        assertTrue(out.get("found").asBoolean());
        JsonNode first = out.get("citations").get(0);
        assertEquals(1, first.get("n").asInt());
        assertEquals(docs.resolve("打印机.txt").toString(), first.get("path").asText());
        assertTrue(first.get("page").isNull());
        assertTrue(first.get("heading").isNull());
        String file = Files.readString(docs.resolve("打印机.txt"));
        assertTrue(file.substring(first.get("start").asInt(), first.get("end").asInt()).contains(CARTRIDGE_ZH),
                run.out());
    }

    @Test
    void aQuestionTheDocumentsDoNotAnswerSaysSoWithoutSources() throws Exception {
        MynahProcess.Run text = MynahProcess.run(home, null, "ask", "What is the capital of France?");
        MynahProcess.Run json = MynahProcess.run(home, null, "ask", "What is the capital of France?", "--json");

        assertEquals(0, text.exitCode(), text.err());
        assertEquals("I couldn't find that in your documents.\n", text.out());
        JsonNode out = JSON.readTree(json.out());
        assertFalse(out.get("found").asBoolean());
        assertEquals(0, out.get("citations").size());
    }

    @Test
    void aDocumentThatGivesOrdersIsQuotedAsDataAndNothingRuns() throws Exception {
        MynahProcess.Run run = MynahProcess.run(home, null, "ask", DocumentTurnTest.QUESTION);

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains(DocumentTurnTest.INJECTION + " [1]"), run.out());
        assertTrue(run.out().contains("[1] " + docs.resolve("garden-club.txt")), run.out());
        assertFalse(Files.exists(home.resolve("audit")), "no action ran, so none was audited");
    }

    @Test
    void askingBeforeAnyFolderIsIndexedSaysHowToAddOne(@TempDir Path empty) throws Exception {
        MynahProcess.Run run = MynahProcess.run(empty, null, "ask", "How long is the kettle warranty?");

        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.err().contains("no documents are indexed yet"), run.err());
        assertTrue(run.err().contains("mynah index add DIR"), run.err());
        assertFalse(Files.exists(empty.resolve("indexes").resolve("documents")), "asking creates no index");
    }

    @Test
    void anEmptyQuestionOrABadKIsRefusedWithTheReason() throws Exception {
        MynahProcess.Run blank = MynahProcess.run(home, null, "ask", "  ");
        MynahProcess.Run zero = MynahProcess.run(home, null, "ask", "warranty", "--k", "0");

        assertEquals(2, blank.exitCode());
        assertTrue(blank.err().contains("the question is empty; ask something about your documents"), blank.err());
        assertEquals(2, zero.exitCode());
        assertTrue(zero.err().contains("--k must be at least 1, not 0"), zero.err());
    }
}
