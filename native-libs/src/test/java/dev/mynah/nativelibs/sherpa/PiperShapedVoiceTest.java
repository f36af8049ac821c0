package dev.mynah.nativelibs.sherpa;

import dev.mynah.fixtures.onnx.PiperShapedModel;
import dev.mynah.fixtures.onnx.PiperStandInModel.Voice;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import static dev.mynah.nativelibs.sherpa.PiperTestVoices.decodedIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * onnxruntime, inside sherpa-onnx and behind the binding, runs the realistic-shaped Piper voice (Piper's medium
 * network with random weights): each sentence as long as its length regulator makes it, audio-like, and handed
 * over in chunks of a tenth of a second that a cancel cuts short.
 */
class PiperShapedVoiceTest {
    private static final String TEXT = "Good morning. It is seven degrees and cloudy outside.";
    private static final String LONG_SENTENCE = "When you get to the station, take the second exit on the left, walk"
            + " past the bakery and the bank, cross the square where the market is held on Saturdays, turn right at"
            + " the fountain, and you will see the museum on your right.";

    @TempDir
    static Path dir;
    static Path layout;

    @BeforeAll
    static void writeVoice() throws Exception {
        layout = dir.resolve("medium-shape");
        PiperShapedModel.writeSherpaLayout(layout, PiperShapedModel.Shape.medium(), 1);
        Files.createSymbolicLink(layout.resolve("espeak-ng-data"), EspeakReference.dataDir());
    }

    @Test
    void eachPhonemeIdBecomesThreeFramesOf256SamplesDeliveredATenthOfASecondAtATime() throws Exception {
        List<List<Integer>> ids = EspeakReference.phonemeIds(TEXT, "en-us");
        List<Long> sentences = new ArrayList<>();
        for (List<Integer> sentence : ids) {
            assertEquals(sentence.size() * 3 * 256, PiperShapedModel.samples(sentence.size(), 1));
            sentences.add(PiperShapedModel.samples(sentence.size(), 1));
        }
        try (PiperVoice voice = PiperVoice.openSherpaLayout(layout)) {
            assertEquals(2205, voice.maxChunkSamples(), "0.1 s at 22.05 kHz");
            assertEquals(chunkLengths(sentences, 2205), lengths(speak(voice, TEXT, 1)));
        }
    }

    @Test
    void doubleSpeedRoundsOneAndAHalfFramesPerIdUpToTwo() throws Exception {
        List<Long> sentences = EspeakReference.phonemeIds(TEXT, "en-us").stream()
                .map(sentence -> sentence.size() * 2 * 256L).toList();
        try (PiperVoice voice = PiperVoice.openSherpaLayout(layout)) {
            assertEquals(chunkLengths(sentences, voice.maxChunkSamples()), lengths(speak(voice, TEXT, 2)));
        }
    }

    @Test
    void samplesAreFiniteWithinTheUnitRangeAndNotSilent() throws Exception {
        try (PiperVoice voice = PiperVoice.openSherpaLayout(layout)) {
            for (float[] chunk : speak(voice, TEXT, 1)) {
                double energy = 0;
                for (float sample : chunk) {
                    assertTrue(Float.isFinite(sample) && sample >= -1 && sample <= 1, "sample " + sample);
                    energy += sample * sample;
                }
                double rms = Math.sqrt(energy / chunk.length);
                assertTrue(rms > 0.01 && rms < 0.99, "RMS " + rms + ": neither silence nor a clipped square wave");
            }
        }
    }

    @Test
    void cancelFromTheListenerAfterTheFirstChunkWithholdsTheRestOfTheSentence() throws Exception {
        try (PiperVoice voice = PiperVoice.openSherpaLayout(layout)) {
            List<float[]> chunks = new ArrayList<>();
            boolean completed = voice.synthesize("Good morning.", SynthesisOptions.defaults(), chunk -> {
                chunks.add(chunk);
                voice.cancel();
                return true;
            });
            assertFalse(completed);
            assertEquals(1, chunks.size());
            assertEquals(voice.maxChunkSamples(), chunks.getFirst().length);
            assertTrue(speak(voice, "Good morning.", 1).size() > 1, "the sentence has more chunks, and the next"
                    + " synthesis speaks them all");
        }
    }

    /**
     * The canceller reads how much audio had arrived once its cancel returned: at most the one chunk being handed
     * over at that moment may follow, and nothing of a later clause. The whole sentence's length comes from the
     * stand-in voice, which phonemizes alike and reports the ids of each model call.
     */
    @Test
    void cancelFromAnotherThreadDuringALongSentenceStopsWithinAChunk() throws Exception {
        long whole;
        try (PiperVoice standIn = PiperVoice.openSherpaLayout(PiperTestVoices.sherpaLayout(dir, Voice.english()))) {
            List<List<Integer>> clauses = decodedIds(standIn.synthesize(LONG_SENTENCE, SynthesisOptions.defaults()), 1);
            assertEquals(4, ClauseChunker.pieces(LONG_SENTENCE).size());
            assertEquals(4, clauses.size(), "one model call per clause");
            whole = clauses.stream().mapToLong(clause -> PiperShapedModel.samples(clause.size(), 1)).sum();
        }
        try (PiperVoice voice = PiperVoice.openSherpaLayout(layout)) {
            AtomicLong delivered = new AtomicLong();
            AtomicLong deliveredWhenCancelled = new AtomicLong();
            CountDownLatch firstChunk = new CountDownLatch(1);
            Thread canceller = Thread.ofPlatform().start(() -> {
                try {
                    firstChunk.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                voice.cancel();
                deliveredWhenCancelled.set(delivered.get());
            });
            boolean completed = voice.synthesize(LONG_SENTENCE, SynthesisOptions.defaults(), chunk -> {
                delivered.addAndGet(chunk.length);
                firstChunk.countDown();
                return true;
            });
            canceller.join();
            assertFalse(completed);
            assertTrue(delivered.get() < whole, delivered + " of " + whole + " samples");
            assertTrue(delivered.get() - deliveredWhenCancelled.get() <= voice.maxChunkSamples(),
                    (delivered.get() - deliveredWhenCancelled.get()) + " samples arrived after the cancel");
        }
    }

    private static List<float[]> speak(PiperVoice voice, String text, float speed) {
        List<float[]> chunks = new ArrayList<>();
        assertTrue(voice.synthesize(text, SynthesisOptions.defaults().withSpeed(speed), chunks::add));
        return chunks;
    }

    private static List<Long> lengths(List<float[]> chunks) {
        return chunks.stream().map(chunk -> (long) chunk.length).toList();
    }

    /** Each sentence cut into full chunks and a shorter last one: a sentence's tail never waits for the next. */
    private static List<Long> chunkLengths(List<Long> sentences, int maxChunk) {
        List<Long> chunks = new ArrayList<>();
        for (long sentence : sentences) {
            for (long from = 0; from < sentence; from += maxChunk) {
                chunks.add(Math.min(maxChunk, sentence - from));
            }
        }
        return chunks;
    }
}
