package dev.mynah.rag.parse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class HostileFilesTest {
    @TempDir
    Path dir;

    private static String skipReason(Path file, ParseLimits limits) {
        return assertThrows(DocumentSkippedException.class, () -> DocumentParsers.parse(file, limits)).reason();
    }

    @Test
    void aFileOverTheSizeLimitIsSkippedWithoutBeingRead() throws Exception {
        Path huge = dir.resolve("dump.txt");
        try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
            sparse.setLength(1288490189L); // 1.2 GB, sparse: no disk space used
        }

        assertEquals("skipped: 1.2 GB is over the 50 MB size limit (configurable)", skipReason(huge, ParseLimits.DEFAULT));
    }

    @Test
    void theSizeLimitIsConfigurable() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x".repeat(2048));

        assertEquals("skipped: 2 KB is over the 1 KB size limit (configurable)",
                skipReason(file, ParseLimits.DEFAULT.withMaxFileBytes(1024)));
    }

    @Test
    void randomBytesWithATextExtensionAreSkippedAsBinary() throws Exception {
        byte[] noise = new byte[100_000];
        new Random(42).nextBytes(noise);

        assertEquals("skipped: binary file with a .txt extension",
                skipReason(Files.write(dir.resolve("notes.txt"), noise), ParseLimits.DEFAULT));
    }

    @Test
    void compressedDataNamedMarkdownIsSkippedAsBinary() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write("# Title\n\nSome words that compress.\n".repeat(500).getBytes(StandardCharsets.UTF_8));
        }

        assertEquals("skipped: binary file with a .md extension",
                skipReason(Files.write(dir.resolve("README.md"), bytes.toByteArray()), ParseLimits.DEFAULT));
    }

    @Test
    void anOldBinaryWordDocumentIsSkippedWithAdviceToConvertIt() throws Exception {
        byte[] ole2 = Arrays.copyOf(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                (byte) 0xE1}, 4096);

        assertEquals("skipped: old binary Office format (.doc, .xls or .ppt); save it as .docx or PDF to index it",
                skipReason(Files.write(dir.resolve("letter.doc"), ole2), ParseLimits.DEFAULT));
    }

    @Test
    void aFileNamedPdfThatIsNotOneIsSkippedAsDamagedOrMisnamed() throws Exception {
        Path fake = Files.writeString(dir.resolve("invoice.pdf"), "just some text");

        assertEquals("skipped: named .pdf but it is not a PDF file inside (damaged or misnamed)",
                skipReason(fake, ParseLimits.DEFAULT));
    }

    @Test
    void aPdfWithGarbageAfterItsHeaderIsSkippedAsDamaged() throws Exception {
        byte[] noise = new byte[20_000];
        new Random(7).nextBytes(noise);
        Path broken = dir.resolve("broken.pdf");
        Files.write(broken, "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
        Files.write(broken, noise, StandardOpenOption.APPEND);

        assertTrue(skipReason(broken, ParseLimits.DEFAULT).startsWith("skipped: damaged PDF ("));
    }

    @Test
    void aTruncatedPdfIsReadAsFarAsItIsIntact() throws Exception {
        Path whole = SampleFiles.pdf(dir.resolve("whole.pdf"), null, List.of(
                List.of("First page survives."), List.of("Second page text.")));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.pdf"), Arrays.copyOf(bytes, bytes.length * 2 / 3));

        ParsedDocument document = DocumentParsers.parse(cut, ParseLimits.DEFAULT);

        assertEquals(List.of(1, 2), document.sections().stream().map(Section::page).toList());
        assertEquals("First page survives.\n\nSecond page text.", document.text());
    }

    @Test
    void aPdfCutOffBeforeItsFirstPageIsSkippedAsDamaged() throws Exception {
        Path whole = SampleFiles.pdf(dir.resolve("whole.pdf"), null, List.of(List.of("Never reached.")));
        Path cut = Files.write(dir.resolve("cut.pdf"), Arrays.copyOf(Files.readAllBytes(whole), 40));

        assertTrue(skipReason(cut, ParseLimits.DEFAULT).startsWith("skipped: damaged PDF ("));
    }

    @Test
    void aPdfNestedDeeperThanItsParserCanRecurseIsSkippedNotCrashing() throws Exception {
        String arrays = "[".repeat(500_000) + "]".repeat(500_000);
        Path deep = Files.writeString(dir.resolve("deep.pdf"), "%PDF-1.4\n"
                + "1 0 obj << /Type /Catalog /Pages 2 0 R /Junk " + arrays + " >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n");

        assertEquals("skipped: PDF is nested too deeply to read", skipReason(deep, ParseLimits.DEFAULT));
    }

    @Test
    void deeplyNestedHtmlIsReadWithoutOverflowingTheStack() throws Exception {
        String html = "<html><body>" + "<div><span>".repeat(100_000) + "deep text" + "</span></div>".repeat(100_000)
                + "<p>after</p></body></html>";

        ParsedDocument document = DocumentParsers.parse(Files.writeString(dir.resolve("deep.html"), html),
                ParseLimits.DEFAULT);

        assertEquals("deep text\n\nafter", document.text());
    }

    @Test
    void deeplyNestedMarkdownIsReadWithoutOverflowingTheStack() throws Exception {
        String markdown = "# Top\n\n" + "> ".repeat(50_000) + "deep quote\n\n" + "- ".repeat(20_000) + "deep item\n";

        ParsedDocument document = DocumentParsers.parse(Files.writeString(dir.resolve("deep.md"), markdown),
                ParseLimits.DEFAULT);

        assertEquals("Top\n\ndeep quote\n\ndeep item", document.text());
    }

    @Test
    void aTenMegabyteTextFileOfOneLineIsReadWhole() throws Exception {
        String line = "lorem ipsum dolor sit amet ".repeat(400_000).strip();

        ParsedDocument document = DocumentParsers.parse(Files.writeString(dir.resolve("one-line.txt"), line),
                ParseLimits.DEFAULT);

        assertEquals(line.length(), document.text().length());
        assertEquals(1, document.sections().size());
    }

    @Test
    void aDirectoryIsSkippedAsNotARegularFile() throws Exception {
        assertEquals("skipped: not a regular file (a directory, device or pipe)",
                skipReason(Files.createDirectory(dir.resolve("folder.txt")), ParseLimits.DEFAULT));
    }

    @Test
    void aFileThatVanishedIsReportedAsMissingNotAsSkipped() {
        Path gone = dir.resolve("gone.txt");

        assertThrows(NoSuchFileException.class, () -> DocumentParsers.parse(gone, ParseLimits.DEFAULT));
    }

    @Test
    void aFileThatFailsToReadGivesTheOperatingSystemsReasonNotASkip() {
        // Reading offset 0 of a process's own memory file fails with EIO: a real unreadable regular file.
        Path unreadable = Path.of("/proc/self/mem");
        assumeTrue(Files.isRegularFile(unreadable), "needs Linux /proc");

        IOException failure = assertThrows(IOException.class, () -> DocumentParsers.parse(unreadable, ParseLimits.DEFAULT));

        assertEquals("Input/output error", failure.getMessage());
    }

    @Test
    void aFileWithoutReadPermissionIsReportedAsAccessDenied() throws Exception {
        Path file = Files.writeString(dir.resolve("private.txt"), "secret");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(file), "root reads every file; runs where tests are not root");

        assertThrows(AccessDeniedException.class, () -> DocumentParsers.parse(file, ParseLimits.DEFAULT));
    }
}
