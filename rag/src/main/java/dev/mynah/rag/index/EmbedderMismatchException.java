package dev.mynah.rag.index;

import java.nio.file.Path;

/** The index holds vectors from another embedder than the configured one; vectors of two models never mix. */
public final class EmbedderMismatchException extends IllegalStateException {
    public EmbedderMismatchException(Path directory, String indexed, String configured) {
        super("the document index in " + directory + " was built with the embedder '" + indexed
                + "', but the configured embedder is '" + configured + "'; their vectors cannot be compared. "
                + "Re-embed the index (every file is read again, the folder list is kept) or delete " + directory
                + " and add the folders again.");
    }
}
