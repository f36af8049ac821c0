package dev.mynah.nativelibs.sherpa;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An independent, obvious speech finder for checking the VAD on recorded speech: 10 ms frames louder than the
 * recording's noise floor by 20 dB are speech; gaps under 0.2 s are bridged, blips under 0.1 s dropped.
 */
final class EnergyReference {
    private static final int FRAME = TestSpeech.samples(0.010);
    private static final double ABOVE_FLOOR_DB = 20;
    private static final int MAX_GAP_FRAMES = 20;
    private static final int MIN_SPEECH_FRAMES = 10;

    private EnergyReference() {
    }

    static List<SpeechSegment> speech(float[] pcm) {
        int frames = pcm.length / FRAME;
        double[] db = new double[frames];
        for (int f = 0; f < frames; f++) {
            double energy = 0;
            for (int i = f * FRAME; i < (f + 1) * FRAME; i++) {
                energy += pcm[i] * pcm[i];
            }
            db[f] = 10 * Math.log10(energy / FRAME + 1e-12);
        }
        double[] sorted = db.clone();
        Arrays.sort(sorted);
        double floor = sorted[frames / 10];

        List<int[]> runs = new ArrayList<>();
        for (int f = 0; f < frames; f++) {
            if (db[f] > floor + ABOVE_FLOOR_DB) {
                if (!runs.isEmpty() && f - runs.getLast()[1] <= MAX_GAP_FRAMES) {
                    runs.getLast()[1] = f + 1;
                } else {
                    runs.add(new int[] {f, f + 1});
                }
            }
        }
        return runs.stream()
                .filter(run -> run[1] - run[0] >= MIN_SPEECH_FRAMES)
                .map(run -> new SpeechSegment(TestSpeech.seconds(run[0] * FRAME), TestSpeech.seconds(run[1] * FRAME)))
                .toList();
    }
}
