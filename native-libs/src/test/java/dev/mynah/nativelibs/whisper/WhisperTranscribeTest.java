package dev.mynah.nativelibs.whisper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The binding drives the real whisper.cpp with the project's tiny random-weight model. */
class WhisperTranscribeTest {
    private static final TranscribeOptions GREEDY_ENGLISH = TranscribeOptions.defaults().withLanguage("en")
            .withThreads(2).withTemperature(0f, 0f);
    private static WhisperModel model;

    @BeforeAll
    static void load() throws Exception {
        model = WhisperModel.load(TinyWhisperModels.tiny());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static List<Float> probabilities(Transcript transcript) {
        return transcript.segments().stream().flatMap(s -> s.tokens().stream()).map(Transcript.Token::probability)
                .toList();
    }

    @Test
    void transcribesThroughWhisperFullWithTimedSegmentsAndTokenProbabilities() {
        Transcript transcript = model.transcribe(TinyWhisperModels.tone(3), GREEDY_ENGLISH);

        assertFalse(transcript.segments().isEmpty());
        assertEquals("en", transcript.language());
        for (Transcript.Segment segment : transcript.segments()) {
            assertTrue(segment.start() >= 0 && segment.end() >= segment.start(), segment.toString());
            assertFalse(segment.tokens().isEmpty(), segment.toString());
            segment.tokens().forEach(token -> assertTrue(token.probability() > 0 && token.probability() <= 1));
        }
        assertEquals(150, transcript.timings().audioContext());
        assertTrue(transcript.timings().encodeMillis() > 0);
    }

    @Test
    void greedyDecodingIsRepeatable() {
        float[] audio = TinyWhisperModels.tone(3);
        assertEquals(probabilities(model.transcribe(audio, GREEDY_ENGLISH)),
                probabilities(model.transcribe(audio, GREEDY_ENGLISH)));
    }

    @Test
    void trimmingTheAudioContextChangesWhatTheEncoderSees() {
        float[] audio = TinyWhisperModels.tone(3);
        Transcript trimmed = model.transcribe(audio, GREEDY_ENGLISH);
        Transcript full = model.transcribe(audio, GREEDY_ENGLISH.withTrimmedAudioContext(false));

        assertEquals(1500, full.timings().audioContext());
        assertNotEquals(probabilities(trimmed), probabilities(full));
    }

    @Test
    void audioContextIsTheUtteranceLengthBoundedByTheModel() {
        assertEquals(1, model.audioContextFor(1));
        assertEquals(50, model.audioContextFor(16_000));
        assertEquals(51, model.audioContextFor(16_001));
        assertEquals(1500, model.audioContextFor(16_000 * 45));
    }

    @Test
    void autoDetectionReportsALanguageWhisperKnows() {
        Transcript transcript = model.transcribe(TinyWhisperModels.tone(2), GREEDY_ENGLISH.withLanguage(null));
        assertTrue(WhisperLibrary.languageId(transcript.language()) >= 0, transcript.language());
    }

    @Test
    void newSegmentCallbackDeliversEverySegmentInOrder() {
        List<Transcript.Segment> live = new ArrayList<>();
        Transcript transcript = model.transcribe(TinyWhisperModels.tone(45), GREEDY_ENGLISH, live::add);

        assertTrue(transcript.segments().size() >= 2, transcript.toString());
        assertEquals(transcript.segments(), live);
    }

    @Test
    void singleSegmentYieldsOneSegmentPerWindow() {
        Transcript transcript = model.transcribe(TinyWhisperModels.tone(20),
                GREEDY_ENGLISH.withSingleSegment(true).withTrimmedAudioContext(false));
        assertEquals(1, transcript.segments().size(), transcript.toString());
    }

    @Test
    void cancellingStopsTheRunAndTheModelStaysUsable() {
        float[] twoWindows = TinyWhisperModels.tone(45);
        int uncancelled = model.transcribe(twoWindows, GREEDY_ENGLISH).segments().size();
        List<Transcript.Segment> seen = new ArrayList<>();
        assertThrows(TranscriptionCancelledException.class, () -> model.transcribe(twoWindows, GREEDY_ENGLISH,
                segment -> {
                    seen.add(segment);
                    model.cancel();
                }));
        assertTrue(seen.size() < uncancelled, seen.size() + " of " + uncancelled + " segments");
        assertFalse(model.transcribe(TinyWhisperModels.tone(2), GREEDY_ENGLISH).segments().isEmpty());
    }

    @Test
    void aThrowingListenerStopsTheRunWithItsFailureInsteadOfKillingTheJvm() {
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> model.transcribe(
                TinyWhisperModels.tone(45), GREEDY_ENGLISH, segment -> {
                    throw new UnsupportedOperationException("display is gone");
                }));
        assertTrue(failure.getMessage().contains("display is gone"), failure.getMessage());
    }

    @Test
    void initialPromptAndOptionsAreAccepted() {
        Transcript transcript = model.transcribe(TinyWhisperModels.tone(3), GREEDY_ENGLISH
                .withInitialPrompt("Mynah, Qwen and whisper.").withTimestamps(true, true).withBeamSize(2)
                .withSuppressNonSpeech(false).withTemperature(0f, 0.2f));
        assertFalse(transcript.segments().isEmpty());
    }

    @Test
    void emptyAudioGivesAnEmptyTranscript() {
        assertTrue(model.transcribe(new float[0], GREEDY_ENGLISH).segments().isEmpty());
    }

    @Test
    void notFiniteSamplesAreRejectedBeforeWhisperSeesThem() {
        float[] audio = TinyWhisperModels.tone(1);
        audio[100] = Float.NaN;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> model.transcribe(audio, GREEDY_ENGLISH))
                .getMessage().contains("sample 100 is NaN"));
        audio[100] = Float.POSITIVE_INFINITY;
        assertThrows(IllegalArgumentException.class, () -> model.transcribe(audio, GREEDY_ENGLISH));
    }

    @Test
    void aPerCallStopHonoursARequestMadeBeforeTheCallStarted() {
        AtomicBoolean stop = new AtomicBoolean(true);

        assertThrows(TranscriptionCancelledException.class,
                () -> model.transcribe(TinyWhisperModels.tone(3), GREEDY_ENGLISH, segment -> { }, stop::get));

        // The stop belonged to that call only: the next one runs.
        assertEquals("en", model.transcribe(TinyWhisperModels.tone(3), GREEDY_ENGLISH).language());
    }

    @Test
    void aPerCallStopRaisedDuringTheRunEndsIt() {
        AtomicBoolean stop = new AtomicBoolean();
        List<Transcript.Segment> delivered = new ArrayList<>();

        assertThrows(TranscriptionCancelledException.class, () -> model.transcribe(TinyWhisperModels.tone(45),
                GREEDY_ENGLISH, segment -> {
                    delivered.add(segment);
                    stop.set(true);
                }, stop::get));

        Transcript whole = model.transcribe(TinyWhisperModels.tone(45), GREEDY_ENGLISH);
        assertTrue(delivered.size() < whole.segments().size(), delivered.size() + " of " + whole.segments().size());
    }
}
