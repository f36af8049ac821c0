package dev.mynah.nativelibs.onnx;

import dev.mynah.fixtures.onnx.AffineModel;
import dev.mynah.nativelibs.gguf.InvalidModelFileException;
import dev.mynah.nativelibs.sherpa.SherpaOnnxLibrary;
import dev.mynah.nativelibs.sherpa.SileroVadModel;
import dev.mynah.supply.PackageCache;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The FFM binding of onnxruntime's C API, checked by behaviour: no registry reachable from the build ships
 * {@code onnxruntime_c_api.h}. Loading, naming, running and reading results are checked here against plain
 * arithmetic; {@link OrtApiTableTest} covers the session settings whose effect a result cannot show.
 */
class OnnxSessionTest {
    private static final int IN = 5;
    private static final int OUT = 3;

    @TempDir
    static Path dir;
    private static AffineModel affine;
    private static Path affineFile;

    @BeforeAll
    static void writeModel() throws Exception {
        Random random = new Random(7);
        float[] weights = new float[IN * OUT];
        float[] bias = new float[OUT];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < bias.length; i++) {
            bias[i] = (float) random.nextGaussian();
        }
        affine = new AffineModel(IN, OUT, weights, bias);
        affineFile = dir.resolve("affine.onnx");
        affine.write(affineFile);
    }

    @Test
    void theRuntimeIsTheOnnxruntimeSherpaOnnxRunsOn() throws Exception {
        SherpaOnnxLibrary.load();
        assertEquals(SherpaOnnxLibrary.onnxruntimeVersion(), OnnxRuntime.load().version());
    }

    @Test
    void aSessionListsTheModelsInputsAndOutputsInOrder() throws Exception {
        try (OnnxSession session = OnnxSession.open(affineFile, 1)) {
            assertEquals(List.of("x"), session.inputNames());
            assertEquals(List.of("y", "y_shape"), session.outputNames());
        }
        try (OnnxSession silero = OnnxSession.open(SileroVadModel.fetch(PackageCache.forUser()), 1)) {
            assertEquals(List.of("input", "state", "sr"), silero.inputNames());
            assertEquals(List.of("output", "stateN"), silero.outputNames());
        }
    }

    @Test
    void runComputesWhatThePlainArithmeticDoes() throws Exception {
        int batch = 4;
        float[] x = new float[batch * IN];
        Random random = new Random(11);
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextFloat() * 2 - 1;
        }
        Map<String, Tensor> outputs;
        try (OnnxSession session = OnnxSession.open(affineFile, 2)) {
            outputs = session.run(Map.of("x", Tensor.floats(x, batch, IN)));
        }
        Tensor.Floats y = (Tensor.Floats) outputs.get("y");
        assertArrayEquals(new long[] {batch, OUT}, y.shape());
        for (int row = 0; row < batch; row++) {
            for (int col = 0; col < OUT; col++) {
                double expected = affine.bias()[col];
                for (int k = 0; k < IN; k++) {
                    expected += x[row * IN + k] * affine.weights()[k * OUT + col];
                }
                assertEquals(expected, y.data()[row * OUT + col], 1e-5, "y[" + row + "][" + col + "]");
            }
        }
        Tensor.Longs shape = (Tensor.Longs) outputs.get("y_shape");
        assertArrayEquals(new long[] {2}, shape.shape());
        assertArrayEquals(new long[] {batch, OUT}, shape.data());
    }

    @Test
    void anEmptyBatchGivesAnEmptyResult() throws Exception {
        try (OnnxSession session = OnnxSession.open(affineFile, 1)) {
            Map<String, Tensor> outputs = session.run(Map.of("x", Tensor.floats(new float[0], 0, IN)));
            assertArrayEquals(new long[] {0, OUT}, outputs.get("y").shape());
            assertArrayEquals(new long[] {0, OUT}, ((Tensor.Longs) outputs.get("y_shape")).data());
        }
    }

    @Test
    void aWronglyShapedInputIsRefusedWithOnnxruntimesReason() throws Exception {
        try (OnnxSession session = OnnxSession.open(affineFile, 1)) {
            OnnxRuntimeException refused = assertThrows(OnnxRuntimeException.class,
                    () -> session.run(Map.of("x", Tensor.floats(new float[2 * (IN + 1)], 2, IN + 1))));
            assertEquals(2, refused.errorCode(), "ORT_INVALID_ARGUMENT: " + refused.getMessage());
            assertTrue(refused.getMessage().contains("dimensions"), refused.getMessage());
            // The session is still usable.
            assertArrayEquals(new long[] {1, OUT}, session.run(Map.of("x", Tensor.floats(new float[IN], 1, IN)))
                    .get("y").shape());
        }
    }

    @Test
    void anInputOfTheWrongElementTypeIsRefused() throws Exception {
        try (OnnxSession session = OnnxSession.open(affineFile, 1)) {
            OnnxRuntimeException refused = assertThrows(OnnxRuntimeException.class,
                    () -> session.run(Map.of("x", Tensor.longs(new long[IN], 1, IN))));
            assertEquals(OnnxRuntimeException.INVALID_ARGUMENT, refused.errorCode(), refused.getMessage());
            assertTrue(refused.getMessage().contains("type"), refused.getMessage());
        }
    }

    @Test
    void missingOrUnknownInputsAreRefusedBeforeOnnxruntimeSeesThem() throws Exception {
        try (OnnxSession session = OnnxSession.open(affineFile, 1)) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> session.run(Map.of("z", Tensor.floats(new float[IN], 1, IN))));
            assertTrue(refused.getMessage().contains("[x]"), refused.getMessage());
        }
    }

    @Test
    void corruptAndTruncatedModelsAreRefusedWithAReasonAndNothingElseBreaks() throws Exception {
        Path garbage = dir.resolve("garbage.onnx");
        byte[] noise = new byte[4096];
        new Random(3).nextBytes(noise);
        Files.write(garbage, noise);
        Path truncated = dir.resolve("truncated.onnx");
        byte[] whole = Files.readAllBytes(affineFile);
        Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
        for (Path bad : List.of(garbage, truncated, dir.resolve("absent.onnx"))) {
            InvalidModelFileException refused = assertThrows(InvalidModelFileException.class,
                    () -> OnnxSession.open(bad, 1));
            assertTrue(refused.getMessage().contains(bad.toString()), refused.getMessage());
        }
        InvalidModelFileException garbageRefused = assertThrows(InvalidModelFileException.class,
                () -> OnnxSession.open(garbage, 1));
        assertTrue(garbageRefused.getMessage().contains("onnxruntime cannot load it"), garbageRefused.getMessage());
        assertTrue(garbageRefused.getMessage().contains("download it again"), garbageRefused.getMessage());
        try (OnnxSession session = OnnxSession.open(affineFile, 1)) {
            assertEquals(List.of("x"), session.inputNames());
        }
    }

    @Test
    void aModelHeldInMemoryRunsAsTheSameFileDoes() throws Exception {
        float[] x = {0.5f, -1, 2, 0.25f, 3};
        try (OnnxSession fromFile = OnnxSession.open(affineFile, 1);
             OnnxSession fromMemory = OnnxSession.open(Files.readAllBytes(affineFile), "affine", 1)) {
            assertEquals(fromFile.inputNames(), fromMemory.inputNames());
            assertArrayEquals(((Tensor.Floats) fromFile.run(Map.of("x", Tensor.floats(x, 1, IN))).get("y")).data(),
                    ((Tensor.Floats) fromMemory.run(Map.of("x", Tensor.floats(x, 1, IN))).get("y")).data());
        }
        byte[] noise = new byte[1000];
        new Random(5).nextBytes(noise);
        OnnxRuntimeException refused = assertThrows(OnnxRuntimeException.class,
                () -> OnnxSession.open(noise, "noise", 1));
        assertTrue(refused.getMessage().contains("load noise"), refused.getMessage());
    }

    @Test
    void aClosedSessionSaysSo() throws Exception {
        OnnxSession session = OnnxSession.open(affineFile, 1);
        session.close();
        session.close();
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> session.run(Map.of("x", Tensor.floats(new float[IN], 1, IN))));
        assertTrue(refused.getMessage().contains("closed"), refused.getMessage());
    }

    @Test
    void tensorsCheckTheirShapeAgainstTheirData() {
        assertThrows(IllegalArgumentException.class, () -> Tensor.floats(new float[5], 2, 3));
        assertThrows(IllegalArgumentException.class, () -> Tensor.longs(new long[2], -1, -2));
    }
}
