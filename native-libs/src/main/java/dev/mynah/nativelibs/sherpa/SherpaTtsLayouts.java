package dev.mynah.nativelibs.sherpa;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * Hand-written layouts of the offline TTS structs in sherpa-onnx's c-api.h (v1.13.x); member names are the C
 * field names, padding is spelled out where the C compiler inserts it. Only VITS is filled in, but every model
 * kind must be present: the members after them are read at offsets past all of them.
 */
final class SherpaTtsLayouts {
    private SherpaTtsLayouts() {
    }

    static final StructLayout VITS_MODEL_CONFIG = MemoryLayout.structLayout(
            ADDRESS.withName("model"),
            ADDRESS.withName("lexicon"),
            ADDRESS.withName("tokens"),
            ADDRESS.withName("data_dir"),
            JAVA_FLOAT.withName("noise_scale"),
            JAVA_FLOAT.withName("noise_scale_w"),
            JAVA_FLOAT.withName("length_scale"),
            MemoryLayout.paddingLayout(4),
            ADDRESS.withName("dict_dir")).withName("SherpaOnnxOfflineTtsVitsModelConfig");

    static final StructLayout MATCHA_MODEL_CONFIG = MemoryLayout.structLayout(
            ADDRESS.withName("acoustic_model"),
            ADDRESS.withName("vocoder"),
            ADDRESS.withName("lexicon"),
            ADDRESS.withName("tokens"),
            ADDRESS.withName("data_dir"),
            JAVA_FLOAT.withName("noise_scale"),
            JAVA_FLOAT.withName("length_scale"),
            ADDRESS.withName("dict_dir")).withName("SherpaOnnxOfflineTtsMatchaModelConfig");

    static final StructLayout KOKORO_MODEL_CONFIG = MemoryLayout.structLayout(
            ADDRESS.withName("model"),
            ADDRESS.withName("voices"),
            ADDRESS.withName("tokens"),
            ADDRESS.withName("data_dir"),
            JAVA_FLOAT.withName("length_scale"),
            MemoryLayout.paddingLayout(4),
            ADDRESS.withName("dict_dir"),
            ADDRESS.withName("lexicon"),
            ADDRESS.withName("lang")).withName("SherpaOnnxOfflineTtsKokoroModelConfig");

    static final StructLayout KITTEN_MODEL_CONFIG = MemoryLayout.structLayout(
            ADDRESS.withName("model"),
            ADDRESS.withName("voices"),
            ADDRESS.withName("tokens"),
            ADDRESS.withName("data_dir"),
            JAVA_FLOAT.withName("length_scale"),
            MemoryLayout.paddingLayout(4)).withName("SherpaOnnxOfflineTtsKittenModelConfig");

    static final StructLayout ZIPVOICE_MODEL_CONFIG = MemoryLayout.structLayout(
            ADDRESS.withName("tokens"),
            ADDRESS.withName("encoder"),
            ADDRESS.withName("decoder"),
            ADDRESS.withName("vocoder"),
            ADDRESS.withName("data_dir"),
            ADDRESS.withName("lexicon"),
            JAVA_FLOAT.withName("feat_scale"),
            JAVA_FLOAT.withName("t_shift"),
            JAVA_FLOAT.withName("target_rms"),
            JAVA_FLOAT.withName("guidance_scale")).withName("SherpaOnnxOfflineTtsZipvoiceModelConfig");

    static final StructLayout POCKET_MODEL_CONFIG = MemoryLayout.structLayout(
            ADDRESS.withName("lm_flow"),
            ADDRESS.withName("lm_main"),
            ADDRESS.withName("encoder"),
            ADDRESS.withName("decoder"),
            ADDRESS.withName("text_conditioner"),
            ADDRESS.withName("vocab_json"),
            ADDRESS.withName("token_scores_json"),
            JAVA_INT.withName("voice_embedding_cache_capacity"),
            MemoryLayout.paddingLayout(4)).withName("SherpaOnnxOfflineTtsPocketModelConfig");

    static final StructLayout SUPERTONIC_MODEL_CONFIG = MemoryLayout.structLayout(
            ADDRESS.withName("duration_predictor"),
            ADDRESS.withName("text_encoder"),
            ADDRESS.withName("vector_estimator"),
            ADDRESS.withName("vocoder"),
            ADDRESS.withName("tts_json"),
            ADDRESS.withName("unicode_indexer"),
            ADDRESS.withName("voice_style")).withName("SherpaOnnxOfflineTtsSupertonicModelConfig");

    static final StructLayout TTS_MODEL_CONFIG = MemoryLayout.structLayout(
            VITS_MODEL_CONFIG.withName("vits"),
            JAVA_INT.withName("num_threads"),
            JAVA_INT.withName("debug"),
            ADDRESS.withName("provider"),
            MATCHA_MODEL_CONFIG.withName("matcha"),
            KOKORO_MODEL_CONFIG.withName("kokoro"),
            KITTEN_MODEL_CONFIG.withName("kitten"),
            ZIPVOICE_MODEL_CONFIG.withName("zipvoice"),
            POCKET_MODEL_CONFIG.withName("pocket"),
            SUPERTONIC_MODEL_CONFIG.withName("supertonic")).withName("SherpaOnnxOfflineTtsModelConfig");

    static final StructLayout TTS_CONFIG = MemoryLayout.structLayout(
            TTS_MODEL_CONFIG.withName("model"),
            ADDRESS.withName("rule_fsts"),
            JAVA_INT.withName("max_num_sentences"),
            MemoryLayout.paddingLayout(4),
            ADDRESS.withName("rule_fars"),
            JAVA_FLOAT.withName("silence_scale"),
            MemoryLayout.paddingLayout(4)).withName("SherpaOnnxOfflineTtsConfig");

    static long vitsOffset(String member) {
        return TTS_CONFIG.byteOffset(groupElement("model"), groupElement("vits"), groupElement(member));
    }

    static long modelOffset(String member) {
        return TTS_CONFIG.byteOffset(groupElement("model"), groupElement(member));
    }

    static long offset(StructLayout struct, String member) {
        return struct.byteOffset(groupElement(member));
    }
}
