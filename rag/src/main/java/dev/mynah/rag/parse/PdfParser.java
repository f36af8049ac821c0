package dev.mynah.rag.parse;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads PDF text page by page with PDFBox, so every section (and every chunk) carries its exact 1-based page;
 * headings come from the outline (bookmarks), the title from the document information, else from a short
 * first line. Scratch buffers spill to
 * temporary files beyond a few megabytes instead of growing the heap.
 */
final class PdfParser {
    private static final long HEAP_SCRATCH_BYTES = 8L * 1024 * 1024;
    private static final int MAX_TITLE_CHARS = 120;
    private static final int MAX_BOOKMARKS = 10_000;

    private PdfParser() {
    }

    static ParsedDocument parse(Path path) throws IOException, DocumentSkippedException {
        try (PDDocument pdf = Loader.loadPDF(path.toFile(), "", MemoryUsageSetting.setupMixed(HEAP_SCRATCH_BYTES).streamCache)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setLineSeparator("\n");
            stripper.setParagraphEnd("\n\n");
            DocumentTextBuilder builder = new DocumentTextBuilder();
            String firstPage = null;
            int pages = pdf.getNumberOfPages();
            List<List<String>> headings = outlineHeadings(pdf, pages);
            for (int page = 1; page <= pages; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(pdf);
                builder.startSection(headings.get(page - 1), page);
                builder.addParagraph(text);
                if (firstPage == null && !text.isBlank()) {
                    firstPage = text;
                }
            }
            if (!builder.hasText() && pages > 0) {
                throw new DocumentSkippedException("skipped: PDF has no text layer (scanned pages would need OCR, "
                        + "which Mynah does not do)");
            }
            String title = pdf.getDocumentInformation().getTitle();
            return builder.build(path, DocumentFormat.PDF, title == null || title.isBlank() ? titleLine(firstPage) : title);
        } catch (InvalidPasswordException encrypted) {
            throw new DocumentSkippedException("skipped: encrypted PDF (password protected)", encrypted);
        }
    }

    /**
     * The heading path in force on each page (index 0 is page 1), from the PDF's outline (bookmarks): the path of
     * the last bookmark pointing at that page or before it. Walks the outline without recursion, at most
     * {@link #MAX_BOOKMARKS} items and each only once, since a hostile outline may loop.
     */
    private static List<List<String>> outlineHeadings(PDDocument pdf, int pages) {
        List<List<String>> byPage = new ArrayList<>(Collections.nCopies(pages, List.of()));
        PDDocumentOutline outline = pdf.getDocumentCatalog().getDocumentOutline();
        if (outline == null || outline.getFirstChild() == null) {
            return byPage;
        }
        record Bookmark(int pageIndex, List<String> path) {
        }
        List<Bookmark> bookmarks = new ArrayList<>();
        Set<COSDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Map.Entry<PDOutlineItem, List<String>>> pending = new ArrayDeque<>();
        pending.push(Map.entry(outline.getFirstChild(), List.of()));
        while (!pending.isEmpty() && seen.size() < MAX_BOOKMARKS) {
            Map.Entry<PDOutlineItem, List<String>> next = pending.pop();
            PDOutlineItem item = next.getKey();
            if (item.getTitle() == null || !seen.add(item.getCOSObject())) {
                continue;
            }
            List<String> path = new ArrayList<>(next.getValue());
            path.add(DocumentTextBuilder.clean(item.getTitle()).replace('\n', ' '));
            if (item.getNextSibling() != null) {
                pending.push(Map.entry(item.getNextSibling(), next.getValue()));
            }
            if (item.getFirstChild() != null) {
                pending.push(Map.entry(item.getFirstChild(), List.copyOf(path)));
            }
            int pageIndex = pageIndex(pdf, item);
            if (pageIndex >= 0) {
                bookmarks.add(new Bookmark(pageIndex, List.copyOf(path)));
            }
        }
        bookmarks.sort(Comparator.comparingInt(Bookmark::pageIndex));
        int at = 0;
        List<String> current = List.of();
        for (int page = 0; page < pages; page++) {
            while (at < bookmarks.size() && bookmarks.get(at).pageIndex() <= page) {
                current = bookmarks.get(at++).path();
            }
            byPage.set(page, current);
        }
        return byPage;
    }

    /** The 0-based page a bookmark points at, or -1 when it points nowhere readable. */
    private static int pageIndex(PDDocument pdf, PDOutlineItem item) {
        try {
            PDPage page = item.findDestinationPage(pdf);
            return page == null ? -1 : pdf.getPages().indexOf(page);
        } catch (IOException | RuntimeException unresolvable) {
            return -1;
        }
    }

    /** The first line if it reads like a heading: short, and not the end of a sentence. */
    private static String titleLine(String text) {
        if (text == null) {
            return null;
        }
        String line = text.strip().lines().findFirst().orElse("").strip();
        boolean headingLike = !line.isEmpty() && line.length() <= MAX_TITLE_CHARS
                && line.chars().anyMatch(Character::isLetter) && !line.matches(".*[.,;:]$");
        return headingLike ? line : null;
    }
}
