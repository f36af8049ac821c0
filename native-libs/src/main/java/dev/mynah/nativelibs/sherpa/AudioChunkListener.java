package dev.mynah.nativelibs.sherpa;

/**
 * Receives synthesized mono PCM (in [-1, 1], at the voice's sample rate) in chunks of at most
 * {@link PiperVoice#maxChunkSamples}, as each sentence or clause is produced.
 */
@FunctionalInterface
public interface AudioChunkListener {
    /** Takes the next chunk, which is the listener's to keep; returns false to stop synthesis after it. */
    boolean onChunk(float[] samples);
}
