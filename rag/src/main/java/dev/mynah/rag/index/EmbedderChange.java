package dev.mynah.rag.index;

/** What opening an index does when it was built with a different embedder than the one now configured. */
public enum EmbedderChange {
    /** Refuse to open, with a message naming both embedders. */
    REFUSE,
    /** Drop every chunk and file record but keep the folders, so the next reconcile re-reads and re-embeds them. */
    REEMBED
}
