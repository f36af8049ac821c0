package dev.mynah.rag.embed;

import dev.mynah.rag.chunk.TokenCounter;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns text into a normalised vector for similarity search. Replaceable: the index records {@link #id()} and
 * re-embeds when it changes (a GGUF embedding model through the llama binding is the later option).
 */
public interface Embedder extends AutoCloseable {
    /** Names the model and its settings; vectors from different ids are never mixed. */
    String id();

    int dimensions();

    /**
     * The longest input that is embedded without truncation, counted as {@link #tokenCounter()} counts: content
     * tokens, without the special tokens the model adds around them.
     */
    int maxTokens();

    TokenCounter tokenCounter();

    /** The unit-length embedding of {@code text} (truncated to {@link #maxTokens()}). */
    float[] embed(String text);

    /** Embeddings of several texts, in order; implementations batch where that is faster. */
    default List<float[]> embedAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        texts.forEach(text -> vectors.add(embed(text)));
        return vectors;
    }

    @Override
    void close();
}
