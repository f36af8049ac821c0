package dev.mynah.nativelibs.sherpa;

import dev.mynah.nativelibs.CInterop;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * One downcall handle per offline TTS function of sherpa-onnx's C API. {@link SherpaOnnxLibrary} must have
 * loaded the library before this class initialises.
 */
@SuppressWarnings("restricted")
final class SherpaTtsNative {
    private SherpaTtsNative() {
    }

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup SHERPA = SherpaOnnxLibrary.symbols();

    /** int32_t (*)(const float *samples, int32_t n, void *arg): returning 0 stops generation. */
    static final FunctionDescriptor AUDIO_CALLBACK = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS);

    static final MethodHandle create = bind("SherpaOnnxCreateOfflineTts", FunctionDescriptor.of(ADDRESS, ADDRESS));
    static final MethodHandle destroy = bind("SherpaOnnxDestroyOfflineTts", FunctionDescriptor.ofVoid(ADDRESS));
    static final MethodHandle sampleRate = bind("SherpaOnnxOfflineTtsSampleRate",
            FunctionDescriptor.of(JAVA_INT, ADDRESS));
    static final MethodHandle numSpeakers = bind("SherpaOnnxOfflineTtsNumSpeakers",
            FunctionDescriptor.of(JAVA_INT, ADDRESS));
    static final MethodHandle generateWithCallback = bind("SherpaOnnxOfflineTtsGenerateWithCallbackWithArg",
            FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, JAVA_INT, JAVA_FLOAT, ADDRESS, ADDRESS));
    static final MethodHandle destroyGeneratedAudio = bind("SherpaOnnxDestroyOfflineTtsGeneratedAudio",
            FunctionDescriptor.ofVoid(ADDRESS));

    private static MethodHandle bind(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(CInterop.require(SHERPA, name, "sherpa-onnx"), descriptor);
    }
}
