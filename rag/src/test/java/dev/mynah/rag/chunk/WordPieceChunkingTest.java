package dev.mynah.rag.chunk;

import dev.mynah.rag.embed.MiniLmEmbedder;
import dev.mynah.rag.parse.DocumentParsers;
import dev.mynah.rag.parse.ParseLimits;
import dev.mynah.rag.parse.ParsedDocument;
import dev.mynah.rag.parse.SampleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.mynah.rag.chunk.ChunkInvariants.assertWellFormed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Chunks real documents with the embedding model's own WordPiece tokenizer as the measure. */
class WordPieceChunkingTest {
    private static final TokenCounter WORDPIECE = MiniLmEmbedder.tokenizer().tokenCounter();

    @TempDir
    Path dir;

    private static int maxTokens(List<Chunk> chunks) {
        return chunks.stream().mapToInt(chunk -> WORDPIECE.count(chunk.text())).max().orElse(0);
    }

    @Test
    void debiansHtmlManualIsChunkedWithinTheModelsInput() throws Exception {
        ParsedDocument document = DocumentParsers.parse(SampleFiles.debianUsersAndGroupsHtml(), ParseLimits.DEFAULT);

        List<Chunk> chunks = new StructureChunker(WORDPIECE, ChunkBudget.DEFAULT).chunk(document);

        assertWellFormed(document, chunks, WORDPIECE, ChunkBudget.DEFAULT);
        assertTrue(maxTokens(chunks) > ChunkBudget.DEFAULT.maxTokens() * 3 / 4, "long sections fill the budget");
    }

    @Test
    void theBzip2ManualPdfIsChunkedPageByPageWithinTheBudget() throws Exception {
        ParsedDocument document = DocumentParsers.parse(SampleFiles.debianBzip2ManualPdf(dir), ParseLimits.DEFAULT);

        List<Chunk> chunks = new StructureChunker(WORDPIECE, ChunkBudget.DEFAULT).chunk(document);

        assertWellFormed(document, chunks, WORDPIECE, ChunkBudget.DEFAULT);
        assertEquals(document.sections().size(), chunks.stream().map(Chunk::page).distinct().count());
    }

    @Test
    void chineseTextIsCutAtItsSentenceEndsByWordPieceCount() throws Exception {
        String text = "北京是中国的首都，有很多名胜古迹。故宫是明清两代的皇宫！你去过长城吗？"
                + "上海是一座国际化的大城市，经济非常发达。";
        ParsedDocument document = DocumentParsers.parse(Files.writeString(dir.resolve("cities.txt"), text),
                ParseLimits.DEFAULT);
        ChunkBudget budget = new ChunkBudget(25, 0, 2000);

        List<Chunk> chunks = new StructureChunker(WORDPIECE, budget).chunk(document);

        assertEquals(List.of("北京是中国的首都，有很多名胜古迹。", "故宫是明清两代的皇宫！你去过长城吗？",
                "上海是一座国际化的大城市，经济非常发达。"), chunks.stream().map(Chunk::text).toList());
        assertWellFormed(document, chunks, WORDPIECE, budget);
    }
}
