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
 * One downcall handle per VAD function of sherpa-onnx's C API. {@link SherpaOnnxLibrary} must have loaded
 * the library before this class initialises. The C API offers no per-window speech probability;
 * {@link SpeechProbabilities} computes that with onnxruntime directly.
 */
@SuppressWarnings("restricted")
final class SherpaVadNative {
    private SherpaVadNative() {
    }

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup SHERPA = SherpaOnnxLibrary.symbols();

    static final MethodHandle create = bind("SherpaOnnxCreateVoiceActivityDetector",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_FLOAT));
    static final MethodHandle destroy = bind("SherpaOnnxDestroyVoiceActivityDetector",
            FunctionDescriptor.ofVoid(ADDRESS));
    static final MethodHandle acceptWaveform = bind("SherpaOnnxVoiceActivityDetectorAcceptWaveform",
            FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, JAVA_INT));
    static final MethodHandle empty = bind("SherpaOnnxVoiceActivityDetectorEmpty",
            FunctionDescriptor.of(JAVA_INT, ADDRESS));
    static final MethodHandle detected = bind("SherpaOnnxVoiceActivityDetectorDetected",
            FunctionDescriptor.of(JAVA_INT, ADDRESS));
    static final MethodHandle front = bind("SherpaOnnxVoiceActivityDetectorFront",
            FunctionDescriptor.of(ADDRESS, ADDRESS));
    static final MethodHandle pop = bind("SherpaOnnxVoiceActivityDetectorPop", FunctionDescriptor.ofVoid(ADDRESS));
    static final MethodHandle flush = bind("SherpaOnnxVoiceActivityDetectorFlush", FunctionDescriptor.ofVoid(ADDRESS));
    static final MethodHandle reset = bind("SherpaOnnxVoiceActivityDetectorReset", FunctionDescriptor.ofVoid(ADDRESS));
    static final MethodHandle destroySpeechSegment = bind("SherpaOnnxDestroySpeechSegment",
            FunctionDescriptor.ofVoid(ADDRESS));

    private static MethodHandle bind(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(CInterop.require(SHERPA, name, "sherpa-onnx"), descriptor);
    }
}
