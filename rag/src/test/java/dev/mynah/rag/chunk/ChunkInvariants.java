package dev.mynah.rag.chunk;

import dev.mynah.rag.parse.ParsedDocument;
import dev.mynah.rag.parse.Section;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** What every chunking of every document must satisfy, checked chunk by chunk. */
final class ChunkInvariants {
    private ChunkInvariants() {
    }

    /** A counter that sees words: runs of non-blank characters. */
    static final TokenCounter WORDS = text -> text.isBlank() ? 0 : text.strip().split("\\s+").length;
    /** A counter that sees every non-blank character as a token, as BERT does with Chinese. */
    static final TokenCounter CHARACTERS = text -> (int) text.codePoints().filter(c -> !Character.isWhitespace(c)).count();

    static void assertWellFormed(ParsedDocument document, List<Chunk> chunks, TokenCounter counter, ChunkBudget budget) {
        boolean[] covered = new boolean[document.text().length()];
        for (int i = 0; i < chunks.size(); i++) {
            Chunk chunk = chunks.get(i);
            assertEquals(i, chunk.ordinal(), "ordinals count from 0");
            assertEquals(document.path(), chunk.path());
            assertEquals(document.text().substring(chunk.start(), chunk.end()), chunk.text(), "text is its range");
            assertEquals(chunk.text().strip(), chunk.text(), "no blank edges");
            assertTrue(counter.count(chunk.text()) - counter.count("") <= budget.maxTokens(),
                    () -> "over the token budget: " + chunk.text());
            assertTrue(chunk.text().length() <= budget.maxChars(), "over the character budget");
            Section section = sectionOf(document, chunk);
            assertEquals(section.headings(), chunk.headings());
            assertEquals(section.page(), chunk.page());
            if (i > 0 && chunks.get(i - 1).start() > chunk.start()) {
                fail("chunks are in reading order");
            }
            for (int at = chunk.start(); at < chunk.end(); at++) {
                covered[at] = true;
            }
        }
        for (int at = 0; at < covered.length; at++) {
            if (!covered[at] && !Character.isWhitespace(document.text().charAt(at))) {
                fail("text at " + at + " is in no chunk: " + document.text().substring(at, Math.min(at + 40, covered.length)));
            }
        }
    }

    /** The one section that holds the whole chunk; fails when the chunk crosses a section boundary. */
    static Section sectionOf(ParsedDocument document, Chunk chunk) {
        for (Section section : document.sections()) {
            if (chunk.start() >= section.start() && chunk.end() <= section.start() + section.text().length()) {
                return section;
            }
        }
        throw new AssertionError("chunk [" + chunk.start() + ", " + chunk.end() + ") crosses a section boundary");
    }
}
