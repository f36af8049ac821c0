package dev.mynah.nativelibs.llama;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Hand-written layouts of the llama.h structs and enum values Mynah uses. Member names are the C field
 * names; {@code LlamaLayoutProbeTest} compiles a C probe against the pinned llama.h and checks every one.
 */
final class LlamaLayouts {
    private LlamaLayouts() {
    }

    static final AddressLayout C_POINTER = ADDRESS;

    static final StructLayout MODEL_PARAMS = MemoryLayout.structLayout(
            C_POINTER.withName("devices"),
            C_POINTER.withName("tensor_buft_overrides"),
            JAVA_INT.withName("n_gpu_layers"),
            JAVA_INT.withName("split_mode"),
            JAVA_INT.withName("load_mode"),
            JAVA_INT.withName("lazy_mode"),
            JAVA_INT.withName("main_gpu"),
            MemoryLayout.paddingLayout(4),
            C_POINTER.withName("tensor_split"),
            C_POINTER.withName("progress_callback"),
            C_POINTER.withName("progress_callback_user_data"),
            C_POINTER.withName("kv_overrides"),
            JAVA_BOOLEAN.withName("vocab_only"),
            JAVA_BOOLEAN.withName("check_tensors"),
            JAVA_BOOLEAN.withName("use_extra_bufts"),
            JAVA_BOOLEAN.withName("no_host"),
            JAVA_BOOLEAN.withName("no_alloc"),
            JAVA_BOOLEAN.withName("load_mtp"),
            MemoryLayout.paddingLayout(2)).withName("llama_model_params");

    static final StructLayout CONTEXT_PARAMS = MemoryLayout.structLayout(
            JAVA_INT.withName("n_ctx"),
            JAVA_INT.withName("n_batch"),
            JAVA_INT.withName("n_ubatch"),
            JAVA_INT.withName("n_seq_max"),
            JAVA_INT.withName("n_rs_seq"),
            JAVA_INT.withName("n_outputs_max"),
            JAVA_INT.withName("n_outputs_max_per_seq"),
            JAVA_INT.withName("n_threads"),
            JAVA_INT.withName("n_threads_batch"),
            JAVA_INT.withName("ctx_type"),
            JAVA_INT.withName("rope_scaling_type"),
            JAVA_INT.withName("pooling_type"),
            JAVA_INT.withName("attention_type"),
            JAVA_INT.withName("flash_attn_type"),
            JAVA_FLOAT.withName("rope_freq_base"),
            JAVA_FLOAT.withName("rope_freq_scale"),
            JAVA_FLOAT.withName("yarn_ext_factor"),
            JAVA_FLOAT.withName("yarn_attn_factor"),
            JAVA_FLOAT.withName("yarn_beta_fast"),
            JAVA_FLOAT.withName("yarn_beta_slow"),
            JAVA_INT.withName("yarn_orig_ctx"),
            JAVA_FLOAT.withName("defrag_thold"),
            C_POINTER.withName("cb_eval"),
            C_POINTER.withName("cb_eval_user_data"),
            JAVA_INT.withName("type_k"),
            JAVA_INT.withName("type_v"),
            C_POINTER.withName("abort_callback"),
            C_POINTER.withName("abort_callback_data"),
            JAVA_BOOLEAN.withName("embeddings"),
            JAVA_BOOLEAN.withName("offload_kqv"),
            JAVA_BOOLEAN.withName("no_perf"),
            JAVA_BOOLEAN.withName("op_offload"),
            JAVA_BOOLEAN.withName("swa_full"),
            JAVA_BOOLEAN.withName("kv_unified"),
            MemoryLayout.paddingLayout(2),
            C_POINTER.withName("samplers"),
            JAVA_LONG.withName("n_samplers"),
            C_POINTER.withName("ctx_other")).withName("llama_context_params");

    static final StructLayout BATCH = MemoryLayout.structLayout(
            JAVA_INT.withName("n_tokens"),
            MemoryLayout.paddingLayout(4),
            C_POINTER.withName("token"),
            C_POINTER.withName("embd"),
            C_POINTER.withName("pos"),
            C_POINTER.withName("n_seq_id"),
            C_POINTER.withName("seq_id"),
            C_POINTER.withName("logits")).withName("llama_batch");

    static final StructLayout CHAT_MESSAGE = MemoryLayout.structLayout(
            C_POINTER.withName("role"),
            C_POINTER.withName("content")).withName("llama_chat_message");

    static final StructLayout TOKEN_DATA = MemoryLayout.structLayout(
            JAVA_INT.withName("id"),
            JAVA_FLOAT.withName("logit"),
            JAVA_FLOAT.withName("p")).withName("llama_token_data");

    static final StructLayout TOKEN_DATA_ARRAY = MemoryLayout.structLayout(
            C_POINTER.withName("data"),
            JAVA_LONG.withName("size"),
            JAVA_LONG.withName("selected"),
            JAVA_BOOLEAN.withName("sorted"),
            MemoryLayout.paddingLayout(7)).withName("llama_token_data_array");

    static final StructLayout SAMPLER_CHAIN_PARAMS = MemoryLayout.structLayout(
            JAVA_BOOLEAN.withName("no_perf")).withName("llama_sampler_chain_params");

    static final StructLayout THREADPOOL_PARAMS = MemoryLayout.structLayout(
            MemoryLayout.sequenceLayout(512, JAVA_BOOLEAN).withName("cpumask"),
            JAVA_INT.withName("n_threads"),
            JAVA_INT.withName("prio"),
            JAVA_INT.withName("poll"),
            JAVA_BOOLEAN.withName("strict_cpu"),
            JAVA_BOOLEAN.withName("paused"),
            MemoryLayout.paddingLayout(2)).withName("ggml_threadpool_params");

    // enum llama_flash_attn_type / llama_pooling_type / llama_load_mode values used from Java.
    static final int FLASH_ATTN_AUTO = -1;
    static final int FLASH_ATTN_DISABLED = 0;
    static final int FLASH_ATTN_ENABLED = 1;
    static final int POOLING_MEAN = 1;
    static final int LOAD_MODE_AUTO = -1; // memory-map where every device supports it
    static final int LOAD_MODE_NONE = 0;

    /** Byte offset of a named member. */
    static long offset(StructLayout layout, String field) {
        return layout.byteOffset(MemoryLayout.PathElement.groupElement(field));
    }
}
