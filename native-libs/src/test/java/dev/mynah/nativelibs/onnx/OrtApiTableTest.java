package dev.mynah.nativelibs.onnx;

import dev.mynah.fixtures.onnx.AffineModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Function-table members whose effect {@link OnnxSessionTest} cannot see in a model's results, each called so
 * that only the intended function gives the observed answer: a neighbouring member of the same C type would
 * answer differently.
 */
class OrtApiTableTest {

    @Test
    void theOptimisationLevelSetterRejectsALevelThatDoesNotExist() throws Throwable {
        OnnxRuntime runtime = OnnxRuntime.load();
        withSessionOptions(runtime, options -> {
            OnnxRuntimeException refused = assertThrows(OnnxRuntimeException.class, () -> runtime.check(
                    (MemorySegment) runtime.api.setSessionGraphOptimizationLevel.invokeExact(options, 5), "optimise"));
            assertEquals(OnnxRuntimeException.INVALID_ARGUMENT, refused.errorCode());
            assertTrue(refused.onnxruntimeMessage().contains("graph_optimization_level"), refused.getMessage());
            runtime.check((MemorySegment) runtime.api.setSessionGraphOptimizationLevel.invokeExact(options,
                    OrtApiTable.OPTIMIZE_ALL), "optimise");
        });
    }

    /** SetIntraOpNumThreads starts that many threads less the caller's, and ReleaseSession stops them. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void aSessionStartsItsIntraOpThreadsAndClosingStopsThem(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("affine.onnx");
        new AffineModel(2, 2, new float[4], new float[2]).write(model);
        OnnxRuntime.load();
        long before = threadCount();
        try (OnnxSession session = OnnxSession.open(model, 4)) {
            assertEquals(before + 3, threadCount(), "4 intra-op threads: the caller's and 3 workers");
        }
        assertEquals(before, threadCount());
        try (OnnxSession session = OnnxSession.open(model, 1)) {
            assertEquals(before, threadCount(), "1 intra-op thread: the caller's alone");
        }
    }

    private interface OptionsUse {
        void accept(MemorySegment options) throws Throwable;
    }

    private static void withSessionOptions(OnnxRuntime runtime, OptionsUse use) throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ADDRESS);
            runtime.check((MemorySegment) runtime.api.createSessionOptions.invokeExact(out), "create options");
            MemorySegment options = out.get(ADDRESS, 0);
            try {
                use.accept(options);
            } finally {
                OnnxRuntime.release(runtime.api.releaseSessionOptions, options);
            }
        }
    }

    private static long threadCount() throws Exception {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.count();
        }
    }
}
