package dev.mynah.rag.parse;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A document's text as a parser found it: its format, title (null when it has none) and sections in reading
 * order. {@code text} is the whole extracted text; each section's text sits in it at the section's start, so
 * character ranges found later can be highlighted in the original reading order.
 */
public record ParsedDocument(Path path, String format, String title, String text, List<Section> sections) {
    public ParsedDocument {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(text, "text");
        sections = List.copyOf(sections);
        for (Section section : sections) {
            int end = section.start() + section.text().length();
            if (end > text.length() || !text.startsWith(section.text(), section.start())) {
                throw new IllegalArgumentException("section at " + section.start() + " is not in the document text");
            }
        }
    }
}
