package dev.mynah.rag.ingest;

import dev.mynah.rag.index.FileRecord;
import dev.mynah.rag.index.Retrieval;
import dev.mynah.rag.index.SearchHit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IngesterTest {
    private static final String ROUTER = "To reset the router, hold the recessed button on its back for ten seconds.";
    private static final String KETTLE = "Descale the kettle monthly with white vinegar and rinse it twice.";
    private static final String GARDEN = "Tomatoes need six hours of direct sunlight and deep weekly watering.";

    @TempDir
    Path temp;

    @Test
    void addingAFolderMakesEachParagraphOfItsFilesSearchable() throws IOException {
        try (IngestFixture f = new IngestFixture(temp)) {
            Path home = f.write("home.txt", ROUTER + "\n\n" + KETTLE + "\n");
            Path garden = f.write("plants/garden.txt", GARDEN);

            f.ingester.addRoot(f.folder);

            assertEquals(3, f.embedder.embedded());
            assertEquals(3, f.index.chunkCount());
            assertEquals(List.of(home), f.files("recessed button", 1, Retrieval.BM25));
            assertEquals(List.of(garden), f.files("tomatoes sunlight", 1, Retrieval.BM25));
            SearchHit kettle = f.searcher.search("descale kettle vinegar", 1, Retrieval.BM25).getFirst();
            assertEquals(KETTLE, kettle.text());
            assertEquals(KETTLE, Files.readString(home).substring(kettle.start(), kettle.end()));
            assertEquals(Set.of(f.folder), f.index.roots());
        }
    }

    @Test
    void theIndexsOwnFolderIsNeverIngestedEvenInsideAnAddedFolder() throws IOException {
        try (IngestFixture f = new IngestFixture(temp)) {
            f.write("home.txt", ROUTER);
            f.ingester.addRoot(f.folder);

            f.ingester.addRoot(temp.toRealPath());

            Path indexDir = f.index.location();
            assertTrue(f.index.files().keySet().stream().noneMatch(p -> p.startsWith(indexDir)),
                    f.index.files().keySet().toString());
            assertTrue(f.events.stream().map(Object::toString).noneMatch(e -> e.contains(indexDir.toString())),
                    f.events.toString());
            assertEquals(1, f.index.files().size());
        }
    }

    @Test
    void unchangedFilesAreNeitherReadNorEmbeddedAgain() throws IOException {
        try (IngestFixture f = new IngestFixture(temp)) {
            Path home = f.write("home.txt", ROUTER + "\n\n" + KETTLE);
            f.ingester.addRoot(f.folder);

            f.ingester.reconcile();
            f.ingester.reconcile();

            assertEquals(1, f.reader.readsOf(home));
            assertEquals(2, f.embedder.embedded());
        }
    }

    @Test
    void aTouchedFileWithTheSameContentIsHashedButNotReadAgain() throws IOException {
        try (IngestFixture f = new IngestFixture(temp)) {
            Path home = f.write("home.txt", ROUTER);
            f.ingester.addRoot(f.folder);
            FileTime later = FileTime.from(Instant.parse("2030-01-02T03:04:05Z"));
            Files.setLastModifiedTime(home, later);

            f.ingester.reconcile();

            assertEquals(1, f.reader.readsOf(home));
            assertEquals(1, f.embedder.embedded());
            assertEquals(List.of(new IngestEvent.Unchanged(home)), f.events(IngestEvent.Unchanged.class));
            FileRecord record = f.index.file(home).orElseThrow();
            assertEquals(later.toInstant().toEpochMilli() * 1_000_000, record.modifiedNanos());
        }
    }

    @Test
    void anEditedFileReplacesItsChunksAndEmbedsOnlyTheChangedParagraph() throws IOException {
        try (IngestFixture f = new IngestFixture(temp)) {
            Path home = f.write("home.txt", ROUTER + "\n\n" + KETTLE);
            f.ingester.addRoot(f.folder);

            f.write("home.txt", ROUTER + "\n\n" + GARDEN
                    + "\n\nA third paragraph, about the zebras that roam the wide savanna in large herds.");
            f.ingester.reconcile();

            assertEquals(2, f.reader.readsOf(home));
            assertEquals(2 + 2, f.embedder.embedded());
            assertEquals(3, f.index.chunkCount());
            assertEquals(List.of(), f.files("vinegar", 5, Retrieval.BM25));
            assertEquals(List.of(home), f.files("zebras", 5, Retrieval.BM25));
            assertEquals(List.of(home), f.files("tomatoes", 5, Retrieval.BM25));
        }
    }

    @Test
    void aDeletedFileLeavesTheIndex() throws IOException {
        try (IngestFixture f = new IngestFixture(temp)) {
            Path home = f.write("home.txt", ROUTER);
            Path garden = f.write("garden.txt", GARDEN);
            f.ingester.addRoot(f.folder);

            Files.delete(home);
            f.ingester.reconcile();

            assertEquals(List.of(), f.files("router", 5, Retrieval.BM25));
            assertEquals(Set.of(garden), f.index.files().keySet());
            assertEquals(List.of(new IngestEvent.Removed(home)), f.events(IngestEvent.Removed.class));
        }
    }

    @Test
    void aRenamedFileIsFoundUnderItsNewNameWithoutEmbeddingAgain() throws IOException {
        try (IngestFixture f = new IngestFixture(temp)) {
            Path old = f.write("notes.txt", ROUTER + "\n\n" + KETTLE + "\n\n" + GARDEN);
            f.ingester.addRoot(f.folder);
            assertEquals(3, f.embedder.embedded());

            Path renamed = Files.move(old, Files.createDirectory(f.folder.resolve("moved")).resolve("household.txt"));
            f.ingester.reconcile();

            assertEquals(3, f.embedder.embedded(), "a renamed file reuses its vectors");
            assertEquals(List.of(renamed), f.files("recessed button", 5, Retrieval.BM25));
            assertEquals(List.of(renamed), f.files("how do I restart my wifi router", 1, Retrieval.VECTOR));
            assertEquals(Set.of(renamed), f.index.files().keySet());
            assertEquals(3, f.index.chunkCount());
        }
    }

    @Test
    void removingAFolderDropsItsFilesButKeepsAnotherFoldersFiles() throws IOException {
        try (IngestFixture f = new IngestFixture(temp)) {
            Path other = Files.createDirectories(temp.resolve("other")).toRealPath();
            Path garden = Files.writeString(other.resolve("garden.txt"), GARDEN);
            f.write("home.txt", ROUTER);
            f.ingester.addRoot(f.folder);
            f.ingester.addRoot(other);

            f.ingester.removeRoot(f.folder);

            assertEquals(Set.of(other), f.index.roots());
            assertEquals(Set.of(garden), f.index.files().keySet());
            assertEquals(List.of(), f.files("router", 5, Retrieval.BM25));
            f.ingester.reconcile();
            assertEquals(Set.of(garden), f.index.files().keySet());
        }
    }

    @Test
    void removingAFolderThatIsNotIndexedNamesTheIndexedOnes() throws IOException {
        try (IngestFixture f = new IngestFixture(temp)) {
            f.ingester.addRoot(f.folder);

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> f.ingester.removeRoot(temp.resolve("elsewhere")));

            assertEquals(temp.resolve("elsewhere") + " is not an indexed folder; the indexed folders are ["
                    + f.folder + "]", e.getMessage());
        }
    }

    @Test
    void addingAFileInsteadOfAFolderSaysToAddTheFolder() throws IOException {
        try (IngestFixture f = new IngestFixture(temp)) {
            Path home = f.write("home.txt", ROUTER);

            IOException e = assertThrows(IOException.class, () -> f.ingester.addRoot(home));

            assertEquals(home + " is a file, not a folder; add the folder that holds it", e.getMessage());
            assertEquals(Set.of(), f.index.roots());
        }
    }

    @Test
    void aBinaryFileIsSkippedWithItsReasonAndNotReadAgainUntilItChanges() throws IOException {
        try (IngestFixture f = new IngestFixture(temp)) {
            Path blob = f.folder.resolve("blob.txt");
            // The start of an ELF executable, named as text.
            Files.write(blob, new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3E, 0});
            Path home = f.write("home.txt", ROUTER);

            f.ingester.addRoot(f.folder);
            f.ingester.reconcile();

            assertEquals(List.of(new IngestEvent.Skipped(blob, "skipped: binary file with a .txt extension")),
                    f.events(IngestEvent.Skipped.class));
            assertEquals(1, f.reader.readsOf(blob));
            assertEquals("skipped: binary file with a .txt extension", f.index.file(blob).orElseThrow().skipReason());
            assertEquals(List.of(home), f.files("router", 5, Retrieval.BM25));

            Files.writeString(blob, "Now the blob is plain text about giraffes.");
            f.ingester.reconcile();
            assertEquals(List.of(blob), f.files("giraffes", 5, Retrieval.BM25));
            assertFalse(f.index.file(blob).orElseThrow().skipped());
        }
    }

    @Test
    void hiddenFilesAndFoldersAreLeftOut() throws IOException {
        try (IngestFixture f = new IngestFixture(temp)) {
            f.write(".secret.txt", "The hidden file mentions aardvarks.");
            f.write(".git/objects/notes.txt", "The hidden folder mentions aardvarks.");
            Path visible = f.write("visible.txt", "The visible file mentions aardvarks.");

            f.ingester.addRoot(f.folder);

            assertEquals(Set.of(visible), f.index.files().keySet());
            assertEquals(1, f.reader.reads());
        }
    }

    @Test
    void progressCountsFilesAndCommitsInBatches() throws IOException {
        try (IngestFixture f = new IngestFixture(temp, new CommitPolicy(2, Duration.ofHours(1)))) {
            for (int i = 0; i < 5; i++) {
                f.write("file" + i + ".txt", "Paragraph number " + i + " of the batch test.");
            }

            f.ingester.addRoot(f.folder);

            List<IngestEvent.Progress> progress = f.events(IngestEvent.Progress.class);
            assertEquals(List.of(0, 1, 2, 3, 4), progress.stream().map(IngestEvent.Progress::done).toList());
            assertTrue(progress.stream().allMatch(p -> p.total() == 5));
            assertEquals(List.of("file0.txt", "file1.txt", "file2.txt", "file3.txt", "file4.txt"),
                    progress.stream().map(p -> p.current().getFileName().toString()).toList());
            assertEquals(List.of(new IngestEvent.Committed(2, 5), new IngestEvent.Committed(4, 5),
                    new IngestEvent.Committed(5, 5)), f.events(IngestEvent.Committed.class));
            assertEquals(5, f.events(IngestEvent.Indexed.class).size());
        }
    }

    @Test
    void aMissingFolderKeepsItsFilesAndIsReported() throws IOException {
        try (IngestFixture f = new IngestFixture(temp)) {
            Path home = f.write("home.txt", ROUTER);
            f.ingester.addRoot(f.folder);
            Path unplugged = Files.move(f.folder, temp.resolve("unplugged"));

            f.ingester.reconcile();

            assertEquals(List.of(home), f.files("router", 5, Retrieval.BM25));
            assertEquals(List.of(new IngestEvent.Failed(f.folder, "the folder is missing; its files stay in the index "
                    + "until it is back or removed from the indexed folders")), f.events(IngestEvent.Failed.class));
            Files.move(unplugged, f.folder);
        }
    }
}
