package dev.mynah.nativelibs.llama;

/**
 * How a context is created: context length in tokens, logical and physical batch sizes, threads for
 * generation and for prompt processing, flash attention, and embeddings mode (pooled sentence vectors).
 */
public record ContextOptions(int contextSize, int batchSize, int microBatchSize, int threads, int batchThreads,
                             FlashAttention flashAttention, boolean embeddings) {

    /** Flash attention: let llama.cpp decide, or force it on or off. */
    public enum FlashAttention { AUTO, ENABLED, DISABLED }

    public ContextOptions {
        if (contextSize < 16) {
            throw new IllegalArgumentException("context size must be at least 16 tokens, was " + contextSize);
        }
        if (batchSize < 1 || microBatchSize < 1 || microBatchSize > batchSize) {
            throw new IllegalArgumentException("batch sizes must satisfy 1 <= micro batch (" + microBatchSize
                    + ") <= batch (" + batchSize + ")");
        }
        if (threads < 1 || batchThreads < 1 || threads > 1024 || batchThreads > 1024) {
            throw new IllegalArgumentException("thread counts must be between 1 and 1024");
        }
    }

    /** A chat context of {@code contextSize} tokens using the machine's physical cores. */
    public static ContextOptions chat(int contextSize) {
        int threads = defaultThreads();
        int batch = Math.min(512, contextSize);
        return new ContextOptions(contextSize, batch, batch, threads, threads, FlashAttention.AUTO, false);
    }

    /** An embeddings context whose batch holds a whole input of up to {@code contextSize} tokens. */
    public static ContextOptions embedding(int contextSize) {
        int threads = defaultThreads();
        return new ContextOptions(contextSize, contextSize, contextSize, threads, threads, FlashAttention.AUTO, true);
    }

    public ContextOptions withThreads(int value) {
        return new ContextOptions(contextSize, batchSize, microBatchSize, value, value, flashAttention, embeddings);
    }

    public ContextOptions withBatchSize(int value) {
        return new ContextOptions(contextSize, value, Math.min(value, microBatchSize), threads, batchThreads,
                flashAttention, embeddings);
    }

    public ContextOptions withFlashAttention(FlashAttention value) {
        return new ContextOptions(contextSize, batchSize, microBatchSize, threads, batchThreads, value, embeddings);
    }

    static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }
}
