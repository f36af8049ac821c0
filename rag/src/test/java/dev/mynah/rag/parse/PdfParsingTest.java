package dev.mynah.rag.parse;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PdfParsingTest {
    @TempDir
    Path dir;

    @Test
    void eachPageBecomesASectionWithItsOneBasedPageNumber() throws Exception {
        Path file = SampleFiles.pdf(dir.resolve("report.pdf"), "Quarterly Report", List.of(
                List.of("Revenue grew in the spring.", "Costs stayed flat."),
                List.of("Outlook for the autumn is good.")));

        ParsedDocument document = DocumentParsers.parse(file, ParseLimits.DEFAULT);

        assertEquals("pdf", document.format());
        assertEquals("Quarterly Report", document.title());
        assertEquals(2, document.sections().size());
        Section first = document.sections().get(0);
        Section second = document.sections().get(1);
        assertEquals(1, first.page());
        assertEquals("Revenue grew in the spring.\nCosts stayed flat.", first.text());
        assertEquals(2, second.page());
        assertEquals("Outlook for the autumn is good.", second.text());
        assertEquals(second.text(), document.text().substring(second.start(), second.start() + second.text().length()));
    }

    @Test
    void withoutATitleInItsMetadataTheFirstShortLineNamesThePdf() throws Exception {
        Path file = SampleFiles.pdf(dir.resolve("notes.pdf"), null, List.of(
                List.of("Field Notes on Herons", "The grey heron waits in shallow water.")));

        assertEquals("Field Notes on Herons", DocumentParsers.parse(file, ParseLimits.DEFAULT).title());
    }

    @Test
    void aFirstLineThatReadsLikeASentenceIsNoTitle() throws Exception {
        Path file = SampleFiles.pdf(dir.resolve("memo.pdf"), null, List.of(List.of("Please water the plants.")));

        assertEquals(null, DocumentParsers.parse(file, ParseLimits.DEFAULT).title());
    }

    private static PDOutlineItem bookmark(PDDocument pdf, String title, int pageIndex) {
        PDPageFitDestination destination = new PDPageFitDestination();
        destination.setPage(pdf.getPage(pageIndex));
        PDOutlineItem item = new PDOutlineItem();
        item.setTitle(title);
        item.setDestination(destination);
        return item;
    }

    /** A four-page book (a cover, then chapters) with the outline {@code bookmarks} writes. */
    private Path book(BiConsumer<PDDocument, PDDocumentOutline> bookmarks) throws Exception {
        Path file = SampleFiles.pdf(dir.resolve("book.pdf"), "Book", List.of(
                List.of("Cover"), List.of("Chapter one text."), List.of("Setup steps."), List.of("Chapter two text.")));
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            PDDocumentOutline outline = new PDDocumentOutline();
            pdf.getDocumentCatalog().setDocumentOutline(outline);
            bookmarks.accept(pdf, outline);
            pdf.save(file.toFile());
        }
        return file;
    }

    @Test
    void bookmarksGiveEachPageTheHeadingPathInForceThere() throws Exception {
        Path file = book((pdf, outline) -> {
            PDOutlineItem chapterOne = bookmark(pdf, "Chapter 1", 1);
            outline.addLast(chapterOne);
            chapterOne.addLast(bookmark(pdf, "1.1 Setup", 2));
            outline.addLast(bookmark(pdf, "Chapter 2", 3));
        });

        ParsedDocument document = DocumentParsers.parse(file, ParseLimits.DEFAULT);

        assertEquals(List.of(List.of(), List.of("Chapter 1"), List.of("Chapter 1", "1.1 Setup"), List.of("Chapter 2")),
                document.sections().stream().map(Section::headings).toList());
    }

    @Test
    void anOutlineThatLoopsBackOnItselfIsReadOnce() throws Exception {
        Path file = book((pdf, outline) -> {
            PDOutlineItem chapter = bookmark(pdf, "Chapter 1", 1);
            outline.addLast(chapter);
            chapter.getCOSObject().setItem(COSName.NEXT, chapter);
            chapter.getCOSObject().setItem(COSName.FIRST, chapter);
        });

        ParsedDocument document = DocumentParsers.parse(file, ParseLimits.DEFAULT);

        assertEquals(List.of(List.of(), List.of("Chapter 1"), List.of("Chapter 1"), List.of("Chapter 1")),
                document.sections().stream().map(Section::headings).toList());
    }

    @Test
    void aPdfProtectedByAPasswordIsSkippedWithThatReason() throws Exception {
        Path file = SampleFiles.encryptedPdf(dir.resolve("secret.pdf"), "open-sesame", List.of(List.of("Hidden text.")));

        DocumentSkippedException skipped = assertThrows(DocumentSkippedException.class,
                () -> DocumentParsers.parse(file, ParseLimits.DEFAULT));

        assertEquals("skipped: encrypted PDF (password protected)", skipped.reason());
    }

    @Test
    void aPdfEncryptedOnlyAgainstEditingIsStillRead() throws Exception {
        Path file = SampleFiles.encryptedPdf(dir.resolve("locked.pdf"), "", List.of(List.of("Readable by anyone.")));

        assertEquals("Readable by anyone.", DocumentParsers.parse(file, ParseLimits.DEFAULT).text());
    }

    @Test
    void aScannedPdfWithoutTextIsSkippedSayingOcrIsNeeded() throws Exception {
        Path file = dir.resolve("scan.pdf");
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage();
            pdf.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                content.addRect(100, 100, 200, 300);
                content.fill();
            }
            pdf.save(file.toFile());
        }

        DocumentSkippedException skipped = assertThrows(DocumentSkippedException.class,
                () -> DocumentParsers.parse(file, ParseLimits.DEFAULT));

        assertEquals("skipped: PDF has no text layer (scanned pages would need OCR, which Mynah does not do)",
                skipped.reason());
    }

    @Test
    void aPdfNamedAsTextIsStillReadAsPdf() throws Exception {
        Path pdf = SampleFiles.pdf(dir.resolve("a.pdf"), null, List.of(List.of("Sniffed by content.")));
        Path misnamed = Files.move(pdf, dir.resolve("a.txt"));

        ParsedDocument document = DocumentParsers.parse(misnamed, ParseLimits.DEFAULT);

        assertEquals("pdf", document.format());
        assertTrue(document.text().contains("Sniffed by content."));
    }
}
