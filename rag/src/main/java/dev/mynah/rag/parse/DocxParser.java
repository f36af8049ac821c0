package dev.mynah.rag.parse;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads DOCX with Apache POI: "Heading n" styles open sections, the "Title" style (or the core properties)
 * names the document, tables become one line per row with cells separated by " | ".
 *
 * <p>Zip bombs are caught before POI sees the file: every entry is inflated once, counting real bytes against
 * {@link ParseLimits#maxExpandedBytes()} and POI's own minimum compression ratio. POI keeps its limits in
 * static fields of {@link ZipSecureFile} shared by the whole JVM; changing them per call would race with other
 * threads, so this class only reads them and leaves them as a second line of defence.
 */
final class DocxParser {
    private static final Pattern HEADING_STYLE = Pattern.compile("(?i)heading\\s*([1-9])");
    /** Entries smaller than this are not ratio-checked: tiny XML parts compress very well and are harmless. */
    private static final long RATIO_GRACE_BYTES = 1024 * 1024;

    private DocxParser() {
    }

    static ParsedDocument parse(Path path, ParseLimits limits) throws IOException, DocumentSkippedException {
        rejectZipBomb(path, limits);
        OPCPackage zip;
        try {
            zip = OPCPackage.open(path.toFile(), PackageAccess.READ);
        } catch (InvalidFormatException damaged) {
            throw new DocumentSkippedException("skipped: damaged DOCX (" + damaged.getMessage() + ")", damaged);
        }
        // revert(), not close(): close() means "save" to POI and complains about read-only packages.
        try {
            XWPFDocument docx = new XWPFDocument(zip);
            DocumentTextBuilder builder = new DocumentTextBuilder();
            HeadingPath headings = new HeadingPath();
            String title = docx.getProperties().getCoreProperties().getTitle();
            String firstHeading = null;
            for (IBodyElement element : docx.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    String style = styleName(docx, paragraph);
                    String text = paragraph.getText();
                    Matcher heading = HEADING_STYLE.matcher(style);
                    if (heading.matches()) {
                        builder.startSection(headings.enter(Integer.parseInt(heading.group(1)), text), null);
                        firstHeading = firstHeading == null && !text.isBlank() ? text : firstHeading;
                    } else if (style.equalsIgnoreCase("title") && (title == null || title.isBlank())) {
                        title = text;
                    }
                    builder.addParagraph(text);
                } else if (element instanceof XWPFTable table) {
                    builder.addParagraph(tableText(table));
                }
            }
            return builder.build(path, DocumentFormat.DOCX, title == null || title.isBlank() ? firstHeading : title);
        } finally {
            zip.revert();
        }
    }

    /** The paragraph's style name ("heading 1"), falling back to its id ("Heading1"); "" when unstyled. */
    private static String styleName(XWPFDocument docx, XWPFParagraph paragraph) {
        String id = paragraph.getStyleID();
        if (id == null) {
            return "";
        }
        XWPFStyle style = docx.getStyles() == null ? null : docx.getStyles().getStyle(id);
        return style != null && style.getName() != null ? style.getName() : id;
    }

    private static String tableText(XWPFTable table) {
        StringBuilder text = new StringBuilder();
        for (XWPFTableRow row : table.getRows()) {
            StringJoiner cells = new StringJoiner(" | ");
            for (XWPFTableCell cell : row.getTableCells()) {
                cells.add(cell.getText().strip().replaceAll("\\s*\\n\\s*", " "));
            }
            text.append(cells).append('\n');
        }
        return text.toString();
    }

    private static void rejectZipBomb(Path path, ParseLimits limits) throws IOException, DocumentSkippedException {
        double minRatio = ZipSecureFile.getMinInflateRatio();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (ZipFile zip = new ZipFile(path.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                long inflated = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        inflated += n;
                        total += n;
                        if (total > limits.maxExpandedBytes()) {
                            throw new DocumentSkippedException("skipped: DOCX expands to more than "
                                    + ParseLimits.describe(limits.maxExpandedBytes()) + " (zip bomb?)");
                        }
                    }
                }
                long compressed = entry.getCompressedSize();
                if (inflated > RATIO_GRACE_BYTES && compressed >= 0 && (double) compressed / inflated < minRatio) {
                    throw new DocumentSkippedException(String.format(Locale.ROOT,
                            "skipped: DOCX part %s is compressed %.0f times, more than the %.0f times a real "
                                    + "document reaches (zip bomb?)", entry.getName(), (double) inflated / compressed,
                            1 / minRatio));
                }
            }
        }
    }
}
