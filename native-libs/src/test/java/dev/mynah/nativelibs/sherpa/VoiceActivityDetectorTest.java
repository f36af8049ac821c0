package dev.mynah.nativelibs.sherpa;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static dev.mynah.nativelibs.sherpa.TestSpeech.concat;
import static dev.mynah.nativelibs.sherpa.TestSpeech.seconds;
import static dev.mynah.nativelibs.sherpa.TestSpeech.silence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Silero VAD in the real sherpa-onnx finds speech where it is, and only there. */
class VoiceActivityDetectorTest {
    private static final double TOLERANCE_SECONDS = 0.100;

    @TempDir
    static Path dir;
    private static VoiceActivityDetector vad;

    @BeforeAll
    static void openDetector() throws Exception {
        vad = VoiceActivityDetector.open(TestSpeech.sileroModel(), VadOptions.defaults());
    }

    @AfterAll
    static void closeDetector() {
        vad.close();
    }

    @Test
    void twoSpokenUtterancesBetweenKnownSilencesAreFoundWithin100Milliseconds() throws Exception {
        float[] first = TestSpeech.spoken("Turn on the kitchen lights, please.", dir);
        float[] second = TestSpeech.spoken("Please remind me to call my mother tomorrow.", dir);
        float[] clip = concat(silence(1.5), first, silence(1.5), second, silence(1.5));
        double firstStart = 1.5;
        double firstEnd = firstStart + seconds(first.length);
        double secondStart = firstEnd + 1.5;
        double secondEnd = secondStart + seconds(second.length);

        List<SpeechSegment> segments = vad.segments(clip);

        assertEquals(2, segments.size(), segments.toString());
        assertNear(firstStart, segments.get(0).startSeconds(), "start of the first utterance");
        assertNear(firstEnd, segments.get(0).endSeconds(), "end of the first utterance");
        assertNear(secondStart, segments.get(1).startSeconds(), "start of the second utterance");
        assertNear(secondEnd, segments.get(1).endSeconds(), "end of the second utterance");
    }

    @Test
    void jfkSpeechIsFoundWhereAnEnergyReferenceHearsIt() throws Exception {
        float[] jfk = TestSpeech.jfk();
        List<SpeechSegment> reference = EnergyReference.speech(jfk);
        List<SpeechSegment> segments = vad.segments(jfk);

        // Every stretch the energy reference calls speech ("And so my fellow Americans", "ask not", ...) is found.
        for (SpeechSegment heard : reference) {
            double covered = overlap(heard, segments) / heard.durationSeconds();
            assertTrue(covered >= 0.9, heard + " is only " + covered + " covered by " + segments);
        }
        // And the detector adds little beyond it: its segments lie within the reference give or take 0.25 s.
        double found = segments.stream().mapToDouble(SpeechSegment::durationSeconds).sum();
        double widenedReference = 0;
        for (SpeechSegment segment : segments) {
            widenedReference += overlap(segment, widened(reference, 0.25));
        }
        assertTrue(widenedReference / found >= 0.95, segments + " strays from the reference " + reference);
        assertNear(reference.getFirst().startSeconds(), segments.getFirst().startSeconds(), "JFK's first word");
    }

    @Test
    void feedingAudioInUnevenPiecesGivesTheSameSegmentsAsTheWholeClip() throws Exception {
        float[] jfk = TestSpeech.jfk();
        List<SpeechSegment> whole = vad.segments(jfk);

        vad.reset();
        List<SpeechSegment> streamed = new ArrayList<>();
        int[] pieceSizes = {160, 1000, 4096, 33, 512};
        for (int from = 0, i = 0; from < jfk.length; i++) {
            int to = Math.min(jfk.length, from + pieceSizes[i % pieceSizes.length]);
            streamed.addAll(vad.accept(Arrays.copyOfRange(jfk, from, to)));
            from = to;
        }
        streamed.addAll(vad.flush());

        assertEquals(whole, streamed);
    }

    @Test
    void aSegmentStillOpenIsReportedInSpeechAndClosedByFlush() throws Exception {
        float[] utterance = TestSpeech.spoken("Turn on the kitchen lights, please.", dir);
        vad.reset();

        assertEquals(List.of(), vad.accept(concat(silence(1), utterance)));
        assertTrue(vad.inSpeech());
        List<SpeechSegment> flushed = vad.flush();

        assertEquals(1, flushed.size(), flushed.toString());
        assertNear(1.0, flushed.getFirst().startSeconds(), "start of the open segment");
        assertEquals(1.0 + seconds(utterance.length), flushed.getFirst().endSeconds(), 1e-9);
        assertFalse(vad.inSpeech());
    }

    @Test
    void paddingWidensSegmentsButNeverPastTheAudioNorIntoEachOther() throws Exception {
        float[] first = TestSpeech.spoken("Turn on the kitchen lights, please.", dir);
        float[] second = TestSpeech.spoken("Please remind me to call my mother tomorrow.", dir);
        float[] clip = concat(silence(0.5), first, silence(0.45), second, silence(0.05));
        List<SpeechSegment> plain = vad.segments(clip);
        assertEquals(2, plain.size(), plain.toString());

        try (VoiceActivityDetector padded = VoiceActivityDetector.open(TestSpeech.sileroModel(),
                VadOptions.defaults().withPaddingSeconds(0.2))) {
            List<SpeechSegment> segments = padded.segments(clip);

            assertEquals(2, segments.size(), segments.toString());
            assertEquals(plain.get(0).startSeconds() - 0.2, segments.get(0).startSeconds(), 1e-9);
            assertEquals(plain.get(0).endSeconds() + 0.2, segments.get(0).endSeconds(), 1e-9);
            assertEquals(segments.get(0).endSeconds(), segments.get(1).startSeconds(), 1e-9, "no overlap");
            assertEquals(seconds(clip.length), segments.get(1).endSeconds(), 1e-9, "capped at the audio's end");
        }
    }

    @Test
    void silenceHasNoSpeech() {
        assertEquals(List.of(), vad.segments(silence(5)));
    }

    @Test
    void whiteNoiseHasNoSpeech() {
        Random random = new Random(20261124L);
        float[] noise = new float[TestSpeech.samples(5)];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (0.1 * random.nextGaussian());
        }
        assertEquals(List.of(), vad.segments(noise));
    }

    @Test
    void nonFiniteSamplesAreRejectedAndTheDetectorKeepsWorking() throws Exception {
        float[] withNan = silence(1);
        withNan[1234] = Float.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> vad.accept(withNan));
        assertTrue(e.getMessage().contains("sample 1234 is NaN"), e.getMessage());

        float[] withInfinity = silence(1);
        withInfinity[0] = Float.POSITIVE_INFINITY;
        assertThrows(IllegalArgumentException.class, () -> vad.segments(withInfinity));

        float[] utterance = TestSpeech.spoken("Turn on the kitchen lights, please.", dir);
        assertEquals(1, vad.segments(concat(silence(1), utterance, silence(1))).size());
    }

    @Test
    void aClosedDetectorRefusesWork() throws Exception {
        VoiceActivityDetector closed = VoiceActivityDetector.open(TestSpeech.sileroModel(), VadOptions.defaults());
        closed.close();
        closed.close();
        assertThrows(IllegalStateException.class, () -> closed.accept(silence(1)));
        assertThrows(IllegalStateException.class, closed::flush);
    }

    private static void assertNear(double expected, double actual, String what) {
        System.out.printf("%s: expected %.3f s, found %.3f s (%+.0f ms)%n", what, expected, actual,
                1000 * (actual - expected));
        assertEquals(expected, actual, TOLERANCE_SECONDS, what);
    }

    private static double overlap(SpeechSegment segment, List<SpeechSegment> others) {
        double total = 0;
        for (SpeechSegment other : others) {
            total += Math.max(0, Math.min(segment.endSeconds(), other.endSeconds())
                    - Math.max(segment.startSeconds(), other.startSeconds()));
        }
        return total;
    }

    private static List<SpeechSegment> widened(List<SpeechSegment> segments, double seconds) {
        return segments.stream()
                .map(s -> new SpeechSegment(Math.max(0, s.startSeconds() - seconds), s.endSeconds() + seconds))
                .toList();
    }
}
