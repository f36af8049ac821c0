package dev.mynah.nativelibs.llama;

import dev.mynah.nativelibs.CLayoutProbe;
import dev.mynah.nativelibs.GgmlLogRelay;
import dev.mynah.supply.PackageCache;
import dev.mynah.supply.SourceTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.foreign.StructLayout;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The llama.cpp layouts and enum values against the llama.h of the pinned source, compiled by gcc. */
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

        Map<String, Long> actual = CLayoutProbe.assertMatches(dir, "llama.h",
                List.of(source.resolve("include"), source.resolve("ggml/include")), STRUCTS, ENUMS);

        // Sizes the engine guide states for this commit, as a cross-check of the probe itself.
        assertEquals(80L, actual.get("sizeof llama_model_params"));
        assertEquals(160L, actual.get("sizeof llama_context_params"));
        assertEquals(56L, actual.get("sizeof llama_batch"));
    }
}
