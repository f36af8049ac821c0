package dev.mynah.rag.parse;

import java.util.List;
import java.util.Objects;

/**
 * A run of a document's text under one heading path (outermost heading first), on one page ({@code page} is
 * 1-based, null for formats without pages). {@code start} is where the text begins in {@link ParsedDocument#text}.
 */
public record Section(List<String> headings, Integer page, String text, int start) {
    public Section {
        headings = List.copyOf(headings);
        Objects.requireNonNull(text, "text");
        if (start < 0) {
            throw new IllegalArgumentException("start " + start + " < 0");
        }
    }
}
