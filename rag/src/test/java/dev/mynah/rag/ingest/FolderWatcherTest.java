package dev.mynah.rag.ingest;

import dev.mynah.rag.index.Retrieval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** The watcher keeps a running index in step with files created, edited and deleted by another program. */
class FolderWatcherTest {
    private static final Duration DEBOUNCE = Duration.ofMillis(200);

    @TempDir
    Path temp;

    @Test
    @Timeout(120)
    void filesCreatedEditedAndDeletedWhileRunningAreReflectedInSearches() throws IOException, InterruptedException {
        try (IngestFixture f = new IngestFixture(temp)) {
            f.write("old.txt", "Indexed before the watcher started: anchors.");
            f.ingester.addRoot(f.folder);
            Path whileOff = f.write("offline.txt", "Written while Mynah was not running: beacons.");

            try (FolderWatcher ignored = FolderWatcher.start(f.ingester, DEBOUNCE)) {
                awaitFiles(f, "beacons", List.of(whileOff));

                Path created = f.write("created.txt", "A new note about chestnuts.");
                awaitFiles(f, "chestnuts", List.of(created));

                Files.writeString(created, "The note now talks about dandelions.");
                awaitFiles(f, "dandelions", List.of(created));
                assertEquals(List.of(), f.files("chestnuts", 5, Retrieval.BM25));

                Path nested = f.write("new/deeper/nested.txt", "A note in a brand new folder about eucalyptus.");
                awaitFiles(f, "eucalyptus", List.of(nested));
                Path later = f.write("new/deeper/later.txt", "Written after the new folder was watched: ferns.");
                awaitFiles(f, "ferns", List.of(later));

                Files.delete(created);
                awaitFiles(f, "dandelions", List.of());

                f.write(".hidden.txt", "A hidden note about gargoyles.");
                Path last = f.write("last.txt", "The last note mentions hazelnuts.");
                awaitFiles(f, "hazelnuts", List.of(last));
                assertEquals(List.of(), f.files("gargoyles", 5, Retrieval.BM25));
            }
        }
    }

    @Test
    @Timeout(120)
    void whenEventsAreLostAReconcileScanStillIndexesEveryFile() throws IOException, InterruptedException {
        CountDownLatch atGate = new CountDownLatch(1);
        CountDownLatch openGate = new CountDownLatch(1);
        UnaryOperator<DocumentReader> holdAtGate = reader -> file -> {
            if (file.getFileName().toString().equals("gate.txt")) {
                atGate.countDown();
                try {
                    openGate.await();
                } catch (InterruptedException e) {
                    throw new InterruptedIOException("interrupted at the gate");
                }
            }
            return reader.read(file);
        };
        try (IngestFixture f = new IngestFixture(temp, new CommitPolicy(1000, Duration.ofMinutes(10)), holdAtGate)) {
            f.ingester.addRoot(f.folder);
            try (FolderWatcher ignored = FolderWatcher.start(f.ingester, DEBOUNCE)) {
                f.write("gate.txt", "The watcher waits here while files pile up.");
                atGate.await();
                // More events than the JDK queues for one folder (512): the rest turn into one OVERFLOW event.
                for (int i = 0; i < 600; i++) {
                    Files.createFile(f.folder.resolve("empty" + i + ".txt"));
                }
                openGate.countDown();

                for (int attempt = 0; attempt < 1000 && f.index.files().size() < 601; attempt++) {
                    Thread.sleep(50);
                }
                assertEquals(601, f.index.files().size());
            }
        }
    }

    /** Waits until a BM25 search for {@code word} finds exactly {@code expected}, as the watcher catches up. */
    private static void awaitFiles(IngestFixture f, String word, List<Path> expected)
            throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 1000; attempt++) {
            if (f.files(word, 5, Retrieval.BM25).equals(expected)) {
                return;
            }
            Thread.sleep(50);
        }
        fail("after 50 s a search for '" + word + "' still finds " + f.files(word, 5, Retrieval.BM25) + ", not "
                + expected + "; events: " + f.events);
    }
}
