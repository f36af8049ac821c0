package dev.mynah.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mynah.rag.embed.MiniLmEmbedder;
import dev.mynah.rag.index.ChunkIndex;
import dev.mynah.rag.index.EmbedderChange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code mynah index add|update|remove|status}, each run in a child JVM with its own app-data directory. */
class IndexCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;
    Path home;
    Path docs;

    @BeforeEach
    void folders() throws IOException {
        home = temp.resolve("home");
        docs = Files.createDirectories(temp.resolve("docs")).toRealPath();
    }

    @Test
    void addShowsProgressForEachFileThenTheSkippedFilesWithReasonsAndASummary() throws Exception {
        write(docs.resolve("guide.md"), "# Setup\n\nPull the blue lever to start the widget.\n");
        write(docs.resolve("notes.txt"), "The office plants are watered on Thursdays.\n");
        write(docs.resolve("misnamed.pdf"), "This is plain text that only pretends to be a PDF.\n");
        Path manual = DebianDocuments.bzip2Manual(temp);
        byte[] pdf = Files.readAllBytes(manual);
        Files.write(docs.resolve("truncated.pdf"), Arrays.copyOf(pdf, 60_000));
        // Bytes flipped all over a real PDF: PDFBox logs a warning about a broken stream before it gives up.
        Files.write(docs.resolve("damaged.pdf"), flipBytes(pdf, 200, 1));

        MynahProcess.Run run = MynahProcess.run(home, null, "index", "add", docs.toString());

        assertEquals(0, run.exitCode(), run.err());
        List<String> progress = run.err().lines().toList();
        assertEquals(List.of("[1/5] " + docs.resolve("damaged.pdf"), "[2/5] " + docs.resolve("guide.md"),
                "[3/5] " + docs.resolve("misnamed.pdf"), "[4/5] " + docs.resolve("notes.txt"),
                "[5/5] " + docs.resolve("truncated.pdf")), progress, "only Mynah's own lines on stderr");
        List<String> out = run.out().lines().toList();
        assertEquals("Skipped 3 files:", out.get(0), run.out());
        assertTrue(out.get(1).startsWith("  " + docs.resolve("damaged.pdf") + ": damaged PDF ("), out.get(1));
        assertEquals("  " + docs.resolve("misnamed.pdf") + ": named .pdf but it is not a PDF file inside "
                + "(damaged or misnamed)", out.get(2));
        assertEquals("  " + docs.resolve("truncated.pdf") + ": damaged PDF (Missing root object specification "
                + "in trailer.)", out.get(3));
        assertTrue(out.get(4).matches("Indexed 2 files \\(2 chunks, 2 embedded\\), 0 unchanged, 3 skipped, "
                + "0 failed, 0 removed in \\d+\\.\\d s\\."), out.get(4));
        assertEquals("The index holds 2 files and 2 chunks from 1 folder.", out.get(5));
        assertEquals(6, out.size(), run.out());
    }

    @Test
    void addingAFolderAgainReadsOnlyTheFilesThatChanged() throws Exception {
        write(docs.resolve("a.txt"), "Alpha: the boiler is serviced every October.\n");
        write(docs.resolve("b.txt"), "Bravo: the spare key is under the blue flowerpot.\n");
        write(docs.resolve("c.txt"), "Charlie: recycling goes out on Mondays.\n");
        assertSummary("Indexed 3 files (3 chunks, 3 embedded), 0 unchanged, 0 skipped, 0 failed, 0 removed",
                addDocs(), "The index holds 3 files and 3 chunks from 1 folder.");

        write(docs.resolve("b.txt"), "Bravo: the spare key now hangs in the garden shed.\n");
        MynahProcess.Run edited = MynahProcess.run(home, null, "index", "add", docs.toString());
        assertEquals(List.of("[1/1] " + docs.resolve("b.txt")), edited.err().lines().toList());
        assertSummary("Indexed 1 file (1 chunk, 1 embedded), 0 unchanged, 0 skipped, 0 failed, 0 removed",
                edited, "The index holds 3 files and 3 chunks from 1 folder.");

        Files.setLastModifiedTime(docs.resolve("c.txt"), FileTime.fromMillis(1_000_000_000_000L));
        assertSummary("Indexed 0 files (0 chunks, 0 embedded), 1 unchanged, 0 skipped, 0 failed, 0 removed",
                addDocs(), "The index holds 3 files and 3 chunks from 1 folder.");

        Files.delete(docs.resolve("a.txt"));
        assertSummary("Indexed 0 files (0 chunks, 0 embedded), 0 unchanged, 0 skipped, 0 failed, 1 removed",
                addDocs(), "The index holds 2 files and 2 chunks from 1 folder.");

        JsonNode found = search("where is the spare key", "--mode", "bm25");
        assertEquals(docs.resolve("b.txt").toString(), found.at("/results/0/path").asText());
        assertTrue(found.at("/results/0/text").asText().contains("garden shed"), found.toString());
        assertFalse(found.toString().contains("a.txt"), "the deleted file left the index: " + found);
    }

    @Test
    void updateBringsEveryIndexedFolderUpToDate() throws Exception {
        Path other = Files.createDirectories(temp.resolve("other")).toRealPath();
        write(docs.resolve("a.txt"), "The heating is on from six to nine.\n");
        write(other.resolve("b.txt"), "The library closes at eight on Fridays.\n");
        assertEquals(0, MynahProcess.run(home, null, "index", "add", docs.toString(), other.toString()).exitCode());

        write(docs.resolve("a.txt"), "The heating is on from five to ten.\n");
        write(other.resolve("c.txt"), "The pool opens at seven on Sundays.\n");
        Files.delete(other.resolve("b.txt"));
        MynahProcess.Run update = MynahProcess.run(home, null, "index", "update");

        assertSummary("Indexed 2 files (2 chunks, 2 embedded), 0 unchanged, 0 skipped, 0 failed, 1 removed",
                update, "The index holds 2 files and 2 chunks from 2 folders.");
        assertEquals(List.of("[1/2] " + docs.resolve("a.txt"), "[2/2] " + other.resolve("c.txt")),
                update.err().lines().toList());
    }

    @Test
    void removeDropsTheFolderAndItsDocumentsOnly() throws Exception {
        Path other = Files.createDirectories(temp.resolve("other")).toRealPath();
        write(docs.resolve("a.txt"), "Zebras graze on the savanna.\n");
        write(docs.resolve("b.txt"), "Zebras have black and white stripes.\n");
        write(other.resolve("c.txt"), "Zebras are cousins of horses.\n");
        assertEquals(0, MynahProcess.run(home, null, "index", "add", docs.toString(), other.toString()).exitCode());

        MynahProcess.Run remove = MynahProcess.run(home, null, "index", "remove", docs.toString());

        assertEquals(0, remove.exitCode(), remove.err());
        assertEquals(List.of("Removed " + docs + " from the index (2 files dropped).",
                "The index holds 1 file and 1 chunk from 1 folder."), remove.out().lines().toList());
        JsonNode found = search("zebras", "--k", "5");
        assertEquals(1, found.get("results").size(), found.toString());
        assertEquals(other.resolve("c.txt").toString(), found.at("/results/0/path").asText());
        assertTrue(Files.exists(docs.resolve("a.txt")), "the files themselves are untouched");

        MynahProcess.Run again = MynahProcess.run(home, null, "index", "remove", docs.toString());
        assertEquals(1, again.exitCode());
        assertEquals("mynah: " + docs + " is not an indexed folder; the indexed folders are [" + other + "]",
                again.err().strip());
    }

    @Test
    void statusShowsFoldersCountsSizeEmbedderAndLastUpdate() throws Exception {
        MynahProcess.Run empty = MynahProcess.run(home, null, "index", "status");
        assertEquals(0, empty.exitCode(), empty.err());
        assertEquals("No documents are indexed yet; add a folder with `mynah index add DIR`.", empty.out().strip());
        assertFalse(Files.exists(home.resolve("indexes")), "status creates no index");

        write(docs.resolve("one.txt"), "The first note.\n");
        write(docs.resolve("sub/two.md"), "# Second\n\nThe second note.\n");
        write(docs.resolve("fake.pdf"), "not a pdf\n");
        assertEquals(0, addDocs().exitCode());

        MynahProcess.Run status = MynahProcess.run(home, null, "index", "status");

        assertEquals(0, status.exitCode(), status.err());
        List<String> lines = status.out().lines().toList();
        Path index = home.resolve("indexes").resolve("documents");
        assertTrue(lines.get(0).matches("Index: " + Pattern.quote(index.toString())
                + " \\(\\d+\\.\\d MB on disk\\)"), lines.get(0));
        assertEquals("Embedder: all-minilm-l6-v2-q/mean-pooling/l2-normalized/254-tokens", lines.get(1));
        assertEquals("Folders:", lines.get(2));
        assertEquals("  " + docs + ": 2 files, 2 chunks, 1 skipped", lines.get(3));
        assertEquals("Total: 2 files, 2 chunks, 1 skipped", lines.get(4));
        assertTrue(lines.get(5).matches("Last indexed: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"), lines.get(5));
        assertEquals(6, lines.size(), status.out());
    }

    @Test
    void aMissingFolderOrAFileIsRefusedAndNothingIsIndexed() throws Exception {
        write(docs.resolve("a.txt"), "Some text.\n");
        Path missing = temp.resolve("no-such-folder");

        MynahProcess.Run run = MynahProcess.run(home, null, "index", "add", docs.toString(), missing.toString());

        assertEquals(1, run.exitCode());
        assertEquals("mynah: there is no folder " + missing + "; nothing was added", run.err().strip());
        assertFalse(Files.exists(home.resolve("indexes")), "no index was created");

        MynahProcess.Run file = MynahProcess.run(home, null, "index", "add", docs.resolve("a.txt").toString());
        assertEquals(1, file.exitCode());
        assertEquals("mynah: " + docs.resolve("a.txt") + " is a file, not a folder; add the folder that holds it "
                + "(nothing was added)", file.err().strip());
        assertFalse(Files.exists(home.resolve("indexes")), "no index was created");

        MynahProcess.Run remove = MynahProcess.run(home, null, "index", "remove", docs.toString());
        assertEquals(1, remove.exitCode());
        assertTrue(remove.err().startsWith("mynah: no documents are indexed yet"), remove.err());
    }

    @Test
    void aSecondProcessIsToldTheIndexIsInUse() throws Exception {
        write(docs.resolve("a.txt"), "Owls hunt at night.\n");
        assertEquals(0, addDocs().exitCode());
        String embedderId;
        try (MiniLmEmbedder embedder = MiniLmEmbedder.load(1)) {
            embedderId = embedder.id();
        }

        try (ChunkIndex held = ChunkIndex.open(home.resolve("indexes/documents"), embedderId,
                MiniLmEmbedder.DIMENSIONS, EmbedderChange.REFUSE)) {
            for (List<String> args : List.of(List.of("search", "owls"), List.of("index", "add", docs.toString()))) {
                MynahProcess.Run run = MynahProcess.run(home, null, args.toArray(String[]::new));
                assertEquals(1, run.exitCode(), String.join(" ", args));
                assertEquals("mynah: the document index in " + held.location() + " is in use by another Mynah "
                        + "process; quit that process (or wait for its indexing to finish) and try again",
                        run.err().strip());
            }
        }
        assertEquals(docs.resolve("a.txt").toString(), search("owls").at("/results/0/path").asText(),
                "once released, the index answers");
    }

    @Test
    void anIndexBuiltByAnotherEmbedderIsRefusedUntilUpdateReembedsIt() throws Exception {
        write(docs.resolve("a.txt"), "Penguins cannot fly but swim very well.\n");
        try (ChunkIndex old = ChunkIndex.open(home.resolve("indexes/documents"), "older-embedder/v0",
                MiniLmEmbedder.DIMENSIONS, EmbedderChange.REFUSE)) {
            old.addRoot(docs);
        }

        MynahProcess.Run refused = MynahProcess.run(home, null, "search", "penguins");
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().contains("was built with the embedder 'older-embedder/v0 (384 dimensions)'"),
                refused.err());
        assertTrue(refused.err().strip().endsWith("To re-embed it, run `mynah index update`."), refused.err());

        MynahProcess.Run update = MynahProcess.run(home, null, "index", "update");
        assertSummary("Indexed 1 file (1 chunk, 1 embedded), 0 unchanged, 0 skipped, 0 failed, 0 removed",
                update, "The index holds 1 file and 1 chunk from 1 folder.");
        assertEquals(docs.resolve("a.txt").toString(), search("penguins").at("/results/0/path").asText());
    }

    private MynahProcess.Run addDocs() throws Exception {
        return MynahProcess.run(home, null, "index", "add", docs.toString());
    }

    private JsonNode search(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("search", "--json"));
        command.addAll(List.of(args));
        MynahProcess.Run run = MynahProcess.run(home, null, command.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        return JSON.readTree(run.out());
    }

    /** The summary line (its time left out) and the totals line that close an ingestion's output. */
    private static void assertSummary(String summary, MynahProcess.Run run, String totals) {
        assertEquals(0, run.exitCode(), run.err());
        List<String> out = run.out().lines().toList();
        assertEquals(2, out.size(), run.out());
        assertTrue(out.get(0).matches(Pattern.quote(summary) + " in \\d+\\.\\d s\\."), out.get(0));
        assertEquals(totals, out.get(1));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** {@code pdf} with {@code count} bytes past its header replaced by random ones (the same for a seed). */
    private static byte[] flipBytes(byte[] pdf, int count, long seed) {
        byte[] damaged = pdf.clone();
        Random random = new Random(seed);
        for (int i = 0; i < count; i++) {
            damaged[1000 + random.nextInt(damaged.length - 1000)] = (byte) random.nextInt(256);
        }
        return damaged;
    }
}
