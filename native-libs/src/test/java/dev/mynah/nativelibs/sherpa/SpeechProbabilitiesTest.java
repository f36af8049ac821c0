package dev.mynah.nativelibs.sherpa;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.mynah.nativelibs.gguf.InvalidModelFileException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.mynah.nativelibs.sherpa.TestSpeech.concat;
import static dev.mynah.nativelibs.sherpa.TestSpeech.samples;
import static dev.mynah.nativelibs.sherpa.TestSpeech.silence;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Silero VAD's per-frame speech probability, run in sherpa-onnx's onnxruntime through the FFM binding. */
class SpeechProbabilitiesTest {
    private static final int FRAME = SpeechProbabilities.FRAME_SAMPLES;

    @TempDir
    static Path dir;
    private static SpeechProbabilities probabilities;

    @BeforeAll
    static void open() throws Exception {
        probabilities = SpeechProbabilities.open(TestSpeech.sileroModel());
    }

    @AfterAll
    static void close() {
        probabilities.close();
    }

    /**
     * Microsoft's onnxruntime Java API (JNI, a different onnxruntime build) runs the same model on the same
     * frames, framed here the way Silero's own Python wrapper frames them: the 64 samples before each frame as
     * context, zeros before the clip, the state carried from frame to frame.
     */
    @Test
    void everyFrameMatchesAnIndependentOnnxruntimeOnJfk() throws Exception {
        float[] jfk = TestSpeech.jfk();
        float[] ours = probabilities.of(jfk);
        float[] reference = referenceProbabilities(jfk);

        assertEquals(reference.length, ours.length);
        assertEquals((jfk.length + FRAME - 1) / FRAME, ours.length);
        for (int i = 0; i < ours.length; i++) {
            assertEquals(reference[i], ours[i], 1e-5, "frame " + i);
        }
        float max = 0;
        for (float p : ours) {
            max = Math.max(max, p);
        }
        assertTrue(max > 0.9, "JFK speaks: the most confident frame is only " + max);
    }

    @Test
    void speechScoresHighAndTheSilenceAroundItLow() throws Exception {
        float[] utterance = TestSpeech.spoken("Please remind me to call my mother tomorrow.", dir);
        float[] clip = concat(silence(1.0), utterance, silence(1.0));
        float[] scores = probabilities.of(clip);

        int speechFrom = samples(1.0) / FRAME;
        int speechTo = (samples(1.0) + utterance.length) / FRAME;
        int confident = 0;
        for (int i = speechFrom + 3; i < speechTo - 3; i++) {
            confident += scores[i] > 0.5 ? 1 : 0;
        }
        double share = confident / (double) (speechTo - speechFrom - 6);
        assertTrue(share > 0.7, "only " + share + " of the speech frames score above 0.5: " + Arrays.toString(scores));
        for (int i = 0; i < speechFrom - 3; i++) {
            assertTrue(scores[i] < 0.1, "leading silence frame " + i + " scores " + scores[i]);
        }
        for (int i = speechTo + 10; i < scores.length; i++) {
            assertTrue(scores[i] < 0.1, "trailing silence frame " + i + " scores " + scores[i]);
        }
    }

    /** The probabilities are what sherpa-onnx's detector decides on: its segments hold every confident frame. */
    @Test
    void confidentFramesLieInsideTheDetectorsSegments() throws Exception {
        float[] jfk = TestSpeech.jfk();
        float[] scores = probabilities.of(jfk);
        List<SpeechSegment> segments;
        try (VoiceActivityDetector vad = VoiceActivityDetector.open(TestSpeech.sileroModel(), VadOptions.defaults())) {
            segments = vad.segments(jfk);
        }
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > 0.8) {
                double middle = (i + 0.5) * SpeechProbabilities.FRAME_SECONDS;
                assertTrue(segments.stream().anyMatch(s -> middle >= s.startSeconds() - 0.1
                        && middle <= s.endSeconds() + 0.1), "frame " + i + " at " + middle + " s scores "
                        + scores[i] + " but lies outside " + segments);
            }
        }
        for (SpeechSegment segment : segments) {
            int from = (int) (segment.startSeconds() / SpeechProbabilities.FRAME_SECONDS);
            int to = (int) Math.ceil(segment.endSeconds() / SpeechProbabilities.FRAME_SECONDS);
            float best = 0;
            for (int i = from; i < Math.min(to, scores.length); i++) {
                best = Math.max(best, scores[i]);
            }
            assertTrue(best > VadOptions.defaults().threshold(), segment + " has no frame above the threshold");
        }
    }

    @Test
    void framesFedOneByOneScoreAsTheWholeClipDoes() throws Exception {
        float[] clip = concat(silence(0.3), TestSpeech.spoken("Set a timer for ten minutes.", dir), silence(0.2));
        float[] whole = probabilities.of(clip);

        probabilities.reset();
        float[] streamed = new float[whole.length];
        for (int i = 0; i < whole.length; i++) {
            float[] frame = Arrays.copyOfRange(clip, i * FRAME, (i + 1) * FRAME);
            streamed[i] = probabilities.next(frame);
        }
        assertArrayEquals(whole, streamed);
        assertArrayEquals(whole, probabilities.of(clip), "of() starts afresh");
    }

    /** A scorer that has heard speech and is reset scores as a new one: no context or state survives. */
    @Test
    void resetForgetsTheContextAndTheStateOfEarlierAudio() throws Exception {
        float[] speech = TestSpeech.spoken("Turn on the kitchen lights, please.", dir);
        float[] clip = concat(speech, silence(0.5));
        float[] fresh;
        try (SpeechProbabilities unused = SpeechProbabilities.open(TestSpeech.sileroModel())) {
            fresh = unused.of(clip);
        }
        // Feed speech that stops mid-word, so the context and the state are far from zero.
        for (int i = 0; i + FRAME <= speech.length / 2; i += FRAME) {
            probabilities.next(Arrays.copyOfRange(speech, i, i + FRAME));
        }
        probabilities.reset();
        float[] afterReset = new float[fresh.length];
        for (int i = 0; i < fresh.length; i++) {
            afterReset[i] = probabilities.next(Arrays.copyOf(Arrays.copyOfRange(clip, i * FRAME,
                    Math.min(clip.length, (i + 1) * FRAME)), FRAME));
        }
        assertArrayEquals(fresh, afterReset);
        assertEquals(referenceProbabilities(clip)[3], afterReset[3], 1e-5, "and both match the reference");
    }

    @Test
    void silenceAndNoiseScoreLow() {
        for (float p : probabilities.of(silence(2))) {
            assertTrue(p < 0.05, "silence scores " + p);
        }
        Random random = new Random(20261124L);
        float[] noise = new float[samples(3)];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (random.nextGaussian() * 0.05);
        }
        float[] scores = probabilities.of(noise);
        long confident = 0;
        for (float p : scores) {
            confident += p > 0.5 ? 1 : 0;
        }
        assertTrue(confident <= scores.length / 20, confident + " of " + scores.length + " noise frames score as speech");
    }

    @Test
    void badAudioIsRefusedWithAReason() {
        IllegalArgumentException shortFrame = assertThrows(IllegalArgumentException.class,
                () -> probabilities.next(new float[100]));
        assertTrue(shortFrame.getMessage().contains("512"), shortFrame.getMessage());
        float[] withNaN = new float[FRAME];
        withNaN[7] = Float.NaN;
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> probabilities.next(withNaN));
        assertTrue(nan.getMessage().contains("sample 7"), nan.getMessage());
        assertEquals(0, probabilities.of(new float[0]).length);
    }

    @Test
    void theLegacyModelIsRefusedNamingTheOneThatWorks() throws Exception {
        Path legacy = TestSpeech.sileroModel().resolveSibling("silero_vad_legacy.onnx");
        InvalidModelFileException refused = assertThrows(InvalidModelFileException.class,
                () -> SpeechProbabilities.open(legacy));
        assertTrue(refused.getMessage().contains("v4"), refused.getMessage());
        assertTrue(refused.getMessage().contains("need v5 (" + SileroVadModel.PACKAGE.spec()), refused.getMessage());
    }

    private static float[] referenceProbabilities(float[] pcm) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            try (OrtSession session = env.createSession(TestSpeech.sileroModel().toString(), options)) {
                int frames = (pcm.length + FRAME - 1) / FRAME;
                float[] padded = Arrays.copyOf(pcm, frames * FRAME);
                float[] state = new float[2 * 128];
                float[] result = new float[frames];
                for (int i = 0; i < frames; i++) {
                    float[] input = new float[64 + FRAME];
                    for (int j = 0; j < input.length; j++) {
                        int at = i * FRAME - 64 + j;
                        input[j] = at < 0 ? 0 : padded[at];
                    }
                    try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {1, input.length});
                         OnnxTensor s = OnnxTensor.createTensor(env, FloatBuffer.wrap(state), new long[] {2, 1, 128});
                         OnnxTensor sr = OnnxTensor.createTensor(env, 16_000L);
                         OrtSession.Result out = session.run(Map.of("input", x, "state", s, "sr", sr))) {
                        result[i] = ((float[][]) out.get(0).getValue())[0][0];
                        float[][][] next = (float[][][]) out.get(1).getValue();
                        for (int layer = 0; layer < 2; layer++) {
                            System.arraycopy(next[layer][0], 0, state, layer * 128, 128);
                        }
                    }
                }
                return result;
            }
        }
    }
}
