package dev.mynah.nativelibs.llama;

/** A prefill or generation was stopped by {@link LlamaContext#cancel()}. */
public final class GenerationCancelledException extends RuntimeException {
    public GenerationCancelledException(String message) {
        super(message);
    }
}
