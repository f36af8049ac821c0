package dev.mynah.nativelibs.sherpa;

/** A stretch of speech found by {@link VoiceActivityDetector}, in seconds from the start of the audio fed. */
public record SpeechSegment(double startSeconds, double endSeconds) {
    public SpeechSegment {
        if (!(startSeconds >= 0 && endSeconds > startSeconds)) {
            throw new IllegalArgumentException("a speech segment needs 0 <= start < end, not " + startSeconds
                    + " .. " + endSeconds);
        }
    }

    public double durationSeconds() {
        return endSeconds - startSeconds;
    }
}
