package dev.mynah.rag.parse;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DocxParsingTest {
    @TempDir
    Path dir;

    private static void paragraph(XWPFDocument docx, String style, String text) {
        XWPFParagraph paragraph = docx.createParagraph();
        if (style != null) {
            paragraph.setStyle(style);
        }
        paragraph.createRun().setText(text);
    }

    /** Declares a style the way localised Word does: a translated id, the built-in English name. */
    private static void style(XWPFDocument docx, String id, String name) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        style.setType(STStyleType.PARAGRAPH);
        style.addNewName().setVal(name);
        docx.createStyles().addStyle(new XWPFStyle(style));
    }

    private Path manual() throws Exception {
        return SampleFiles.docx(dir.resolve("manual.docx"), docx -> {
            paragraph(docx, "Title", "Espresso Machine Manual");
            paragraph(docx, "Heading1", "Setup");
            paragraph(docx, null, "Fill the tank with cold water.");
            paragraph(docx, "Heading2", "Descaling");
            paragraph(docx, null, "Descale every two months.");
            XWPFTable table = docx.createTable(2, 2);
            table.getRow(0).getCell(0).setText("Hardness");
            table.getRow(0).getCell(1).setText("Interval");
            table.getRow(1).getCell(0).setText("Hard water");
            table.getRow(1).getCell(1).setText("Monthly");
            paragraph(docx, "Heading1", "Cleaning");
            paragraph(docx, null, "Rinse the portafilter daily.");
        });
    }

    @Test
    void headingStylesBecomeTheHeadingPathAndTheTitleStyleNamesTheDocument() throws Exception {
        ParsedDocument document = DocumentParsers.parse(manual(), ParseLimits.DEFAULT);

        assertEquals("docx", document.format());
        assertEquals("Espresso Machine Manual", document.title());
        assertEquals(List.of(List.of(), List.of("Setup"), List.of("Setup", "Descaling"), List.of("Cleaning")),
                document.sections().stream().map(Section::headings).toList());
        assertEquals(List.of(
                "Espresso Machine Manual",
                "Setup\n\nFill the tank with cold water.",
                "Descaling\n\nDescale every two months.\n\nHardness | Interval\nHard water | Monthly",
                "Cleaning\n\nRinse the portafilter daily."), document.sections().stream().map(Section::text).toList());
    }

    @Test
    void headingStylesAreRecognisedByTheirNameWhenTheirIdIsTranslated() throws Exception {
        Path file = SampleFiles.docx(dir.resolve("german.docx"), docx -> {
            style(docx, "berschrift1", "heading 1");
            paragraph(docx, "berschrift1", "Einleitung");
            paragraph(docx, null, "Willkommen.");
        });

        ParsedDocument document = DocumentParsers.parse(file, ParseLimits.DEFAULT);

        assertEquals(List.of("Einleitung"), document.sections().getFirst().headings());
        assertEquals("Einleitung", document.title());
    }

    @Test
    void aDocxThatInflatesPastTheLimitIsSkippedAsAPossibleZipBomb() throws Exception {
        Path bomb = SampleFiles.withCompressibleEntry(manual(), dir.resolve("bomb.docx"), "word/media/padding.bin",
                201L * 1024 * 1024);
        assertTrue(Files.size(bomb) < 1024 * 1024, "the bomb itself is small");

        DocumentSkippedException skipped = assertThrows(DocumentSkippedException.class,
                () -> DocumentParsers.parse(bomb, ParseLimits.DEFAULT));

        assertEquals("skipped: DOCX expands to more than 200 MB (zip bomb?)", skipped.reason());
    }

    @Test
    void theExpansionLimitIsConfigurable() throws Exception {
        Path bomb = SampleFiles.withCompressibleEntry(manual(), dir.resolve("padded.docx"), "word/media/padding.bin",
                1024 * 1024);

        DocumentSkippedException skipped = assertThrows(DocumentSkippedException.class,
                () -> DocumentParsers.parse(bomb, ParseLimits.DEFAULT.withMaxExpandedBytes(512 * 1024)));

        assertEquals("skipped: DOCX expands to more than 512 KB (zip bomb?)", skipped.reason());
    }

    @Test
    void aDocxPartCompressedFarBeyondRealDocumentsIsSkippedAsAZipBomb() throws Exception {
        Path bomb = SampleFiles.withCompressibleEntry(manual(), dir.resolve("dense.docx"), "word/media/padding.bin",
                20L * 1024 * 1024);

        DocumentSkippedException skipped = assertThrows(DocumentSkippedException.class,
                () -> DocumentParsers.parse(bomb, ParseLimits.DEFAULT));

        assertTrue(skipped.reason().matches("skipped: DOCX part word/media/padding\\.bin is compressed \\d+ times, "
                + "more than the 100 times a real document reaches \\(zip bomb\\?\\)"), skipped.reason());
    }

    @Test
    void aTruncatedDocxIsSkippedAsDamaged() throws Exception {
        byte[] whole = Files.readAllBytes(manual());
        Path truncated = Files.write(dir.resolve("cut.docx"), Arrays.copyOf(whole, whole.length / 2));

        DocumentSkippedException skipped = assertThrows(DocumentSkippedException.class,
                () -> DocumentParsers.parse(truncated, ParseLimits.DEFAULT));

        assertTrue(skipped.reason().startsWith("skipped: damaged DOCX"), skipped.reason());
    }

    @Test
    void aZipWithoutAWordDocumentIsNotTakenForDocx() throws Exception {
        Path archive = dir.resolve("archive.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(archive))) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("hello".getBytes(StandardCharsets.US_ASCII));
            out.closeEntry();
        }

        DocumentSkippedException skipped = assertThrows(DocumentSkippedException.class,
                () -> DocumentParsers.parse(archive, ParseLimits.DEFAULT));

        assertEquals("skipped: a zip archive, not a document Mynah reads (only .docx among zip-based formats)",
                skipped.reason());
    }
}
