package dev.mynah.nativelibs.sherpa;

import dev.mynah.fixtures.onnx.PiperStandInModel;
import dev.mynah.fixtures.onnx.PiperStandInModel.ModelCall;
import dev.mynah.fixtures.onnx.PiperStandInModel.Voice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.mynah.nativelibs.sherpa.PiperTestVoices.decodedIds;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Text goes through sherpa-onnx's real pipeline (espeak-ng phonemes, Piper's ids, onnxruntime) into the stand-in
 * voice, whose audio spells out the ids it received; they must equal the ids Piper's rules give for the espeak-ng
 * command line's phonemes.
 */
class PiperVoiceTest {
    private static final String ENGLISH = "The quick brown fox jumps over the lazy dog. Is it raining today?";
    private static final String CHINESE = "你好世界。今天天气很好。";
    private static final String LONG_SENTENCE = "When you get to the station, take the second exit on the left, walk"
            + " past the bakery and the bank, and you will see the museum on your right.";
    private static final String LONG_CHINESE = "我们今天下午去公园散步，然后在湖边的咖啡馆喝了一杯茶，看着孩子们在草地上放风筝、"
            + "踢足球、追蝴蝶，一直玩到太阳下山才回家。";

    @TempDir
    static Path dir;

    @Test
    void englishTextReachesTheModelAsPipersPhonemeIds() throws Exception {
        try (PiperVoice voice = PiperVoice.openSherpaLayout(PiperTestVoices.sherpaLayout(dir, Voice.english()))) {
            float[] audio = voice.synthesize(ENGLISH, SynthesisOptions.defaults());
            assertEquals(EspeakReference.phonemeIds(ENGLISH, "en-us"), decodedIds(audio, 1));
            assertEquals(22_050, voice.sampleRate());
            assertEquals(1, voice.numSpeakers());
        }
    }

    /**
     * Debian's espeak-ng 1.51 command line and sherpa-onnx's built-in espeak-ng disagree on Mandarin with the same
     * espeak-ng-data (the command line falls back to reading pinyin as English), so the cmn voice is checked for
     * what both must share: one model call per sentence, Piper's framing, ids from the map, and phonemes of its
     * own. The English voice reading the same text matches the command line exactly.
     */
    @Test
    void chineseTextIsPhonemizedWithTheVoicesCmnVoice() throws Exception {
        List<List<Integer>> mandarin;
        try (PiperVoice voice = PiperVoice.openSherpaLayout(PiperTestVoices.sherpaLayout(dir, Voice.chinese()))) {
            mandarin = decodedIds(voice.synthesize(CHINESE, SynthesisOptions.defaults()), 1);
        }
        assertEquals(2, mandarin.size(), "。 ends a sentence");
        for (List<Integer> sentence : mandarin) {
            assertEquals(List.of(PiperStandInModel.BOS_ID, PiperStandInModel.PAD_ID), sentence.subList(0, 2));
            assertEquals(PiperStandInModel.EOS_ID, sentence.getLast());
            for (int i = 3; i < sentence.size() - 1; i += 2) {
                assertEquals(PiperStandInModel.PAD_ID, sentence.get(i), "pad after every phoneme");
                assertTrue(PiperStandInModel.PHONEME_ID_MAP.containsValue(sentence.get(i - 1)));
            }
        }
        try (PiperVoice english = PiperVoice.openSherpaLayout(PiperTestVoices.sherpaLayout(dir, Voice.english()))) {
            List<List<Integer>> readAsEnglish = decodedIds(english.synthesize(CHINESE, SynthesisOptions.defaults()), 1);
            assertEquals(EspeakReference.phonemeIds(CHINESE, "en-us"), readAsEnglish);
            assertNotEquals(readAsEnglish, mandarin, "the voice's own espeak-ng voice phonemizes");
        }
    }

    @Test
    void originalPiperPairIsConvertedOnLoadAndSpeaksTheSame() throws Exception {
        Path onnx = PiperTestVoices.piperPair(dir, Voice.english());
        Path workDir;
        try (PiperVoice voice = PiperVoice.openPiper(onnx, EspeakReference.dataDir())) {
            float[] audio = voice.synthesize(ENGLISH, SynthesisOptions.defaults());
            assertEquals(EspeakReference.phonemeIds(ENGLISH, "en-us"), decodedIds(audio, 1));
            List<ModelCall> calls = PiperStandInModel.decode(audio, 1);
            assertEquals(0.667f, calls.getFirst().noiseScale(), 1e-6, "noise_scale from the .onnx.json");
            assertEquals(0.8f, calls.getFirst().noiseW(), 1e-6, "noise_w from the .onnx.json");
            workDir = voice.convertedFilesDir();
            assertTrue(Files.isRegularFile(workDir.resolve("tokens.txt")));
        }
        assertFalse(Files.exists(workDir), "the converted files are removed on close");
    }

    @Test
    void sentencesArriveAsSeparateChunks() throws Exception {
        try (PiperVoice voice = PiperVoice.openSherpaLayout(PiperTestVoices.sherpaLayout(dir, Voice.english()))) {
            List<float[]> chunks = new ArrayList<>();
            assertTrue(voice.synthesize(ENGLISH, SynthesisOptions.defaults(), chunks::add));
            List<List<Integer>> expected = EspeakReference.phonemeIds(ENGLISH, "en-us");
            assertEquals(2, chunks.size());
            assertEquals(List.of(expected.get(0)), decodedIds(chunks.get(0), 1));
            assertEquals(List.of(expected.get(1)), decodedIds(chunks.get(1), 1));
        }
    }

    @Test
    void aLongSentenceReachesTheModelClauseByClauseWithNoPhonemeLost() throws Exception {
        assertEquals(3, ClauseChunker.pieces(LONG_SENTENCE).size());
        try (PiperVoice voice = PiperVoice.openSherpaLayout(PiperTestVoices.sherpaLayout(dir, Voice.english()))) {
            List<float[]> chunks = speakClauseByClause(voice, LONG_SENTENCE);
            assertEquals(phonemesWithoutFramingOrCommas(EspeakReference.phonemeIds(LONG_SENTENCE, "en-us")),
                    phonemesWithoutFramingOrCommas(decodedIds(TestSpeech.concat(chunks.toArray(float[][]::new)), 1)));
        }
    }

    @Test
    void aLongChineseSentenceReachesTheModelClauseByClause() throws Exception {
        assertEquals(4, ClauseChunker.pieces(LONG_CHINESE).size());
        try (PiperVoice voice = PiperVoice.openSherpaLayout(PiperTestVoices.sherpaLayout(dir, Voice.chinese()))) {
            speakClauseByClause(voice, LONG_CHINESE);
        }
    }

    @Test
    void cancelFromTheListenerAfterTheFirstClauseWithholdsTheRestOfTheSentence() throws Exception {
        try (PiperVoice voice = PiperVoice.openSherpaLayout(PiperTestVoices.sherpaLayout(dir, Voice.english()))) {
            List<float[]> chunks = new ArrayList<>();
            boolean completed = voice.synthesize(LONG_SENTENCE, SynthesisOptions.defaults(), chunk -> {
                chunks.add(chunk);
                voice.cancel();
                return true;
            });
            assertFalse(completed);
            assertEquals(1, chunks.size());
            String firstClause = ClauseChunker.pieces(LONG_SENTENCE).getFirst();
            assertArrayEquals(voice.synthesize(firstClause, SynthesisOptions.defaults()), chunks.getFirst());
            assertEquals(3, decodedIds(voice.synthesize(LONG_SENTENCE, SynthesisOptions.defaults()), 1).size(),
                    "the next synthesis runs in full");
        }
    }

    @Test
    void aCancelWhileNothingIsSpokenDoesNotStopTheNextSynthesis() throws Exception {
        try (PiperVoice voice = PiperVoice.openSherpaLayout(PiperTestVoices.sherpaLayout(dir, Voice.english()))) {
            voice.cancel();
            List<float[]> chunks = new ArrayList<>();
            assertTrue(voice.synthesize("One. Two.", SynthesisOptions.defaults(), chunks::add));
            assertEquals(2, chunks.size());
        }
    }

    @Test
    void listenerReturningFalseStopsFurtherChunks() throws Exception {
        String threeSentences = "One. Two. Three.";
        try (PiperVoice voice = PiperVoice.openSherpaLayout(PiperTestVoices.sherpaLayout(dir, Voice.english()))) {
            List<float[]> chunks = new ArrayList<>();
            boolean completed = voice.synthesize(threeSentences, SynthesisOptions.defaults(), chunk -> {
                chunks.add(chunk);
                return false;
            });
            assertFalse(completed);
            assertEquals(1, chunks.size());
            List<List<Integer>> inFull = decodedIds(voice.synthesize(threeSentences, SynthesisOptions.defaults()), 1);
            assertEquals(3, inFull.size(), "the next synthesis runs in full");
            assertEquals(List.of(inFull.getFirst()), decodedIds(chunks.getFirst(), 1));
        }
    }

    @Test
    void cancelFromTheListenersThreadOrAnotherStopsFurtherChunks() throws Exception {
        try (PiperVoice voice = PiperVoice.openSherpaLayout(PiperTestVoices.sherpaLayout(dir, Voice.english()))) {
            List<float[]> chunks = new ArrayList<>();
            boolean completed = voice.synthesize("One. Two. Three. Four.", SynthesisOptions.defaults(), chunk -> {
                chunks.add(chunk);
                if (chunks.size() == 2) {
                    Thread canceller = Thread.ofPlatform().start(voice::cancel);
                    try {
                        canceller.join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return true;
            });
            assertFalse(completed);
            assertEquals(2, chunks.size());
        }
    }

    @Test
    void listenerExceptionStopsSynthesisAndReachesTheCaller() throws Exception {
        try (PiperVoice voice = PiperVoice.openSherpaLayout(PiperTestVoices.sherpaLayout(dir, Voice.english()))) {
            IllegalStateException thrown = new IllegalStateException("speaker unplugged");
            List<float[]> chunks = new ArrayList<>();
            IllegalStateException caught = assertThrows(IllegalStateException.class,
                    () -> voice.synthesize("One. Two. Three.", SynthesisOptions.defaults(), chunk -> {
                        chunks.add(chunk);
                        throw thrown;
                    }));
            assertSame(thrown, caught);
            assertEquals(1, chunks.size());
        }
    }

    @Test
    void speedBecomesTheModelsLengthScale() throws Exception {
        try (PiperVoice voice = PiperVoice.openSherpaLayout(PiperTestVoices.sherpaLayout(dir, Voice.english()))) {
            float[] audio = voice.synthesize("Faster.", SynthesisOptions.defaults().withSpeed(2));
            assertEquals(0.5f, PiperStandInModel.decode(audio, 1).getFirst().lengthScale(), 1e-6);
        }
    }

    @Test
    void speakerIdReachesAMultiSpeakerModel() throws Exception {
        Voice threeSpeakers = Voice.english().withSpeakers(3);
        try (PiperVoice voice = PiperVoice.openPiper(PiperTestVoices.piperPair(dir, threeSpeakers),
                EspeakReference.dataDir())) {
            assertEquals(3, voice.numSpeakers());
            float[] audio = voice.synthesize("Hello there.", SynthesisOptions.defaults().withSpeakerId(2));
            ModelCall call = PiperStandInModel.decode(audio, 3).getFirst();
            assertEquals(2, call.speakerId());
            assertEquals(EspeakReference.phonemeIds("Hello there.", "en-us").getFirst(),
                    Arrays.stream(call.ids()).boxed().toList());
            assertThrows(IllegalArgumentException.class,
                    () -> voice.synthesize("Hello.", SynthesisOptions.defaults().withSpeakerId(3)));
        }
    }

    @Test
    void blankTextGivesNoAudio() throws Exception {
        try (PiperVoice voice = PiperVoice.openSherpaLayout(PiperTestVoices.sherpaLayout(dir, Voice.english()))) {
            assertEquals(0, voice.synthesize("  ", SynthesisOptions.defaults()).length);
        }
    }

    /**
     * Speaks {@code text}, checking that each of its clauses became a model call, and a chunk, of its own: the
     * audio of the clause spoken alone, in order.
     */
    private static List<float[]> speakClauseByClause(PiperVoice voice, String text) {
        List<String> clauses = ClauseChunker.pieces(text);
        List<float[]> chunks = new ArrayList<>();
        assertTrue(voice.synthesize(text, SynthesisOptions.defaults(), chunks::add));
        assertEquals(clauses.size(), chunks.size(), "one model call, and one chunk, per clause");
        for (int i = 0; i < clauses.size(); i++) {
            assertArrayEquals(voice.synthesize(clauses.get(i), SynthesisOptions.defaults()), chunks.get(i),
                    "clause " + i + " in order");
        }
        return chunks;
    }

    /** The ids the model calls spoke, without Piper's ^ _ $ framing and without the commas that end clauses. */
    private static List<Integer> phonemesWithoutFramingOrCommas(List<List<Integer>> calls) {
        List<Integer> framing = List.of(PiperStandInModel.BOS_ID, PiperStandInModel.PAD_ID, PiperStandInModel.EOS_ID,
                PiperStandInModel.PHONEME_ID_MAP.get(","));
        return calls.stream().flatMap(List::stream).filter(id -> !framing.contains(id)).toList();
    }
}
