package dev.mynah.rag.parse;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import org.apache.poi.xwpf.usermodel.XWPFDocument;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Writes real sample documents with the same libraries users' files come from. */
public final class SampleFiles {
    private SampleFiles() {
    }

    /** A PDF with one page per entry of {@code pages}, each a list of lines; {@code title} may be null. */
    public static Path pdf(Path file, String title, List<List<String>> pages) throws IOException {
        try (PDDocument pdf = pdfDocument(title, pages)) {
            pdf.save(file.toFile());
        }
        return file;
    }

    /** Like {@link #pdf}, protected with passwords; an empty user password opens it without asking. */
    public static Path encryptedPdf(Path file, String userPassword, List<List<String>> pages) throws IOException {
        try (PDDocument pdf = pdfDocument(null, pages)) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission());
            policy.setEncryptionKeyLength(128);
            pdf.protect(policy);
            pdf.save(file.toFile());
        }
        return file;
    }

    private static PDDocument pdfDocument(String title, List<List<String>> pages) throws IOException {
        PDDocument pdf = new PDDocument();
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        for (List<String> lines : pages) {
            PDPage page = new PDPage();
            pdf.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                content.beginText();
                content.setFont(font, 12);
                content.newLineAtOffset(72, 720);
                for (String line : lines) {
                    content.showText(line);
                    content.newLineAtOffset(0, -16);
                }
                content.endText();
            }
        }
        if (title != null) {
            pdf.getDocumentInformation().setTitle(title);
        }
        return pdf;
    }

    /** A DOCX written by POI after {@code content} has filled it. */
    public static Path docx(Path file, Consumer<XWPFDocument> content) throws IOException {
        try (XWPFDocument docx = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            content.accept(docx);
            docx.write(out);
        }
        return file;
    }

    /**
     * A copy of the zip {@code original} with one more entry of {@code zeroBytes} zero bytes: deflate shrinks
     * it about a thousandfold, which is how zip bombs are made.
     */
    public static Path withCompressibleEntry(Path original, Path file, String entryName, long zeroBytes)
            throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(original));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry(entryName));
            byte[] zeros = new byte[1024 * 1024];
            for (long written = 0; written < zeroBytes; written += zeros.length) {
                out.write(zeros, 0, (int) Math.min(zeros.length, zeroBytes - written));
            }
            out.closeEntry();
        }
        return file;
    }

    /** Debian's "Users and Groups" HTML manual, from base-passwd (an essential package: on every Debian system). */
    public static Path debianUsersAndGroupsHtml() {
        return Path.of("/usr/share/doc/base-passwd/users-and-groups.html");
    }

    /** The bzip2 manual as a PDF in {@code dir}, unpacked from Debian's bzip2-doc package (shipped gzipped). */
    public static Path debianBzip2ManualPdf(Path dir) throws IOException {
        Path pdf = dir.resolve("bzip2-manual.pdf");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of("/usr/share/doc/bzip2/manual.pdf.gz")))) {
            Files.copy(in, pdf);
        }
        return pdf;
    }
}
