package dev.mynah.nativelibs.whisper;

import dev.mynah.nativelibs.CLayoutProbe;
import dev.mynah.supply.PackageCache;
import dev.mynah.supply.SourceTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.foreign.StructLayout;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The whisper.cpp layouts against the whisper.h of the pinned 1.9.1 source, compiled by gcc. */
class WhisperLayoutProbeTest {
    private static final Map<String, StructLayout> STRUCTS = Map.of(
            "whisper_context_params", WhisperLayouts.CONTEXT_PARAMS,
            "whisper_full_params", WhisperLayouts.FULL_PARAMS,
            "whisper_token_data", WhisperLayouts.TOKEN_DATA,
            "whisper_timings", WhisperLayouts.TIMINGS);

    private static final Map<String, Integer> ENUMS = Map.of(
            "WHISPER_SAMPLING_GREEDY", WhisperLayouts.SAMPLING_GREEDY,
            "WHISPER_SAMPLING_BEAM_SEARCH", WhisperLayouts.SAMPLING_BEAM_SEARCH);

    @Test
    void javaLayoutsMatchTheCompiledHeaderExactly(@TempDir Path dir) throws Exception {
        Path source = SourceTree.WHISPER_CPP.resolve(PackageCache.forUser());

        Map<String, Long> actual = CLayoutProbe.assertMatches(dir, "whisper.h",
                List.of(source.resolve("include"), source.resolve("ggml/include")), STRUCTS, ENUMS);

        // Sizes the engine guide states for 1.9.1, as a cross-check of the probe itself.
        assertEquals(48L, actual.get("sizeof whisper_context_params"));
        assertEquals(304L, actual.get("sizeof whisper_full_params"));
        assertEquals(8L, actual.get("alignof whisper_full_params"));
    }
}
