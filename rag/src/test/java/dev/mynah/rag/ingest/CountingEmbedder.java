package dev.mynah.rag.ingest;

import dev.mynah.rag.embed.BorrowedEmbedder;
import dev.mynah.rag.embed.MiniLmEmbedder;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The real MiniLM model (loaded once per test JVM, left open for the other tests), counting what it embeds. */
public final class CountingEmbedder extends BorrowedEmbedder {
    private static MiniLmEmbedder shared;

    private final AtomicInteger embedded = new AtomicInteger();

    public CountingEmbedder() {
        super(miniLm());
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
    public float[] embed(String text) {
        embedded.incrementAndGet();
        return model.embed(text);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        embedded.addAndGet(texts.size());
        return model.embedAll(texts);
    }
}
