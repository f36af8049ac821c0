package dev.mynah.nativelibs.whisper;

/** A transcription was stopped by {@link WhisperModel#cancel()} before it finished. */
public final class TranscriptionCancelledException extends RuntimeException {
    public TranscriptionCancelledException(String message) {
        super(message);
    }
}
