package dev.mynah.rag.chunk;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A piece of a document sized for the embedding model: its text, where it came from (file, 1-based page or
 * null, heading path) and its character range {@code [start, end)} in the document's extracted text.
 * {@code ordinal} numbers the chunks of one document from 0.
 */
public record Chunk(Path path, Integer page, List<String> headings, String text, int start, int end, int ordinal) {
    public Chunk {
        Objects.requireNonNull(path, "path");
        headings = List.copyOf(headings);
        Objects.requireNonNull(text, "text");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad range [" + start + ", " + end + ")");
        }
    }
}
