package dev.mynah.nativelibs.llama;

/** Receives model-load progress from 0 to 1; returning false cancels the load. */
@FunctionalInterface
public interface LoadProgress {
    LoadProgress NONE = fraction -> true;

    boolean onProgress(float fraction);
}
