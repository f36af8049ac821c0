package dev.mynah.nativelibs.llama;

import dev.mynah.nativelibs.CInterop;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;

import static dev.mynah.nativelibs.llama.LlamaLayouts.BATCH;
import static dev.mynah.nativelibs.llama.LlamaLayouts.CONTEXT_PARAMS;
import static dev.mynah.nativelibs.llama.LlamaLayouts.C_POINTER;
import static dev.mynah.nativelibs.llama.LlamaLayouts.MODEL_PARAMS;
import static dev.mynah.nativelibs.llama.LlamaLayouts.SAMPLER_CHAIN_PARAMS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The hand-written binding to llama.h: struct layouts and one downcall handle per C function used.
 * Only this class and {@link LlamaLayouts} touch llama.cpp's ABI.
 * The library must be loaded by {@link LlamaLibrary} before this class initialises.
 */
@SuppressWarnings("restricted")
final class LlamaNative {
    private LlamaNative() {
    }

    static final FunctionDescriptor PROGRESS_CALLBACK = FunctionDescriptor.of(JAVA_BOOLEAN, JAVA_FLOAT, C_POINTER);
    static final FunctionDescriptor ABORT_CALLBACK = FunctionDescriptor.of(JAVA_BOOLEAN, C_POINTER);

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LLAMA = LlamaLibrary.symbols();
    private static final SymbolLookup GGML = LlamaLibrary.ggmlSymbols();

    static final MethodHandle ggml_backend_load_all_from_path = ggml("ggml_backend_load_all_from_path",
            FunctionDescriptor.ofVoid(C_POINTER));
    static final MethodHandle ggml_backend_reg_by_name = ggml("ggml_backend_reg_by_name",
            FunctionDescriptor.of(C_POINTER, C_POINTER));
    static final MethodHandle ggml_backend_reg_get_proc_address = ggml("ggml_backend_reg_get_proc_address",
            FunctionDescriptor.of(C_POINTER, C_POINTER, C_POINTER));
    static final MethodHandle ggml_threadpool_params_init = ggml("ggml_threadpool_params_init",
            FunctionDescriptor.ofVoid(C_POINTER, JAVA_INT));
    static final MethodHandle llama_attach_threadpool = llama("llama_attach_threadpool",
            FunctionDescriptor.ofVoid(C_POINTER, C_POINTER, C_POINTER));
    static final MethodHandle llama_backend_init = llama("llama_backend_init", FunctionDescriptor.ofVoid());
    static final MethodHandle llama_log_set = llama("llama_log_set", FunctionDescriptor.ofVoid(C_POINTER, C_POINTER));
    static final MethodHandle llama_print_system_info = llama("llama_print_system_info",
            FunctionDescriptor.of(C_POINTER));
    static final MethodHandle llama_supports_gpu_offload = llama("llama_supports_gpu_offload",
            FunctionDescriptor.of(JAVA_BOOLEAN));

    static final MethodHandle llama_model_default_params = llama("llama_model_default_params",
            FunctionDescriptor.of(MODEL_PARAMS));
    static final MethodHandle llama_context_default_params = llama("llama_context_default_params",
            FunctionDescriptor.of(CONTEXT_PARAMS));
    static final MethodHandle llama_model_load_from_file = llama("llama_model_load_from_file",
            FunctionDescriptor.of(C_POINTER, C_POINTER, MODEL_PARAMS));
    static final MethodHandle llama_model_free = llama("llama_model_free", FunctionDescriptor.ofVoid(C_POINTER));
    static final MethodHandle llama_model_get_vocab = llama("llama_model_get_vocab",
            FunctionDescriptor.of(C_POINTER, C_POINTER));
    static final MethodHandle llama_model_n_ctx_train = llama("llama_model_n_ctx_train",
            FunctionDescriptor.of(JAVA_INT, C_POINTER));
    static final MethodHandle llama_model_n_embd = llama("llama_model_n_embd", FunctionDescriptor.of(JAVA_INT, C_POINTER));
    static final MethodHandle llama_model_n_layer = llama("llama_model_n_layer",
            FunctionDescriptor.of(JAVA_INT, C_POINTER));
    static final MethodHandle llama_model_n_params = llama("llama_model_n_params",
            FunctionDescriptor.of(JAVA_LONG, C_POINTER));
    static final MethodHandle llama_model_size = llama("llama_model_size", FunctionDescriptor.of(JAVA_LONG, C_POINTER));
    static final MethodHandle llama_model_desc = llama("llama_model_desc",
            FunctionDescriptor.of(JAVA_INT, C_POINTER, C_POINTER, JAVA_LONG));
    static final MethodHandle llama_model_meta_val_str = llama("llama_model_meta_val_str",
            FunctionDescriptor.of(JAVA_INT, C_POINTER, C_POINTER, C_POINTER, JAVA_LONG));
    static final MethodHandle llama_model_chat_template = llama("llama_model_chat_template",
            FunctionDescriptor.of(C_POINTER, C_POINTER, C_POINTER));

    static final MethodHandle llama_vocab_n_tokens = llama("llama_vocab_n_tokens",
            FunctionDescriptor.of(JAVA_INT, C_POINTER));
    static final MethodHandle llama_vocab_bos = llama("llama_vocab_bos", FunctionDescriptor.of(JAVA_INT, C_POINTER));
    static final MethodHandle llama_vocab_eos = llama("llama_vocab_eos", FunctionDescriptor.of(JAVA_INT, C_POINTER));
    static final MethodHandle llama_vocab_eot = llama("llama_vocab_eot", FunctionDescriptor.of(JAVA_INT, C_POINTER));
    static final MethodHandle llama_vocab_is_eog = llama("llama_vocab_is_eog",
            FunctionDescriptor.of(JAVA_BOOLEAN, C_POINTER, JAVA_INT));
    static final MethodHandle llama_vocab_is_control = llama("llama_vocab_is_control",
            FunctionDescriptor.of(JAVA_BOOLEAN, C_POINTER, JAVA_INT));
    static final MethodHandle llama_tokenize = llama("llama_tokenize", FunctionDescriptor.of(JAVA_INT,
            C_POINTER, C_POINTER, JAVA_INT, C_POINTER, JAVA_INT, JAVA_BOOLEAN, JAVA_BOOLEAN));
    static final MethodHandle llama_token_to_piece = llama("llama_token_to_piece", FunctionDescriptor.of(JAVA_INT,
            C_POINTER, JAVA_INT, C_POINTER, JAVA_INT, JAVA_INT, JAVA_BOOLEAN));
    static final MethodHandle llama_chat_apply_template = llama("llama_chat_apply_template",
            FunctionDescriptor.of(JAVA_INT, C_POINTER, C_POINTER, JAVA_LONG, JAVA_BOOLEAN, C_POINTER, JAVA_INT));

    static final MethodHandle llama_init_from_model = llama("llama_init_from_model",
            FunctionDescriptor.of(C_POINTER, C_POINTER, CONTEXT_PARAMS));
    static final MethodHandle llama_free = llama("llama_free", FunctionDescriptor.ofVoid(C_POINTER));
    static final MethodHandle llama_n_ctx = llama("llama_n_ctx", FunctionDescriptor.of(JAVA_INT, C_POINTER));
    static final MethodHandle llama_n_batch = llama("llama_n_batch", FunctionDescriptor.of(JAVA_INT, C_POINTER));
    static final MethodHandle llama_decode = llama("llama_decode", FunctionDescriptor.of(JAVA_INT, C_POINTER, BATCH));
    static final MethodHandle llama_get_logits_ith = llama("llama_get_logits_ith",
            FunctionDescriptor.of(C_POINTER, C_POINTER, JAVA_INT));
    static final MethodHandle llama_get_embeddings_seq = llama("llama_get_embeddings_seq",
            FunctionDescriptor.of(C_POINTER, C_POINTER, JAVA_INT));
    static final MethodHandle llama_get_memory = llama("llama_get_memory", FunctionDescriptor.of(C_POINTER, C_POINTER));
    static final MethodHandle llama_memory_clear = llama("llama_memory_clear",
            FunctionDescriptor.ofVoid(C_POINTER, JAVA_BOOLEAN));
    static final MethodHandle llama_memory_seq_rm = llama("llama_memory_seq_rm",
            FunctionDescriptor.of(JAVA_BOOLEAN, C_POINTER, JAVA_INT, JAVA_INT, JAVA_INT));
    static final MethodHandle llama_memory_seq_pos_max = llama("llama_memory_seq_pos_max",
            FunctionDescriptor.of(JAVA_INT, C_POINTER, JAVA_INT));
    static final MethodHandle llama_set_abort_callback = llama("llama_set_abort_callback",
            FunctionDescriptor.ofVoid(C_POINTER, C_POINTER, C_POINTER));

    static final MethodHandle llama_sampler_chain_init = llama("llama_sampler_chain_init",
            FunctionDescriptor.of(C_POINTER, SAMPLER_CHAIN_PARAMS));
    static final MethodHandle llama_sampler_chain_add = llama("llama_sampler_chain_add",
            FunctionDescriptor.ofVoid(C_POINTER, C_POINTER));
    static final MethodHandle llama_sampler_init_greedy = llama("llama_sampler_init_greedy",
            FunctionDescriptor.of(C_POINTER));
    static final MethodHandle llama_sampler_init_dist = llama("llama_sampler_init_dist",
            FunctionDescriptor.of(C_POINTER, JAVA_INT));
    static final MethodHandle llama_sampler_init_top_k = llama("llama_sampler_init_top_k",
            FunctionDescriptor.of(C_POINTER, JAVA_INT));
    static final MethodHandle llama_sampler_init_top_p = llama("llama_sampler_init_top_p",
            FunctionDescriptor.of(C_POINTER, JAVA_FLOAT, JAVA_LONG));
    static final MethodHandle llama_sampler_init_min_p = llama("llama_sampler_init_min_p",
            FunctionDescriptor.of(C_POINTER, JAVA_FLOAT, JAVA_LONG));
    static final MethodHandle llama_sampler_init_temp = llama("llama_sampler_init_temp",
            FunctionDescriptor.of(C_POINTER, JAVA_FLOAT));
    static final MethodHandle llama_sampler_init_penalties = llama("llama_sampler_init_penalties",
            FunctionDescriptor.of(C_POINTER, JAVA_INT, JAVA_INT, JAVA_FLOAT, JAVA_FLOAT, JAVA_FLOAT));
    static final MethodHandle llama_sampler_init_grammar = llama("llama_sampler_init_grammar",
            FunctionDescriptor.of(C_POINTER, C_POINTER, C_POINTER, C_POINTER));
    static final MethodHandle llama_sampler_sample = llama("llama_sampler_sample",
            FunctionDescriptor.of(JAVA_INT, C_POINTER, C_POINTER, JAVA_INT));
    static final MethodHandle llama_sampler_apply = llama("llama_sampler_apply",
            FunctionDescriptor.ofVoid(C_POINTER, C_POINTER));
    static final MethodHandle llama_sampler_accept = llama("llama_sampler_accept",
            FunctionDescriptor.ofVoid(C_POINTER, JAVA_INT));
    static final MethodHandle llama_sampler_free = llama("llama_sampler_free", FunctionDescriptor.ofVoid(C_POINTER));

    /** A downcall handle for a function pointer obtained at run time (a backend's proc address). */
    static MethodHandle downcall(MemorySegment function, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(function, descriptor);
    }

    /** An upcall stub living as long as {@code arena}; {@code target} must catch every Throwable itself. */
    static MemorySegment upcall(MethodHandle target, FunctionDescriptor descriptor, Arena arena) {
        return LINKER.upcallStub(target, descriptor, arena);
    }

    static MethodHandle findVirtual(Class<?> owner, String name, MethodType type) {
        try {
            return MethodHandles.lookup().findVirtual(owner, name, type);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a NUL-terminated UTF-8 string from a pointer llama.cpp returned; null for NULL. */
    static String string(MemorySegment pointer) {
        return CInterop.string(pointer);
    }

    static MemorySegment cString(Arena arena, String text) {
        return arena.allocateFrom(text, StandardCharsets.UTF_8);
    }

    private static MethodHandle llama(String name, FunctionDescriptor descriptor) {
        return bind(LLAMA, name, descriptor);
    }

    private static MethodHandle ggml(String name, FunctionDescriptor descriptor) {
        return bind(GGML, name, descriptor);
    }

    private static MethodHandle bind(SymbolLookup lookup, String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(CInterop.require(lookup, name, "llama.cpp"), descriptor);
    }
}
