package dev.mynah.nativelibs.llama;

/** A model could not be loaded (bad file, engine refusal or cancellation); the message says what to do. */
public class ModelLoadException extends Exception {
    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The caller cancelled the load through its progress callback. */
    public static final class Cancelled extends ModelLoadException {
        public Cancelled(String message) {
            super(message);
        }
    }
}
