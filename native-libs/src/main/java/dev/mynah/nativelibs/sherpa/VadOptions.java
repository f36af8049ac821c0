package dev.mynah.nativelibs.sherpa;

/**
 * How Silero VAD turns its per-window speech probabilities into speech segments. Times are in seconds;
 * the audio must be 16 kHz mono, analysed in windows of 512 samples (Silero v5's only window at 16 kHz).
 *
 * @param threshold         speech probability above which a window counts as speech, in [0.01, 1)
 * @param minSpeechSeconds  speech shorter than this is ignored
 * @param minSilenceSeconds silence this long ends a segment
 * @param paddingSeconds    widens every reported segment on both sides (never beyond the audio fed, never
 *                          into the previous segment); sherpa-onnx itself already starts segments about
 *                          0.1 s before the speech it detects
 * @param maxSpeechSeconds  after this much continuous speech the detector gets stricter so that it splits
 * @param windowSize        samples per analysis window: 512
 * @param sampleRate        samples per second: 16000
 */
public record VadOptions(float threshold, double minSpeechSeconds, double minSilenceSeconds, double paddingSeconds,
                         double maxSpeechSeconds, int windowSize, int sampleRate) {
    public static final int SAMPLE_RATE = 16_000;
    public static final int WINDOW_SIZE = 512;

    public VadOptions {
        if (sampleRate != SAMPLE_RATE) {
            throw new IllegalArgumentException("Silero VAD runs on 16000 Hz audio only, not " + sampleRate
                    + " Hz; resample the audio to 16 kHz mono first");
        }
        if (windowSize != WINDOW_SIZE) {
            throw new IllegalArgumentException("Silero VAD v5 analyses windows of exactly " + WINDOW_SIZE
                    + " samples at 16 kHz, not " + windowSize);
        }
        if (!(threshold >= 0.01f && threshold < 1f)) {
            throw new IllegalArgumentException("threshold must be a speech probability in [0.01, 1), not " + threshold);
        }
        requireWithin("minSpeechSeconds", minSpeechSeconds, 0, 10);
        requireWithin("minSilenceSeconds", minSilenceSeconds, 0, 10);
        requireWithin("maxSpeechSeconds", maxSpeechSeconds, 0, 3600);
        if (!(paddingSeconds >= 0 && paddingSeconds <= 1)) {
            throw new IllegalArgumentException("paddingSeconds must be within [0, 1], not " + paddingSeconds);
        }
        if (maxSpeechSeconds <= minSpeechSeconds) {
            throw new IllegalArgumentException("maxSpeechSeconds (" + maxSpeechSeconds
                    + ") must be longer than minSpeechSeconds (" + minSpeechSeconds + ")");
        }
    }

    /**
     * Threshold 0.3, speech from 0.1 s, segments ended by 0.25 s of silence. Tuned on real and synthetic speech:
     * Silero's usual 0.5 / 0.25 s missed JFK's "ask not" and started espeak-ng's "Set a timer" 0.29 s late.
     */
    public static VadOptions defaults() {
        return new VadOptions(0.3f, 0.1, 0.25, 0, 20, WINDOW_SIZE, SAMPLE_RATE);
    }

    public VadOptions withThreshold(float value) {
        return new VadOptions(value, minSpeechSeconds, minSilenceSeconds, paddingSeconds, maxSpeechSeconds,
                windowSize, sampleRate);
    }

    public VadOptions withMinSpeechSeconds(double value) {
        return new VadOptions(threshold, value, minSilenceSeconds, paddingSeconds, maxSpeechSeconds,
                windowSize, sampleRate);
    }

    public VadOptions withMinSilenceSeconds(double value) {
        return new VadOptions(threshold, minSpeechSeconds, value, paddingSeconds, maxSpeechSeconds,
                windowSize, sampleRate);
    }

    public VadOptions withPaddingSeconds(double value) {
        return new VadOptions(threshold, minSpeechSeconds, minSilenceSeconds, value, maxSpeechSeconds,
                windowSize, sampleRate);
    }

    private static void requireWithin(String name, double seconds, double exclusiveMin, double inclusiveMax) {
        if (!(seconds > exclusiveMin && seconds <= inclusiveMax)) {
            throw new IllegalArgumentException(name + " must be more than " + exclusiveMin + " s and at most "
                    + inclusiveMax + " s, not " + seconds);
        }
    }
}
