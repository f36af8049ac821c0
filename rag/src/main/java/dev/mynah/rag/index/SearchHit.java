package dev.mynah.rag.index;

import java.nio.file.Path;
import java.util.List;

/**
 * One retrieved chunk: its text, file, 1-based page (null for formats without pages), heading path, score (BM25,
 * vector similarity or fused reciprocal rank, depending on the search) and its character range {@code [start, end)}
 * in the document's extracted text, for highlighting.
 */
public record SearchHit(Path path, Integer page, List<String> headings, String text, int start, int end,
                        int ordinal, float score) {
    public SearchHit {
        headings = List.copyOf(headings);
    }
}
