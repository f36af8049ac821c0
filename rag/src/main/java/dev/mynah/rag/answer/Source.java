package dev.mynah.rag.answer;

import dev.mynah.rag.index.SearchHit;

import java.util.Objects;

/** A retrieved chunk as an answer numbers it: {@code [number]} in the answer's text refers to {@code hit}. */
public record Source(int number, SearchHit hit) {
    public Source {
        if (number < 1) {
            throw new IllegalArgumentException("sources are numbered from 1, not " + number);
        }
        Objects.requireNonNull(hit, "hit");
    }

    /** Where the passage is, for a person: {@code path:page — Heading > Subheading}, each part only when known. */
    public String label() {
        StringBuilder label = new StringBuilder(hit.path().toString());
        if (hit.page() != null) {
            label.append(':').append(hit.page());
        }
        if (!hit.headings().isEmpty()) {
            label.append(" — ").append(heading());
        }
        return label.toString();
    }

    /** The heading path joined with " > ", empty when the passage has no heading. */
    public String heading() {
        return String.join(" > ", hit.headings());
    }
}
