package dev.mynah.nativelibs.whisper;

import dev.mynah.nativelibs.CInterop;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

import static dev.mynah.nativelibs.whisper.WhisperLayouts.CONTEXT_PARAMS;
import static dev.mynah.nativelibs.whisper.WhisperLayouts.C_POINTER;
import static dev.mynah.nativelibs.whisper.WhisperLayouts.FULL_PARAMS;
import static dev.mynah.nativelibs.whisper.WhisperLayouts.TOKEN_DATA;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The hand-written binding to whisper.h: one downcall handle per C function used. Only this class and
 * {@link WhisperLayouts} touch whisper.cpp's ABI. {@link WhisperLibrary} must load the library first.
 */
@SuppressWarnings("restricted")
final class WhisperNative {
    private WhisperNative() {
    }

    /** {@code void (*)(struct whisper_context *, struct whisper_state *, int n_new, void * user_data)} */
    static final FunctionDescriptor NEW_SEGMENT_CALLBACK = FunctionDescriptor.ofVoid(C_POINTER, C_POINTER, JAVA_INT,
            C_POINTER);
    /** {@code bool (*ggml_abort_callback)(void * data)} */
    static final FunctionDescriptor ABORT_CALLBACK = FunctionDescriptor.of(JAVA_BOOLEAN, C_POINTER);

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup WHISPER = WhisperLibrary.symbols();

    static final MethodHandle whisper_version = bind("whisper_version", FunctionDescriptor.of(C_POINTER));
    static final MethodHandle whisper_print_system_info = bind("whisper_print_system_info",
            FunctionDescriptor.of(C_POINTER));
    static final MethodHandle whisper_log_set = bind("whisper_log_set", FunctionDescriptor.ofVoid(C_POINTER, C_POINTER));
    static final MethodHandle whisper_lang_id = bind("whisper_lang_id", FunctionDescriptor.of(JAVA_INT, C_POINTER));
    static final MethodHandle whisper_lang_str = bind("whisper_lang_str", FunctionDescriptor.of(C_POINTER, JAVA_INT));

    static final MethodHandle whisper_context_default_params = bind("whisper_context_default_params",
            FunctionDescriptor.of(CONTEXT_PARAMS));
    static final MethodHandle whisper_init_from_file_with_params = bind("whisper_init_from_file_with_params",
            FunctionDescriptor.of(C_POINTER, C_POINTER, CONTEXT_PARAMS));
    static final MethodHandle whisper_free = bind("whisper_free", FunctionDescriptor.ofVoid(C_POINTER));
    static final MethodHandle whisper_is_multilingual = bind("whisper_is_multilingual",
            FunctionDescriptor.of(JAVA_INT, C_POINTER));
    static final MethodHandle whisper_model_n_audio_ctx = bind("whisper_model_n_audio_ctx",
            FunctionDescriptor.of(JAVA_INT, C_POINTER));
    static final MethodHandle whisper_model_n_vocab = bind("whisper_model_n_vocab",
            FunctionDescriptor.of(JAVA_INT, C_POINTER));
    static final MethodHandle whisper_token_eot = bind("whisper_token_eot", FunctionDescriptor.of(JAVA_INT, C_POINTER));
    static final MethodHandle whisper_model_n_mels = bind("whisper_model_n_mels",
            FunctionDescriptor.of(JAVA_INT, C_POINTER));
    static final MethodHandle whisper_set_mel = bind("whisper_set_mel",
            FunctionDescriptor.of(JAVA_INT, C_POINTER, C_POINTER, JAVA_INT, JAVA_INT));
    static final MethodHandle whisper_encode = bind("whisper_encode",
            FunctionDescriptor.of(JAVA_INT, C_POINTER, JAVA_INT, JAVA_INT));

    static final MethodHandle whisper_full_default_params_by_ref = bind("whisper_full_default_params_by_ref",
            FunctionDescriptor.of(C_POINTER, JAVA_INT));
    static final MethodHandle whisper_free_params = bind("whisper_free_params", FunctionDescriptor.ofVoid(C_POINTER));
    static final MethodHandle whisper_full = bind("whisper_full",
            FunctionDescriptor.of(JAVA_INT, C_POINTER, FULL_PARAMS, C_POINTER, JAVA_INT));
    static final MethodHandle whisper_full_n_segments = bind("whisper_full_n_segments",
            FunctionDescriptor.of(JAVA_INT, C_POINTER));
    static final MethodHandle whisper_full_lang_id = bind("whisper_full_lang_id",
            FunctionDescriptor.of(JAVA_INT, C_POINTER));
    static final MethodHandle whisper_full_get_segment_t0 = bind("whisper_full_get_segment_t0",
            FunctionDescriptor.of(JAVA_LONG, C_POINTER, JAVA_INT));
    static final MethodHandle whisper_full_get_segment_t1 = bind("whisper_full_get_segment_t1",
            FunctionDescriptor.of(JAVA_LONG, C_POINTER, JAVA_INT));
    static final MethodHandle whisper_full_get_segment_text = bind("whisper_full_get_segment_text",
            FunctionDescriptor.of(C_POINTER, C_POINTER, JAVA_INT));
    static final MethodHandle whisper_full_get_segment_no_speech_prob = bind(
            "whisper_full_get_segment_no_speech_prob", FunctionDescriptor.of(JAVA_FLOAT, C_POINTER, JAVA_INT));
    static final MethodHandle whisper_full_n_tokens = bind("whisper_full_n_tokens",
            FunctionDescriptor.of(JAVA_INT, C_POINTER, JAVA_INT));
    static final MethodHandle whisper_full_get_token_text = bind("whisper_full_get_token_text",
            FunctionDescriptor.of(C_POINTER, C_POINTER, JAVA_INT, JAVA_INT));
    static final MethodHandle whisper_full_get_token_data = bind("whisper_full_get_token_data",
            FunctionDescriptor.of(TOKEN_DATA, C_POINTER, JAVA_INT, JAVA_INT));
    static final MethodHandle whisper_get_timings = bind("whisper_get_timings",
            FunctionDescriptor.of(C_POINTER, C_POINTER));
    static final MethodHandle whisper_reset_timings = bind("whisper_reset_timings",
            FunctionDescriptor.ofVoid(C_POINTER));

    // whisper_get_timings returns a C++ `new` allocation and offers no release function; operator new is
    // malloc in both libstdc++ and libc++, so libc's free releases it.
    static final MethodHandle free = LINKER.downcallHandle(
            CInterop.require(LINKER.defaultLookup(), "free", "libc"), FunctionDescriptor.ofVoid(C_POINTER));

    /** An upcall stub living as long as {@code arena}; {@code target} must catch every Throwable itself. */
    static MemorySegment upcall(Object receiver, String method, FunctionDescriptor descriptor, Arena arena) {
        try {
            MethodHandle target = MethodHandles.lookup().findVirtual(receiver.getClass(), method,
                    descriptor.toMethodType()).bindTo(receiver);
            return LINKER.upcallStub(target, descriptor, arena);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MethodHandle bind(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(CInterop.require(WHISPER, name, "whisper.cpp"), descriptor);
    }
}
