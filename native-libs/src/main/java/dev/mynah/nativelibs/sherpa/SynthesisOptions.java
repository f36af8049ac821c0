package dev.mynah.nativelibs.sherpa;

/** How to speak one text: which of the voice's speakers and how fast (1 is the voice's own pace). */
public record SynthesisOptions(int speakerId, float speed) {
    public static final float MAX_SPEED = 4;

    public SynthesisOptions {
        if (speakerId < 0) {
            throw new IllegalArgumentException("speaker id " + speakerId + " is negative; speakers count from 0");
        }
        if (!(speed > 0 && speed <= MAX_SPEED)) {
            throw new IllegalArgumentException("speed " + speed + " is outside (0, " + MAX_SPEED
                    + "]; 1 is the voice's own pace, 2 twice as fast");
        }
    }

    /** The first speaker at the voice's own pace. */
    public static SynthesisOptions defaults() {
        return new SynthesisOptions(0, 1);
    }

    public SynthesisOptions withSpeakerId(int id) {
        return new SynthesisOptions(id, speed);
    }

    public SynthesisOptions withSpeed(float newSpeed) {
        return new SynthesisOptions(speakerId, newSpeed);
    }
}
