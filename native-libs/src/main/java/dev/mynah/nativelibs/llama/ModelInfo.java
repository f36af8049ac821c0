package dev.mynah.nativelibs.llama;

/** What a loaded model says about itself. Special token ids are -1 when the model has none. */
public record ModelInfo(
        String architecture,
        String name,
        String description,
        long parameterCount,
        long sizeBytes,
        int trainedContextLength,
        int embeddingLength,
        int layerCount,
        int vocabularySize,
        String chatTemplate,
        int bosToken,
        int eosToken,
        int eotToken) {
}
