package dev.mynah.rag.ingest;

import dev.mynah.rag.index.Retrieval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Folders that would trap or stall a naive walk. Root can read any file, so "unreadable" needs a non-root user; as
 * root (as in CI containers) the pipe and the dangling link still exercise "cannot be read, skip and carry on".
 */
class HostileFolderTest {
    private static final String LINK_REASON =
            "skipped: a symbolic link (links are not followed; add the folder it points to instead)";

    @TempDir
    Path temp;

    @Test
    void aSymlinkLoopAndADanglingLinkAreSkippedWithReasonsAndTheRestIsIndexed() throws IOException {
        try (IngestFixture f = new IngestFixture(temp)) {
            Path inner = Files.createDirectories(f.folder.resolve("a/b"));
            Path loop = Files.createSymbolicLink(inner.resolve("loop"), f.folder);
            Path dangling = Files.createSymbolicLink(f.folder.resolve("gone.txt"), f.folder.resolve("nowhere.txt"));
            Path real = f.write("a/b/real.txt", "Walking stops at links, so loops cannot trap it.");

            f.ingester.addRoot(f.folder);

            assertEquals(Set.of(new IngestEvent.Skipped(loop, LINK_REASON),
                            new IngestEvent.Skipped(dangling, LINK_REASON)),
                    Set.copyOf(f.events(IngestEvent.Skipped.class)));
            assertEquals(Set.of(real), f.index.files().keySet());
        }
    }

    @Test
    void aNamedPipeIsNeverOpenedAndIndexingCarriesOn() throws IOException, InterruptedException {
        try (IngestFixture f = new IngestFixture(temp)) {
            Path pipe = f.folder.resolve("pipe.txt");
            Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start();
            assertTrue(mkfifo.waitFor(30, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo failed");
            Path real = f.write("real.txt", "A pipe would block a reader forever.");

            f.ingester.addRoot(f.folder);

            assertEquals(
                    List.of(new IngestEvent.Skipped(pipe, "skipped: not a regular file (a pipe, socket or device)")),
                    f.events(IngestEvent.Skipped.class));
            assertEquals(Set.of(real), f.index.files().keySet());
            assertEquals(0, f.reader.readsOf(pipe));
        }
    }

    @Test
    void aFileThatBecomesUnreadableIsSkippedAndKeepsWhatWasIndexed() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads files whatever their permissions");
        try (IngestFixture f = new IngestFixture(temp)) {
            Path locked = f.write("locked.txt", "The locked file talks about walruses.");
            f.ingester.addRoot(f.folder);
            Path fresh = f.write("fresh.txt", "A new readable file about penguins.");
            Files.writeString(locked, "The locked file now talks about seals.");
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
            try {
                f.ingester.reconcile();

                assertEquals(List.of(new IngestEvent.Skipped(locked, "skipped: cannot read it (permission denied)")),
                        f.events(IngestEvent.Skipped.class));
                assertEquals(List.of(locked), f.files("walruses", 5, Retrieval.BM25));
                assertEquals(List.of(fresh), f.files("penguins", 5, Retrieval.BM25));
            } finally {
                Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-------"));
            }
        }
    }

    @Test
    void anUnreadableFolderIsSkippedAndItsIndexedFilesStay() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root lists folders whatever their permissions");
        try (IngestFixture f = new IngestFixture(temp)) {
            Path inside = f.write("private/inside.txt", "Private notes about otters.");
            Path folder = inside.getParent();
            f.ingester.addRoot(f.folder);
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("---------"));
            try {
                f.ingester.reconcile();

                assertEquals(List.of(new IngestEvent.Skipped(folder, "skipped: cannot open it (permission denied)")),
                        f.events(IngestEvent.Skipped.class));
                assertEquals(List.of(inside), f.files("otters", 5, Retrieval.BM25));
            } finally {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            }
        }
    }
}
