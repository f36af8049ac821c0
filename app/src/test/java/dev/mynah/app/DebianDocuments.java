package dev.mynah.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real documents that Debian packages ship (no one on the project wrote them), copied into a test's folder. */
final class DebianDocuments {
    private static final Path BZIP2_MANUAL = Path.of("/usr/share/doc/bzip2/manual.pdf.gz");
    private static final Path DEBIAN_REFERENCE = Path.of("/usr/share/debian-reference");

    private DebianDocuments() {
    }

    /** The bzip2 manual (38 pages, from the package bzip2-doc), unpacked into {@code folder}. */
    static Path bzip2Manual(Path folder) throws IOException {
        assertTrue(Files.isRegularFile(BZIP2_MANUAL), BZIP2_MANUAL + " is missing: apt-get install bzip2-doc");
        Path pdf = folder.resolve("bzip2-manual.pdf");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(BZIP2_MANUAL))) {
            Files.copy(in, pdf, StandardCopyOption.REPLACE_EXISTING);
        }
        return pdf;
    }

    /** A chapter of the Debian Reference in HTML (from the package debian-reference-en), copied into {@code folder}. */
    static Path debianReference(String chapter, Path folder) throws IOException {
        Path html = DEBIAN_REFERENCE.resolve(chapter);
        assertTrue(Files.isRegularFile(html), html + " is missing: apt-get install debian-reference-en");
        return Files.copy(html, folder.resolve(chapter), StandardCopyOption.REPLACE_EXISTING);
    }
}
