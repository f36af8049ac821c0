package dev.mynah.nativelibs.whisper;

/**
 * How whisper.cpp sets up a model: GPU use (Metal on the Mac; ignored by a CPU-only build) and flash attention.
 */
public record WhisperModelOptions(boolean useGpu, boolean flashAttention) {
    /** GPU where the build has one, flash attention on: whisper.cpp's own defaults. */
    public static WhisperModelOptions defaults() {
        return new WhisperModelOptions(true, true);
    }
}
