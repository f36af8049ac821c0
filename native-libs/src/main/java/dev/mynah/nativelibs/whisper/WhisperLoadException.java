package dev.mynah.nativelibs.whisper;

/** A whisper model could not be loaded (bad file or engine refusal); the message says what to do. */
public final class WhisperLoadException extends Exception {
    public WhisperLoadException(String message) {
        super(message);
    }

    public WhisperLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
