package dev.mynah.nativelibs.whisper;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Hand-written layouts of the whisper.h structs Mynah uses. Member names are the C field names;
 * {@code WhisperLayoutProbeTest} compiles a C probe against the pinned whisper.h and checks every one.
 */
final class WhisperLayouts {
    private WhisperLayouts() {
    }

    static final AddressLayout C_POINTER = ADDRESS;

    static final StructLayout AHEADS = MemoryLayout.structLayout(
            JAVA_LONG.withName("n_heads"),
            C_POINTER.withName("heads")).withName("whisper_aheads");

    static final StructLayout CONTEXT_PARAMS = MemoryLayout.structLayout(
            JAVA_BOOLEAN.withName("use_gpu"),
            JAVA_BOOLEAN.withName("flash_attn"),
            MemoryLayout.paddingLayout(2),
            JAVA_INT.withName("gpu_device"),
            JAVA_BOOLEAN.withName("dtw_token_timestamps"),
            MemoryLayout.paddingLayout(3),
            JAVA_INT.withName("dtw_aheads_preset"),
            JAVA_INT.withName("dtw_n_top"),
            MemoryLayout.paddingLayout(4),
            AHEADS.withName("dtw_aheads"),
            JAVA_LONG.withName("dtw_mem_size")).withName("whisper_context_params");

    static final StructLayout GREEDY = MemoryLayout.structLayout(
            JAVA_INT.withName("best_of"));

    static final StructLayout BEAM_SEARCH = MemoryLayout.structLayout(
            JAVA_INT.withName("beam_size"),
            JAVA_FLOAT.withName("patience"));

    static final StructLayout VAD_PARAMS = MemoryLayout.structLayout(
            JAVA_FLOAT.withName("threshold"),
            JAVA_INT.withName("min_speech_duration_ms"),
            JAVA_INT.withName("min_silence_duration_ms"),
            JAVA_FLOAT.withName("max_speech_duration_s"),
            JAVA_INT.withName("speech_pad_ms"),
            JAVA_FLOAT.withName("samples_overlap")).withName("whisper_vad_params");

    static final StructLayout FULL_PARAMS = MemoryLayout.structLayout(
            JAVA_INT.withName("strategy"),
            JAVA_INT.withName("n_threads"),
            JAVA_INT.withName("n_max_text_ctx"),
            JAVA_INT.withName("offset_ms"),
            JAVA_INT.withName("duration_ms"),
            JAVA_BOOLEAN.withName("translate"),
            JAVA_BOOLEAN.withName("no_context"),
            JAVA_BOOLEAN.withName("no_timestamps"),
            JAVA_BOOLEAN.withName("single_segment"),
            JAVA_BOOLEAN.withName("print_special"),
            JAVA_BOOLEAN.withName("print_progress"),
            JAVA_BOOLEAN.withName("print_realtime"),
            JAVA_BOOLEAN.withName("print_timestamps"),
            JAVA_BOOLEAN.withName("token_timestamps"),
            MemoryLayout.paddingLayout(3),
            JAVA_FLOAT.withName("thold_pt"),
            JAVA_FLOAT.withName("thold_ptsum"),
            JAVA_INT.withName("max_len"),
            JAVA_BOOLEAN.withName("split_on_word"),
            MemoryLayout.paddingLayout(3),
            JAVA_INT.withName("max_tokens"),
            JAVA_BOOLEAN.withName("debug_mode"),
            MemoryLayout.paddingLayout(3),
            JAVA_INT.withName("audio_ctx"),
            JAVA_BOOLEAN.withName("tdrz_enable"),
            MemoryLayout.paddingLayout(3),
            C_POINTER.withName("suppress_regex"),
            C_POINTER.withName("initial_prompt"),
            JAVA_BOOLEAN.withName("carry_initial_prompt"),
            MemoryLayout.paddingLayout(7),
            C_POINTER.withName("prompt_tokens"),
            JAVA_INT.withName("prompt_n_tokens"),
            MemoryLayout.paddingLayout(4),
            C_POINTER.withName("language"),
            JAVA_BOOLEAN.withName("detect_language"),
            JAVA_BOOLEAN.withName("suppress_blank"),
            JAVA_BOOLEAN.withName("suppress_nst"),
            MemoryLayout.paddingLayout(1),
            JAVA_FLOAT.withName("temperature"),
            JAVA_FLOAT.withName("max_initial_ts"),
            JAVA_FLOAT.withName("length_penalty"),
            JAVA_FLOAT.withName("temperature_inc"),
            JAVA_FLOAT.withName("entropy_thold"),
            JAVA_FLOAT.withName("logprob_thold"),
            JAVA_FLOAT.withName("no_speech_thold"),
            GREEDY.withName("greedy"),
            BEAM_SEARCH.withName("beam_search"),
            MemoryLayout.paddingLayout(4),
            C_POINTER.withName("new_segment_callback"),
            C_POINTER.withName("new_segment_callback_user_data"),
            C_POINTER.withName("progress_callback"),
            C_POINTER.withName("progress_callback_user_data"),
            C_POINTER.withName("encoder_begin_callback"),
            C_POINTER.withName("encoder_begin_callback_user_data"),
            C_POINTER.withName("abort_callback"),
            C_POINTER.withName("abort_callback_user_data"),
            C_POINTER.withName("logits_filter_callback"),
            C_POINTER.withName("logits_filter_callback_user_data"),
            C_POINTER.withName("grammar_rules"),
            JAVA_LONG.withName("n_grammar_rules"),
            JAVA_LONG.withName("i_start_rule"),
            JAVA_FLOAT.withName("grammar_penalty"),
            JAVA_BOOLEAN.withName("vad"),
            MemoryLayout.paddingLayout(3),
            C_POINTER.withName("vad_model_path"),
            VAD_PARAMS.withName("vad_params")).withName("whisper_full_params");

    static final StructLayout TOKEN_DATA = MemoryLayout.structLayout(
            JAVA_INT.withName("id"),
            JAVA_INT.withName("tid"),
            JAVA_FLOAT.withName("p"),
            JAVA_FLOAT.withName("plog"),
            JAVA_FLOAT.withName("pt"),
            JAVA_FLOAT.withName("ptsum"),
            JAVA_LONG.withName("t0"),
            JAVA_LONG.withName("t1"),
            JAVA_LONG.withName("t_dtw"),
            JAVA_FLOAT.withName("vlen"),
            MemoryLayout.paddingLayout(4)).withName("whisper_token_data");

    static final StructLayout TIMINGS = MemoryLayout.structLayout(
            JAVA_FLOAT.withName("sample_ms"),
            JAVA_FLOAT.withName("encode_ms"),
            JAVA_FLOAT.withName("decode_ms"),
            JAVA_FLOAT.withName("batchd_ms"),
            JAVA_FLOAT.withName("prompt_ms")).withName("whisper_timings");

    // enum whisper_sampling_strategy
    static final int SAMPLING_GREEDY = 0;
    static final int SAMPLING_BEAM_SEARCH = 1;

    /** Byte offset of a member given by its path, e.g. {@code offset(FULL_PARAMS, "greedy", "best_of")}. */
    static long offset(StructLayout layout, String... path) {
        MemoryLayout.PathElement[] elements = new MemoryLayout.PathElement[path.length];
        for (int i = 0; i < path.length; i++) {
            elements[i] = MemoryLayout.PathElement.groupElement(path[i]);
        }
        return layout.byteOffset(elements);
    }
}
