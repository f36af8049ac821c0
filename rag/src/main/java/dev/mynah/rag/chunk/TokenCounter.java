package dev.mynah.rag.chunk;

/** How many tokens the embedding model sees in a text, so that chunks fit its input. */
@FunctionalInterface
public interface TokenCounter {
    int count(String text);
}
