package dev.mynah.nativelibs.llama;

import dev.mynah.fixtures.gguf.GgufValue;
import dev.mynah.fixtures.gguf.GgufWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bad model file gets a clear Java exception, and llama.cpp (which aborts on bad input) never dies. */
class BadModelFileTest {
    @TempDir
    static Path dir;

    private static String loadFailure(Path file) {
        return assertThrows(ModelLoadException.class, () -> LlamaModel.load(file)).getMessage();
    }

    @Test
    void missingFile() {
        assertTrue(loadFailure(dir.resolve("nope.gguf")).contains("does not exist"));
    }

    @Test
    void directory() {
        assertTrue(loadFailure(dir).contains("is a directory"));
    }

    @Test
    void notAGgufFile() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.gguf"), "These are my notes, not a model. ".repeat(10));
        assertTrue(loadFailure(text).contains("not a GGUF model file"));
    }

    @Test
    void emptyFile() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.gguf"));
        assertTrue(loadFailure(empty).contains("too small"));
    }

    @Test
    void truncatedInTheMetadata() throws IOException {
        Path cut = copyPrefix(TinyModels.qwen3(), dir.resolve("cut-header.gguf"), 4096);
        assertTrue(loadFailure(cut).contains("truncated"), loadFailure(cut));
    }

    @Test
    void truncatedInTheTensorData() throws IOException {
        Path model = TinyModels.qwen3();
        Path cut = copyPrefix(model, dir.resolve("cut-data.gguf"), Files.size(model) - 1);
        String message = loadFailure(cut);
        assertTrue(message.contains("truncated") && message.contains("download again"), message);
    }

    @Test
    void absurdHeaderCounts() throws IOException {
        Path file = dir.resolve("huge-count.gguf");
        Files.copy(TinyModels.qwen3(), file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, Long.MAX_VALUE), 8);
        }
        assertTrue(loadFailure(file).contains("tensor count"));
    }

    @Test
    void architectureLlamaCppDoesNotKnow() throws IOException {
        Path file = dir.resolve("alien.gguf");
        new GgufWriter().put("general.architecture", new GgufValue.Str("alien-net")).write(file);
        String message = loadFailure(file);
        assertTrue(message.contains("\"alien-net\"") && message.contains("not one llama.cpp can run"), message);
    }

    @Test
    void knownArchitectureWithoutItsTensorsIsRefusedByLlamaCppWithoutAborting() throws IOException {
        Path file = dir.resolve("hollow.gguf");
        new GgufWriter().put("general.architecture", new GgufValue.Str("qwen3")).write(file);
        assertTrue(loadFailure(file).contains("llama.cpp could not load"));
    }

    @AfterAll
    static void theEngineStillWorksAfterEveryRefusal() throws Exception {
        try (LlamaModel model = LlamaModel.load(TinyModels.qwen3())) {
            assertEquals("qwen3", model.info().architecture());
        }
    }

    private static Path copyPrefix(Path source, Path target, long length) throws IOException {
        try (FileChannel in = FileChannel.open(source); FileChannel out = FileChannel.open(target,
                StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            in.transferTo(0, length, out);
        }
        return target;
    }
}
