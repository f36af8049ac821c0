package dev.mynah.nativelibs.llama;

import dev.mynah.fixtures.qwen3.Qwen3Tokenizer;
import dev.mynah.fixtures.qwen3.TinyQwen3;

import java.nio.file.Path;

/** The project-made test models, generated once per test JVM into the build directory. */
public final class TinyModels {
    private TinyModels() {
    }

    public static Qwen3Tokenizer tokenizer() {
        return TinyQwen3.tokenizer();
    }

    /** A 2-layer, 64-wide Qwen3 with the real tokenizer and random F32 weights. */
    public static Path qwen3() {
        return TinyQwen3.model();
    }
}
