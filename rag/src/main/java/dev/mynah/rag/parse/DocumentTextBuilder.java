package dev.mynah.rag.parse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays a document's text out section by section and paragraph by paragraph (a blank line between any two),
 * recording where each section starts. Empty paragraphs and sections leave no trace.
 */
final class DocumentTextBuilder {
    private static final String PARAGRAPH_BREAK = "\n\n";

    private final StringBuilder text = new StringBuilder();
    private final List<Section> sections = new ArrayList<>();
    private List<String> headings = List.of();
    private Integer page;
    /** Where the open section's text starts, or -1 while it has none. */
    private int sectionStart = -1;

    /** Ends the open section; what follows belongs under {@code headings} on {@code page} (null: no pages). */
    void startSection(List<String> headings, Integer page) {
        closeSection();
        this.headings = List.copyOf(headings);
        this.page = page;
    }

    void addParagraph(CharSequence paragraph) {
        String clean = clean(paragraph);
        if (clean.isEmpty()) {
            return;
        }
        if (!text.isEmpty()) {
            text.append(PARAGRAPH_BREAK);
        }
        if (sectionStart < 0) {
            sectionStart = text.length();
        }
        text.append(clean);
    }

    boolean hasText() {
        return !text.isEmpty();
    }

    ParsedDocument build(Path path, DocumentFormat format, String title) {
        closeSection();
        String cleanTitle = title == null ? null : clean(title).replace('\n', ' ');
        return new ParsedDocument(path, format.label(), cleanTitle == null || cleanTitle.isEmpty() ? null : cleanTitle,
                text.toString(), sections);
    }

    private void closeSection() {
        if (sectionStart >= 0) {
            sections.add(new Section(headings, page, text.substring(sectionStart), sectionStart));
            sectionStart = -1;
        }
    }

    /** Unix line ends, no control characters other than newline and tab, no blank edges. */
    static String clean(CharSequence raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\n' || c == '\t' || (!Character.isISOControl(c) && c != '\uFEFF')) {
                out.append(c);
            } else {
                out.append(' ');
            }
        }
        return out.toString().strip();
    }
}
