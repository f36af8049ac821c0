package dev.mynah.nativelibs.llama;

/** The tokens to evaluate do not fit the context window. */
public final class ContextOverflowException extends IllegalStateException {
    public ContextOverflowException(String message) {
        super(message);
    }
}
