package dev.mynah.rag.index;

import dev.mynah.rag.chunk.Chunk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ChunkIndexTest {
    private static final Path FILE = Path.of("/docs/manual.txt");

    @TempDir
    Path dir;

    private static FileRecord record(String sha256, int chunks) {
        return new FileRecord(FILE, 42, 7, sha256, "model-a", Instant.ofEpochMilli(1000), chunks, null);
    }

    private static float[] unit(int axis) {
        float[] vector = new float[4];
        vector[axis] = 1;
        return vector;
    }

    @Test
    void rootsRecordsChunksAndVectorsSurviveReopening() throws IOException {
        try (ChunkIndex index = ChunkIndex.open(dir, "model-a", 4, EmbedderChange.REFUSE)) {
            index.addRoot(Path.of("/docs"));
            index.replaceFile(record("abc", 2), List.of(
                    new Chunk(FILE, 3, List.of("Setup", "Wi-Fi"), "Hold the button.", 0, 16, 0),
                    new Chunk(FILE, 4, List.of(), "Wait for the light.", 17, 36, 1)), List.of(unit(0), unit(1)));
            index.commit();
        }
        try (ChunkIndex index = ChunkIndex.open(dir, "model-a", 4, EmbedderChange.REFUSE)) {
            assertEquals(Set.of(Path.of("/docs")), index.roots());
            assertEquals(Map.of(FILE, record("abc", 2)), index.files());
            assertEquals(2, index.chunkCount());
            Map<ChunkText, float[]> vectors = index.vectorsOf(Path.of("/elsewhere.txt"), "abc");
            ChunkText second = new ChunkText(List.of(), "Wait for the light.");
            ChunkText first = new ChunkText(List.of("Setup", "Wi-Fi"), "Hold the button.");
            assertEquals(Set.of(first, second), vectors.keySet());
            assertArrayEquals(unit(1), vectors.get(second));
        }
    }

    @Test
    void uncommittedChangesAreNotVisibleAndCommittingMakesThemSo() throws IOException {
        try (ChunkIndex index = ChunkIndex.open(dir, "model-a", 4, EmbedderChange.REFUSE)) {
            index.replaceFile(record("abc", 1), List.of(new Chunk(FILE, null, List.of(), "text", 0, 4, 0)),
                    List.of(unit(2)));
            assertEquals(Map.of(), index.files());

            index.commit();

            assertEquals(Set.of(FILE), index.files().keySet());
        }
    }

    @Test
    void anIndexBuiltWithAnotherEmbedderIsRefusedWithAMessageNamingBoth() throws IOException {
        ChunkIndex.open(dir, "model-a", 4, EmbedderChange.REFUSE).close();

        EmbedderMismatchException e = assertThrows(EmbedderMismatchException.class,
                () -> ChunkIndex.open(dir, "model-b", 4, EmbedderChange.REFUSE));

        assertEquals("the document index in " + dir + " was built with the embedder 'model-a (4 dimensions)', but "
                + "the configured embedder is 'model-b (4 dimensions)'; their vectors cannot be compared. Re-embed the "
                + "index (every file is read again, the folder list is kept) or delete " + dir
                + " and add the folders again.", e.getMessage());
    }

    @Test
    void reembeddingDropsEveryFileButKeepsTheFolders() throws IOException {
        try (ChunkIndex index = ChunkIndex.open(dir, "model-a", 4, EmbedderChange.REFUSE)) {
            index.addRoot(Path.of("/docs"));
            index.replaceFile(record("abc", 1), List.of(new Chunk(FILE, null, List.of(), "text", 0, 4, 0)),
                    List.of(unit(0)));
        }

        try (ChunkIndex index = ChunkIndex.open(dir, "model-b", 8, EmbedderChange.REEMBED)) {
            assertEquals(Set.of(Path.of("/docs")), index.roots());
            assertEquals(Map.of(), index.files());
            assertEquals(0, index.chunkCount());
        }
        try (ChunkIndex index = ChunkIndex.open(dir, "model-b", 8, EmbedderChange.REFUSE)) {
            assertEquals("model-b", index.embedderId());
        }
    }

    @Test
    void aSecondOpenWhileTheIndexIsInUseSaysSo() throws IOException {
        try (ChunkIndex ignored = ChunkIndex.open(dir, "model-a", 4, EmbedderChange.REFUSE)) {
            IOException e = assertThrows(IOException.class,
                    () -> ChunkIndex.open(dir, "model-a", 4, EmbedderChange.REFUSE));

            assertEquals("the document index in " + dir + " is in use by another Mynah process; quit that process "
                    + "(or wait for its indexing to finish) and try again", e.getMessage());
        }
    }

    @Test
    void aVectorOfTheWrongSizeIsRefused() throws IOException {
        try (ChunkIndex index = ChunkIndex.open(dir, "model-a", 4, EmbedderChange.REFUSE)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> index.replaceFile(
                    record("abc", 1), List.of(new Chunk(FILE, null, List.of(), "text", 0, 4, 0)),
                    List.of(new float[3])));

            assertEquals("the embedder gave a vector of 3 floats for /docs/manual.txt; this index holds 4",
                    e.getMessage());
        }
    }
}
