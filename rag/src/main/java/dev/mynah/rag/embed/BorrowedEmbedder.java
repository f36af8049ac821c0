package dev.mynah.rag.embed;

import dev.mynah.rag.chunk.TokenCounter;

/**
 * An embedder that wraps another one it does not own: identity and {@link #embed} are forwarded
 * ({@link #embedAll} goes through {@link #embed}), and {@link #close()} leaves the wrapped model open for its
 * owner. Subclasses change what they need (count calls, answer from a table).
 */
public abstract class BorrowedEmbedder implements Embedder {
    protected final Embedder model;

    protected BorrowedEmbedder(Embedder model) {
        this.model = model;
    }

    @Override
    public String id() {
        return model.id();
    }

    @Override
    public int dimensions() {
        return model.dimensions();
    }

    @Override
    public int maxTokens() {
        return model.maxTokens();
    }

    @Override
    public TokenCounter tokenCounter() {
        return model.tokenCounter();
    }

    @Override
    public float[] embed(String text) {
        return model.embed(text);
    }

    /** The wrapped model belongs to whoever made it, who closes it. */
    @Override
    public void close() {
    }
}
