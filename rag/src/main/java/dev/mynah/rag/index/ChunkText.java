package dev.mynah.rag.index;

import java.util.List;
import java.util.Objects;

/**
 * What a chunk's vector is made from: its heading path and its text. The headings go into the embedding too, so a
 * chunk under "Printer > Ink cartridges" is found for questions about ink even when its text only says "it".
 */
public record ChunkText(List<String> headings, String text) {
    public ChunkText {
        headings = List.copyOf(headings);
        Objects.requireNonNull(text, "text");
    }

    /** The text given to the embedder: the heading path on its own line, then the chunk's text. */
    public String forEmbedding() {
        return headings.isEmpty() ? text : String.join(" > ", headings) + "\n" + text;
    }
}
