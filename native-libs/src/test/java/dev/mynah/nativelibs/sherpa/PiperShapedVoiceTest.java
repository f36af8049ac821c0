package dev.mynah.nativelibs.sherpa;

import dev.mynah.fixtures.onnx.PiperShapedModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * onnxruntime, inside sherpa-onnx and behind the binding, runs the realistic-shaped Piper voice (Piper's medium
 * network with random weights): one chunk per sentence, as long as its length regulator makes it, and audio-like.
 */
class PiperShapedVoiceTest {
    private static final String TEXT = "Good morning. It is seven degrees and cloudy outside.";

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
    void eachPhonemeIdBecomesThreeFramesOf256Samples() throws Exception {
        List<float[]> chunks = speak(1);
        List<List<Integer>> ids = EspeakReference.phonemeIds(TEXT, "en-us");
        assertEquals(ids.size(), chunks.size(), "one chunk per sentence");
        for (int sentence = 0; sentence < ids.size(); sentence++) {
            assertEquals(ids.get(sentence).size() * 3 * 256, chunks.get(sentence).length);
            assertEquals(PiperShapedModel.samples(ids.get(sentence).size(), 1), chunks.get(sentence).length);
        }
    }

    @Test
    void doubleSpeedRoundsOneAndAHalfFramesPerIdUpToTwo() throws Exception {
        List<float[]> chunks = speak(2);
        List<List<Integer>> ids = EspeakReference.phonemeIds(TEXT, "en-us");
        for (int sentence = 0; sentence < ids.size(); sentence++) {
            assertEquals(ids.get(sentence).size() * 2 * 256, chunks.get(sentence).length);
        }
    }

    @Test
    void samplesAreFiniteWithinTheUnitRangeAndNotSilent() throws Exception {
        for (float[] chunk : speak(1)) {
            double energy = 0;
            for (float sample : chunk) {
                assertTrue(Float.isFinite(sample) && sample >= -1 && sample <= 1, "sample " + sample);
                energy += sample * sample;
            }
            double rms = Math.sqrt(energy / chunk.length);
            assertTrue(rms > 0.01 && rms < 0.99, "RMS " + rms + ": neither silence nor a clipped square wave");
        }
    }

    private static List<float[]> speak(float speed) throws Exception {
        try (PiperVoice voice = PiperVoice.openSherpaLayout(layout)) {
            List<float[]> chunks = new ArrayList<>();
            voice.synthesize(TEXT, SynthesisOptions.defaults().withSpeed(speed), chunks::add);
            return chunks;
        }
    }
}
