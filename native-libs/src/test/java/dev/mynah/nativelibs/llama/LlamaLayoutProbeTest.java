package dev.mynah.nativelibs.llama;

import dev.mynah.nativelibs.GgmlLogRelay;
import dev.mynah.supply.PackageCache;
import dev.mynah.supply.SourceTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compiles a C program with gcc against the llama.h of the pinned llama.cpp source and checks that every
 * size, alignment, member offset and enum value the Java binding relies on matches the C compiler's.
 */
class LlamaLayoutProbeTest {
    private static final Map<String, StructLayout> STRUCTS = Map.of(
            "llama_model_params", LlamaLayouts.MODEL_PARAMS,
            "llama_context_params", LlamaLayouts.CONTEXT_PARAMS,
            "llama_batch", LlamaLayouts.BATCH,
            "llama_chat_message", LlamaLayouts.CHAT_MESSAGE,
            "llama_sampler_chain_params", LlamaLayouts.SAMPLER_CHAIN_PARAMS,
            "llama_token_data", LlamaLayouts.TOKEN_DATA,
            "llama_token_data_array", LlamaLayouts.TOKEN_DATA_ARRAY,
            "ggml_threadpool_params", LlamaLayouts.THREADPOOL_PARAMS);

    private static final Map<String, Integer> ENUMS = Map.of(
            "LLAMA_FLASH_ATTN_TYPE_AUTO", LlamaLayouts.FLASH_ATTN_AUTO,
            "LLAMA_FLASH_ATTN_TYPE_DISABLED", LlamaLayouts.FLASH_ATTN_DISABLED,
            "LLAMA_FLASH_ATTN_TYPE_ENABLED", LlamaLayouts.FLASH_ATTN_ENABLED,
            "LLAMA_POOLING_TYPE_MEAN", LlamaLayouts.POOLING_MEAN,
            "LLAMA_LOAD_MODE_AUTO", LlamaLayouts.LOAD_MODE_AUTO,
            "LLAMA_LOAD_MODE_NONE", LlamaLayouts.LOAD_MODE_NONE,
            "GGML_LOG_LEVEL_INFO", GgmlLogRelay.LEVEL_INFO,
            "GGML_LOG_LEVEL_WARN", GgmlLogRelay.LEVEL_WARN,
            "GGML_LOG_LEVEL_ERROR", GgmlLogRelay.LEVEL_ERROR,
            "GGML_LOG_LEVEL_CONT", GgmlLogRelay.LEVEL_CONT);

    @Test
    void javaLayoutsMatchTheCompiledHeaderExactly(@TempDir Path dir) throws Exception {
        Path source = SourceTree.LLAMA_CPP.resolve(PackageCache.forUser());
        Map<String, Long> expected = new LinkedHashMap<>();
        StringBuilder c = new StringBuilder("""
                #include <stdio.h>
                #include <stddef.h>
                #include <stdalign.h>
                #include "llama.h"
                int main(void) {
                """);
        STRUCTS.forEach((name, layout) -> {
            probe(c, expected, "sizeof " + name, "sizeof(struct " + name + ")", layout.byteSize());
            probe(c, expected, "alignof " + name, "alignof(struct " + name + ")", layout.byteAlignment());
            for (MemoryLayout member : layout.memberLayouts()) {
                member.name().ifPresent(field -> probe(c, expected, name + "." + field,
                        "offsetof(struct " + name + ", " + field + ")", LlamaLayouts.offset(layout, field)));
                member.name().ifPresent(field -> probe(c, expected, "sizeof " + name + "." + field,
                        "sizeof(((struct " + name + " *) 0)->" + field + ")", member.byteSize()));
            }
        });
        ENUMS.forEach((name, value) -> probe(c, expected, name, "(long) " + name, value));
        c.append("    return 0;\n}\n");

        Map<String, Long> actual = compileAndRun(dir, source, c.toString());

        assertEquals(expected.keySet(), actual.keySet());
        List<String> mismatches = new ArrayList<>();
        expected.forEach((key, value) -> {
            if (!value.equals(actual.get(key))) {
                mismatches.add(key + ": Java " + value + ", C " + actual.get(key));
            }
        });
        assertTrue(mismatches.isEmpty(), "layout mismatches: " + mismatches);
        // Sizes the engine guide states for this commit, as a cross-check of the probe itself.
        assertEquals(80L, actual.get("sizeof llama_model_params"));
        assertEquals(160L, actual.get("sizeof llama_context_params"));
        assertEquals(56L, actual.get("sizeof llama_batch"));
    }

    private static void probe(StringBuilder c, Map<String, Long> expected, String key, String expression,
                              long javaValue) {
        expected.put(key, javaValue);
        c.append("    printf(\"%s=%ld\\n\", \"").append(key).append("\", (long) (").append(expression).append("));\n");
    }

    private static Map<String, Long> compileAndRun(Path dir, Path source, String program)
            throws IOException, InterruptedException {
        Path file = dir.resolve("probe.c");
        Files.writeString(file, program);
        Path binary = dir.resolve("probe");
        run(dir, "gcc", "-std=c11", "-I", source.resolve("include").toString(),
                "-I", source.resolve("ggml/include").toString(), file.toString(), "-o", binary.toString());
        Map<String, Long> values = new LinkedHashMap<>();
        for (String line : run(dir, binary.toString()).lines().toList()) {
            int eq = line.lastIndexOf('=');
            values.put(line.substring(0, eq), Long.parseLong(line.substring(eq + 1)));
        }
        return values;
    }

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "timed out: " + String.join(" ", command));
        assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n" + output);
        return output;
    }
}
