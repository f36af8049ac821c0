package dev.mynah.nativelibs.llama;

/**
 * How a model is loaded: layers offloaded to the GPU (-1 for all, the default where a GPU backend exists),
 * memory mapping, and vocabulary-only loading (tokenizer without weights).
 */
public record ModelOptions(int gpuLayers, boolean memoryMap, boolean vocabularyOnly) {
    public static ModelOptions defaults() {
        return new ModelOptions(-1, true, false);
    }

    public ModelOptions withVocabularyOnly(boolean value) {
        return new ModelOptions(gpuLayers, memoryMap, value);
    }

    public ModelOptions withGpuLayers(int value) {
        return new ModelOptions(value, memoryMap, vocabularyOnly);
    }
}
