package dev.mynah.nativelibs.sherpa;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * Hand-written layouts of the VAD structs in sherpa-onnx's c-api.h (v1.13.x); member names are the C field
 * names, padding is spelled out where the C compiler inserts it.
 */
final class SherpaVadLayouts {
    private SherpaVadLayouts() {
    }

    /** SherpaOnnxSileroVadModelConfig and SherpaOnnxTenVadModelConfig share these members. */
    private static StructLayout vadModelConfig(String name) {
        return MemoryLayout.structLayout(
                ADDRESS.withName("model"),
                JAVA_FLOAT.withName("threshold"),
                JAVA_FLOAT.withName("min_silence_duration"),
                JAVA_FLOAT.withName("min_speech_duration"),
                JAVA_INT.withName("window_size"),
                JAVA_FLOAT.withName("max_speech_duration"),
                MemoryLayout.paddingLayout(4)).withName(name);
    }

    static final StructLayout SILERO_VAD_MODEL_CONFIG = vadModelConfig("SherpaOnnxSileroVadModelConfig");
    static final StructLayout TEN_VAD_MODEL_CONFIG = vadModelConfig("SherpaOnnxTenVadModelConfig");

    static final StructLayout VAD_MODEL_CONFIG = MemoryLayout.structLayout(
            SILERO_VAD_MODEL_CONFIG.withName("silero_vad"),
            JAVA_INT.withName("sample_rate"),
            JAVA_INT.withName("num_threads"),
            ADDRESS.withName("provider"),
            JAVA_INT.withName("debug"),
            MemoryLayout.paddingLayout(4),
            TEN_VAD_MODEL_CONFIG.withName("ten_vad")).withName("SherpaOnnxVadModelConfig");

    static final StructLayout SPEECH_SEGMENT = MemoryLayout.structLayout(
            JAVA_INT.withName("start"),
            MemoryLayout.paddingLayout(4),
            ADDRESS.withName("samples"),
            JAVA_INT.withName("n"),
            MemoryLayout.paddingLayout(4)).withName("SherpaOnnxSpeechSegment");

    static long sileroOffset(String member) {
        return VAD_MODEL_CONFIG.byteOffset(groupElement("silero_vad"), groupElement(member));
    }

    static long offset(StructLayout struct, String member) {
        return struct.byteOffset(groupElement(member));
    }
}
