package dev.mynah.nativelibs.llama;

import dev.mynah.fixtures.gguf.GgmlType;
import dev.mynah.fixtures.qwen3.Qwen3ModelSpec;
import dev.mynah.fixtures.qwen3.Qwen3ModelWriter;
import dev.mynah.fixtures.qwen3.Qwen3Tokenizer;
import dev.mynah.supply.PackageCache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The project-made test models, generated once per test JVM into the build directory. */
public final class TinyModels {
    static final long SEED = 20261124L;

    private static Qwen3Tokenizer tokenizer;
    private static Path qwen3;

    private TinyModels() {
    }

    public static synchronized Qwen3Tokenizer tokenizer() {
        if (tokenizer == null) {
            try {
                tokenizer = Qwen3Tokenizer.fromPackage(PackageCache.forUser());
            } catch (Exception e) {
                throw new IllegalStateException("could not load the Qwen3 tokenizer package", e);
            }
        }
        return tokenizer;
    }

    /** A 2-layer, 64-wide Qwen3 with the real tokenizer and random F32 weights. */
    public static synchronized Path qwen3() {
        if (qwen3 == null) {
            qwen3 = write("tiny-qwen3-f32.gguf", Qwen3ModelSpec.tiny(), GgmlType.F32);
        }
        return qwen3;
    }

    static Path write(String fileName, Qwen3ModelSpec spec, GgmlType type) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "fixtures"));
            Path file = dir.resolve(fileName);
            Qwen3ModelWriter.write(file, spec, tokenizer(), type, SEED);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
