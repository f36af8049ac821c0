package dev.mynah.rag.parse;

/**
 * A file that was not indexed, with a reason a person can act on ("skipped: encrypted PDF (password
 * protected)"). Indexing carries on with the next file.
 */
public final class DocumentSkippedException extends Exception {
    public DocumentSkippedException(String reason) {
        super(reason);
    }

    public DocumentSkippedException(String reason, Throwable cause) {
        super(reason, cause);
    }

    /** The sentence shown to the user; it starts with "skipped: ". */
    public String reason() {
        return getMessage();
    }
}
