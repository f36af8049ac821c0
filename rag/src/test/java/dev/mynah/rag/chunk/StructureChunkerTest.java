package dev.mynah.rag.chunk;

import dev.mynah.rag.parse.DocumentParsers;
import dev.mynah.rag.parse.ParseLimits;
import dev.mynah.rag.parse.ParsedDocument;
import dev.mynah.rag.parse.SampleFiles;
import dev.mynah.rag.parse.Section;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.mynah.rag.chunk.ChunkInvariants.CHARACTERS;
import static dev.mynah.rag.chunk.ChunkInvariants.WORDS;
import static dev.mynah.rag.chunk.ChunkInvariants.assertWellFormed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StructureChunkerTest {
    @TempDir
    Path dir;

    private ParsedDocument parse(String name, String content) throws Exception {
        return DocumentParsers.parse(Files.writeString(dir.resolve(name), content), ParseLimits.DEFAULT);
    }

    private static String sentences(int count, String prefix) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + " sentence number " + i + " has seven words.")
                .collect(Collectors.joining(" "));
    }

    @Test
    void shortSectionsBecomeOneChunkEachUnderTheirHeadingPath() throws Exception {
        ParsedDocument document = parse("guide.md", """
                # Tea
                Tea is a drink.

                ## Green tea
                Steep it briefly.

                ## Black tea
                Steep it longer.
                """);

        List<Chunk> chunks = new StructureChunker(WORDS, ChunkBudget.DEFAULT).chunk(document);

        assertEquals(List.of("Tea\n\nTea is a drink.", "Green tea\n\nSteep it briefly.", "Black tea\n\nSteep it longer."),
                chunks.stream().map(Chunk::text).toList());
        assertEquals(List.of(List.of("Tea"), List.of("Tea", "Green tea"), List.of("Tea", "Black tea")),
                chunks.stream().map(Chunk::headings).toList());
        assertWellFormed(document, chunks, WORDS, ChunkBudget.DEFAULT);
    }

    @Test
    void paragraphsThatFitTogetherShareAChunkAndOneThatDoesNotStartsTheNext() throws Exception {
        String first = "alpha ".repeat(8).strip();
        String second = "beta ".repeat(8).strip();
        String third = "gamma ".repeat(8).strip();
        ParsedDocument document = parse("p.txt", first + "\n\n" + second + "\n\n" + third);
        ChunkBudget budget = new ChunkBudget(20, 0, 2000);

        List<Chunk> chunks = new StructureChunker(WORDS, budget).chunk(document);

        assertEquals(List.of(first + "\n\n" + second, third), chunks.stream().map(Chunk::text).toList());
        assertWellFormed(document, chunks, WORDS, budget);
    }

    @Test
    void aParagraphOverTheBudgetIsSplitAtSentenceEnds() throws Exception {
        ParsedDocument document = parse("long.txt", sentences(10, "This"));
        ChunkBudget budget = new ChunkBudget(20, 0, 2000);

        List<Chunk> chunks = new StructureChunker(WORDS, budget).chunk(document);

        assertEquals(5, chunks.size(), "two seven-word sentences per 20-token chunk");
        chunks.forEach(chunk -> assertTrue(chunk.text().endsWith("words."), chunk.text()));
        assertWellFormed(document, chunks, WORDS, budget);
    }

    @Test
    void sentenceEndsAreFoundAfterClosingQuotesButNotInsideNumbers() {
        String text = "He said \"stop.\" Then pi was 3.14 exactly! Really? Yes.";
        List<String> spans = new ArrayList<>();

        Boundary.SENTENCE.split(text, 0, text.length(), (start, end) -> spans.add(text.substring(start, end)));

        assertEquals(List.of("He said \"stop.\"", "Then pi was 3.14 exactly!", "Really?", "Yes."), spans);
    }

    @Test
    void chineseTextIsSplitAtFullWidthSentenceEnds() throws Exception {
        String text = "今天天气很好，我们去公园散步。公园里有很多人在跑步！你想一起去吗？明天可能会下雨，记得带伞。";
        ParsedDocument document = parse("zh.txt", text);
        ChunkBudget budget = new ChunkBudget(18, 0, 2000);

        List<Chunk> chunks = new StructureChunker(CHARACTERS, budget).chunk(document);

        assertEquals(List.of("今天天气很好，我们去公园散步。", "公园里有很多人在跑步！你想一起去吗？", "明天可能会下雨，记得带伞。"),
                chunks.stream().map(Chunk::text).toList());
        assertWellFormed(document, chunks, CHARACTERS, budget);
    }

    @Test
    void aSentenceOverTheBudgetIsSplitBetweenWordsNeverInsideOne() throws Exception {
        String words = IntStream.range(0, 23).mapToObj(i -> "word" + i).collect(Collectors.joining(" "));
        ParsedDocument document = parse("run-on.txt", words);
        ChunkBudget budget = new ChunkBudget(5, 0, 2000);

        List<Chunk> chunks = new StructureChunker(WORDS, budget).chunk(document);

        assertEquals(5, chunks.size());
        assertEquals(words, chunks.stream().map(Chunk::text).collect(Collectors.joining(" ")));
        assertWellFormed(document, chunks, WORDS, budget);
    }

    @Test
    void aSingleWordOverTheBudgetIsCutIntoPiecesThatFit() throws Exception {
        ParsedDocument document = parse("url.txt", "x".repeat(1000));
        ChunkBudget budget = new ChunkBudget(100, 0, 2000);

        List<Chunk> chunks = new StructureChunker(CHARACTERS, budget).chunk(document);

        assertEquals("x".repeat(1000), chunks.stream().map(Chunk::text).collect(Collectors.joining()));
        assertWellFormed(document, chunks, CHARACTERS, budget);
    }

    @Test
    void aNewChunkRepeatsTheLastSentencesOfThePreviousWithinTheOverlapBudget() throws Exception {
        ParsedDocument document = parse("overlap.txt", sentences(6, "Here"));
        ChunkBudget budget = new ChunkBudget(21, 8, 2000);

        List<Chunk> chunks = new StructureChunker(WORDS, budget).chunk(document);

        assertEquals(List.of(
                "Here sentence number 1 has seven words. Here sentence number 2 has seven words. "
                        + "Here sentence number 3 has seven words.",
                "Here sentence number 3 has seven words. Here sentence number 4 has seven words. "
                        + "Here sentence number 5 has seven words.",
                "Here sentence number 5 has seven words. Here sentence number 6 has seven words."),
                chunks.stream().map(Chunk::text).toList());
        assertWellFormed(document, chunks, WORDS, budget);
    }

    @Test
    void theBudgetLeavesOutTheSpecialTokensTheCounterAddsToEveryText() throws Exception {
        TokenCounter withClsAndSep = text -> WORDS.count(text) + 2;
        ParsedDocument document = parse("s.txt", sentences(4, "Count"));
        ChunkBudget budget = new ChunkBudget(14, 0, 2000);

        List<Chunk> chunks = new StructureChunker(withClsAndSep, budget).chunk(document);

        assertEquals(2, chunks.size(), "two seven-word sentences are 14 content tokens");
        assertWellFormed(document, chunks, withClsAndSep, budget);
    }

    @Test
    void aCounterThatIsNotAdditiveStillNeverSeesAChunkOverBudget() throws Exception {
        // Counts one more token for every line break, so joined pieces count more than their sum.
        TokenCounter lineBreaksCost = text -> WORDS.count(text) + (int) text.chars().filter(c -> c == '\n').count();
        String paragraphs = IntStream.range(0, 12).mapToObj(i -> "short paragraph " + i).collect(Collectors.joining("\n\n"));
        ParsedDocument document = parse("n.txt", paragraphs);
        ChunkBudget budget = new ChunkBudget(10, 3, 2000);

        List<Chunk> chunks = new StructureChunker(lineBreaksCost, budget).chunk(document);

        assertWellFormed(document, chunks, lineBreaksCost, budget);
    }

    @Test
    void theCharacterBudgetBoundsChunksOfFewLongTokens() throws Exception {
        String text = IntStream.range(0, 40).mapToObj(i -> "supercalifragilistic" + i).collect(Collectors.joining(" "));
        ParsedDocument document = parse("long-words.txt", text);
        ChunkBudget budget = new ChunkBudget(200, 0, 100);

        List<Chunk> chunks = new StructureChunker(WORDS, budget).chunk(document);

        assertTrue(chunks.size() >= 9, "40 words of 22 characters need at least 9 chunks of 100 characters");
        assertWellFormed(document, chunks, WORDS, budget);
    }

    @Test
    void aChunkNeverSpansTwoPdfPages() throws Exception {
        Path file = SampleFiles.pdf(dir.resolve("two-pages.pdf"), "Pages", List.of(
                List.of("Page one ends here."), List.of("Page two starts here.")));
        ParsedDocument document = DocumentParsers.parse(file, ParseLimits.DEFAULT);

        List<Chunk> chunks = new StructureChunker(WORDS, ChunkBudget.DEFAULT).chunk(document);

        assertEquals(List.of("Page one ends here.", "Page two starts here."), chunks.stream().map(Chunk::text).toList());
        assertEquals(List.of(1, 2), chunks.stream().map(Chunk::page).toList());
        assertWellFormed(document, chunks, WORDS, ChunkBudget.DEFAULT);
    }

    @Test
    void aTenMegabyteLineIsChunkedWithinBudgetAndLosesNothing() throws Exception {
        String line = IntStream.range(0, 1_500_000).mapToObj(i -> i % 97 == 0 ? "end." : "word")
                .collect(Collectors.joining(" "));
        assertTrue(line.length() >= 7_000_000);
        ParsedDocument document = parse("one-line.txt", line);

        List<Chunk> chunks = new StructureChunker(WORDS, ChunkBudget.DEFAULT).chunk(document);

        assertTrue(chunks.size() > 1_500_000 / ChunkBudget.DEFAULT.maxTokens());
        assertWellFormed(document, chunks, WORDS, ChunkBudget.DEFAULT);
    }

    @Test
    void everySectionOfADocumentIsChunkedInOrder() throws Exception {
        ParsedDocument document = parse("mixed.md", "# A\n" + sentences(30, "Alpha") + "\n\n## B\n"
                + sentences(3, "Beta") + "\n\n# C\n" + "Gamma ".repeat(300));

        List<Chunk> chunks = new StructureChunker(WORDS, new ChunkBudget(40, 7, 2000)).chunk(document);

        assertEquals(document.sections().stream().map(Section::headings).toList(),
                chunks.stream().map(Chunk::headings).distinct().toList());
        assertWellFormed(document, chunks, WORDS, new ChunkBudget(40, 7, 2000));
    }
}
