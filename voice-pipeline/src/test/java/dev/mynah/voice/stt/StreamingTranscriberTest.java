package dev.mynah.voice.stt;

import dev.mynah.fixtures.gguf.GgmlType;
import dev.mynah.fixtures.whisper.TinyWhisperModel;
import dev.mynah.nativelibs.whisper.TranscribeOptions;
import dev.mynah.nativelibs.whisper.Transcript;
import dev.mynah.nativelibs.whisper.WhisperModel;
import dev.mynah.voice.audio.WavReader;
import dev.mynah.voice.stt.StreamingTranscriber.Event;
import dev.mynah.voice.stt.StreamingTranscriber.Failed;
import dev.mynah.voice.stt.StreamingTranscriber.Final;
import dev.mynah.voice.stt.StreamingTranscriber.Partial;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The streaming transcriber drives the real whisper.cpp with the project's tiny random-weight model. */
class StreamingTranscriberTest {
    private static final int SAMPLE_RATE = 16_000;
    private static final Duration STEP = Duration.ofMillis(500);
    private static final int STEP_SAMPLES = SAMPLE_RATE / 2;
    private static final TranscribeOptions GREEDY = TranscribeOptions.defaults().withLanguage("en").withThreads(2)
            .withTemperature(0f, 0f);

    @TempDir
    static Path dir;
    private static Path modelFile;
    private static WhisperModel model;
    private static float[] speech;

    @BeforeAll
    static void loadModelAndSpeech() throws Exception {
        modelFile = Files.createDirectories(Path.of("target", "fixtures")).resolve("tiny-whisper-f16.bin");
        TinyWhisperModel.write(modelFile, TinyWhisperModel.Shape.tiny(), GgmlType.F16, 20261124L);
        model = WhisperModel.load(modelFile);
        Path wav = dir.resolve("speech.wav");
        Process espeak = new ProcessBuilder("espeak-ng", "-w", wav.toString(),
                "Set a timer for ten minutes and turn off the kitchen lights.").inheritIO().start();
        assertEquals(0, espeak.waitFor(), "espeak-ng failed; install it to run these tests");
        speech = WavReader.readSpeech(wav);
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    @Test
    void partialsArriveInOrderAndAllBeforeTheFinal() throws Exception {
        Recorder events = new Recorder();
        try (StreamingTranscriber transcriber = StreamingTranscriber.start(model, GREEDY, STEP, events)) {
            for (int from = 0; from < speech.length; from += SAMPLE_RATE / 10) {
                transcriber.accept(Arrays.copyOfRange(speech, from, Math.min(speech.length, from + SAMPLE_RATE / 10)));
                Thread.sleep(20); // five times faster than speech
            }
            transcriber.finish();
            events.await(Final.class::isInstance);
        }

        List<Event> all = events.snapshot();
        assertInstanceOf(Final.class, all.getLast());
        List<Event> partials = all.subList(0, all.size() - 1);
        assertFalse(partials.isEmpty());
        double heard = 0;
        for (Event event : partials) {
            double seconds = assertInstanceOf(Partial.class, event).audioSeconds();
            assertTrue(seconds >= heard && seconds <= speech.length / (double) SAMPLE_RATE, all.toString());
            heard = seconds;
        }
    }

    @Test
    void stableTextOnlyGrowsAndUnstableTextIsTheRestOfTheLatestHypothesis() {
        List<Partial> partials = partialsStepByStep(GREEDY);

        for (int i = 1; i < partials.size(); i++) {
            assertTrue(startsWithWords(partials.get(i).stableText(), partials.get(i - 1).stableText()),
                    partials.get(i - 1) + " then " + partials.get(i));
        }
        assertFalse(partials.getLast().stableText().isEmpty(), "the hypotheses never agreed: " + partials);
        for (Partial partial : partials) {
            List<String> hypothesis = words(model.transcribe(heard(partial), GREEDY).text());
            List<String> stable = words(partial.stableText());
            assertEquals(hypothesis.subList(Math.min(stable.size(), hypothesis.size()), hypothesis.size()),
                    words(partial.unstableText()), partial.toString());
        }
    }

    @Test
    void everyStableTextIsAPrefixOfTheFinalText() {
        Recorder events = new Recorder();
        try (StreamingTranscriber transcriber = StreamingTranscriber.start(model, GREEDY, STEP, events)) {
            feedStepByStep(transcriber, events);
            transcriber.finish();
            String text = assertInstanceOf(Final.class, events.await(Final.class::isInstance)).transcript().text();

            List<Partial> partials = events.partials();
            assertFalse(partials.getLast().stableText().isEmpty(), partials.toString());
            partials.forEach(partial -> assertTrue(startsWithWords(text, partial.stableText()), partial + " / " + text));
        }
    }

    @Test
    void theFinalTranscriptIsAOneShotDecodeOfTheWholeUtteranceWithATrimmedEncoderWindow() throws Exception {
        Recorder events = new Recorder();
        Transcript streamed;
        try (StreamingTranscriber transcriber = StreamingTranscriber.start(model, GREEDY, STEP, events)) {
            for (int from = 0; from < speech.length; from += STEP_SAMPLES / 2) {
                transcriber.accept(Arrays.copyOfRange(speech, from, Math.min(speech.length, from + STEP_SAMPLES / 2)));
                Thread.sleep(30);
            }
            transcriber.finish();
            streamed = assertInstanceOf(Final.class, events.await(Final.class::isInstance)).transcript();
        }
        Transcript oneShot = model.transcribe(speech, GREEDY);

        assertFalse(oneShot.text().isEmpty());
        assertEquals(withoutNoSpeechProbability(oneShot), withoutNoSpeechProbability(streamed));
        assertEquals(oneShot.language(), streamed.language());
        assertEquals((speech.length + 319) / 320, streamed.timings().audioContext());
    }

    @Test
    void audioThatArrivesDuringADecodeIsTakenWholeByTheNextDecode() {
        Recorder events = new Recorder();
        double seconds = speech.length / (double) SAMPLE_RATE;
        try (StreamingTranscriber transcriber = StreamingTranscriber.start(model, GREEDY, STEP, events)) {
            for (int from = 0; from < speech.length; from += SAMPLE_RATE / 50) {
                transcriber.accept(Arrays.copyOfRange(speech, from, Math.min(speech.length, from + SAMPLE_RATE / 50)));
            }
            events.await(event -> event instanceof Partial partial && partial.audioSeconds() == seconds);
        }

        int steps = speech.length / STEP_SAMPLES;
        assertTrue(events.partials().size() <= 3, steps + " steps of audio, decoded as " + events.partials());
    }

    @Test
    void finishingAnEmptyUtteranceGivesAnEmptyFinal() {
        Recorder events = new Recorder();
        try (StreamingTranscriber transcriber = StreamingTranscriber.start(model, GREEDY, STEP, events)) {
            transcriber.finish();
            events.await(Final.class::isInstance);
        }

        Final only = assertInstanceOf(Final.class, events.snapshot().getFirst());
        assertEquals(1, events.snapshot().size());
        assertEquals("", only.transcript().text());
        assertTrue(only.transcript().segments().isEmpty());
    }

    @Test
    void closeDuringTheFinalDecodeSilencesTheTranscriberAndLeavesTheModelUsable() throws Exception {
        Recorder events = new Recorder();
        StreamingTranscriber transcriber = StreamingTranscriber.start(model, GREEDY, STEP, events);
        transcriber.accept(speech);
        transcriber.finish();
        transcriber.close();
        int eventsAtClose = events.snapshot().size();
        Thread.sleep(300);

        assertEquals(eventsAtClose, events.snapshot().size(), "no event after close: " + events.snapshot());
        assertFalse(model.transcribe(speech, GREEDY).text().isEmpty(), "the model still transcribes");
    }

    @Test
    void aDecodeThatFailsEndsTheUtteranceWithFailed() throws Exception {
        WhisperModel closedModel = WhisperModel.load(modelFile);
        closedModel.close();
        Recorder events = new Recorder();
        try (StreamingTranscriber transcriber = StreamingTranscriber.start(closedModel, GREEDY, STEP, events)) {
            transcriber.accept(speech);
            transcriber.finish();
            Failed failed = assertInstanceOf(Failed.class, events.await(Failed.class::isInstance));
            assertTrue(failed.error().getMessage().contains("closed"), failed.error().toString());
        }
    }

    /** Feeds the speech one step at a time, waiting for each step's partial, so every decode is reproducible. */
    private static List<Partial> partialsStepByStep(TranscribeOptions options) {
        Recorder events = new Recorder();
        try (StreamingTranscriber transcriber = StreamingTranscriber.start(model, options, STEP, events)) {
            feedStepByStep(transcriber, events);
        }
        return events.partials();
    }

    private static void feedStepByStep(StreamingTranscriber transcriber, Recorder events) {
        for (int end = STEP_SAMPLES; end <= speech.length; end += STEP_SAMPLES) {
            transcriber.accept(Arrays.copyOfRange(speech, end - STEP_SAMPLES, end));
            double seconds = end / (double) SAMPLE_RATE;
            events.await(event -> event instanceof Partial partial && partial.audioSeconds() == seconds);
        }
    }

    /** whisper's no-speech probability varies in its last digits from run to run; everything else must match. */
    private static List<List<Object>> withoutNoSpeechProbability(Transcript transcript) {
        return transcript.segments().stream()
                .map(s -> List.<Object>of(s.start(), s.end(), s.text(), s.tokens())).toList();
    }

    private static float[] heard(Partial partial) {
        return Arrays.copyOf(speech, (int) Math.round(partial.audioSeconds() * SAMPLE_RATE));
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : List.of(text.strip().split("\\s+"));
    }

    private static boolean startsWithWords(String text, String prefix) {
        List<String> words = words(text);
        List<String> start = words(prefix);
        return start.size() <= words.size() && words.subList(0, start.size()).equals(start);
    }

    /** Collects events from the transcriber's thread. */
    private static final class Recorder implements java.util.function.Consumer<Event> {
        private final List<Event> events = new CopyOnWriteArrayList<>();

        @Override
        public void accept(Event event) {
            events.add(event);
        }

        List<Event> snapshot() {
            return List.copyOf(events);
        }

        List<Partial> partials() {
            return events.stream().filter(Partial.class::isInstance).map(Partial.class::cast).toList();
        }

        Event await(Predicate<Event> wanted) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (Event event : events) {
                    if (wanted.test(event)) {
                        return event;
                    }
                }
                Thread.onSpinWait();
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fail("interrupted");
                }
            }
            return fail("no such event within a minute; got " + events);
        }
    }
}
