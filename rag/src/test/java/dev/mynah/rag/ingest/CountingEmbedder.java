package dev.mynah.rag.ingest;

import dev.mynah.rag.chunk.TokenCounter;
import dev.mynah.rag.embed.Embedder;
import dev.mynah.rag.embed.MiniLmEmbedder;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The real MiniLM model (loaded once per test JVM), counting the texts it embeds. */
public final class CountingEmbedder implements Embedder {
    private static MiniLmEmbedder shared;

    private final Embedder model;
    private final AtomicInteger embedded = new AtomicInteger();

    public CountingEmbedder() {
        this.model = miniLm();
    }

    private static synchronized MiniLmEmbedder miniLm() {
        if (shared == null) {
            shared = MiniLmEmbedder.load(1);
        }
        return shared;
    }

    public int embedded() {
        return embedded.get();
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
        embedded.incrementAndGet();
        return model.embed(text);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        embedded.addAndGet(texts.size());
        return model.embedAll(texts);
    }

    /** Leaves the shared model open for the other tests. */
    @Override
    public void close() {
    }
}
