package dev.mynah.nativelibs.llama;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Closing models, contexts and generations releases their native memory. */
class NativeMemoryTest {
    private static final int CYCLES = 200;

    @Test
    void twoHundredLoadGenerateCloseCyclesDoNotGrowResidentMemory() throws Exception {
        Path file = TinyModels.qwen3();
        long warm = 0;
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            try (LlamaModel model = LlamaModel.load(file);
                 LlamaContext context = model.newContext(ContextOptions.chat(256).withThreads(2));
                 TokenStream stream = context.generate(model.tokenize("Hello there", false, false),
                         GenerationOptions.of(4, Sampling.seeded(cycle)))) {
                assertEquals(4, stream.drainTo(p -> { }).generatedTokens());
            }
            if (cycle == 20) {
                warm = residentBytes();
            }
        }
        long growth = residentBytes() - warm;
        assertTrue(growth < 48L << 20, "resident memory grew by " + (growth >> 20) + " MiB over "
                + (CYCLES - 20) + " cycles");
    }

    /** The process's resident set size, from the OS (Linux /proc, otherwise ps). */
    private static long residentBytes() throws IOException, InterruptedException {
        System.gc();
        Path status = Path.of("/proc/self/status");
        if (Files.isReadable(status)) {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
                }
            }
        }
        long pid = ManagementFactory.getRuntimeMXBean().getPid();
        Process ps = new ProcessBuilder("ps", "-o", "rss=", "-p", Long.toString(pid)).start();
        String out = new String(ps.getInputStream().readAllBytes()).strip();
        ps.waitFor();
        return Long.parseLong(out) * 1024;
    }
}
