package dev.mynah.nativelibs.sherpa;

import dev.mynah.nativelibs.CInterop;
import dev.mynah.nativelibs.GgmlLogRelay;
import dev.mynah.supply.Engine;
import dev.mynah.supply.PackageFetchException;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

import static java.lang.foreign.ValueLayout.ADDRESS;

/**
 * Loads sherpa-onnx's C API once per JVM: its own onnxruntime first (the C API library has no RUNPATH, so
 * the dynamic linker would not find it otherwise), then the API itself. Silero VAD
 * ({@link VoiceActivityDetector}) and Piper voices ({@link PiperVoice}) build on this.
 */
public final class SherpaOnnxLibrary {
    private static final System.Logger LOG = System.getLogger("dev.mynah.sherpa-onnx");

    private static Engine.Installed installed;
    private static SymbolLookup symbols;
    private static MethodHandle version;
    private static MethodHandle gitSha1;
    private static MethodHandle onnxruntimeVersion;

    private SherpaOnnxLibrary() {
    }

    public static synchronized Engine.Installed load() throws PackageFetchException {
        if (installed == null) {
            load(Engine.SHERPA_ONNX.install());
        }
        return installed;
    }

    @SuppressWarnings("restricted")
    public static synchronized void load(Engine.Installed build) {
        if (installed != null) {
            return;
        }
        GgmlLogRelay.warnIfNativeAccessDisabled(LOG);
        for (Path library : build.preloadLibraries()) {
            SymbolLookup.libraryLookup(library, Arena.global());
        }
        symbols = SymbolLookup.libraryLookup(build.mainLibrary(), Arena.global());
        Linker linker = Linker.nativeLinker();
        version = linker.downcallHandle(find(symbols, "SherpaOnnxGetVersionStr"), FunctionDescriptor.of(ADDRESS));
        gitSha1 = linker.downcallHandle(find(symbols, "SherpaOnnxGetGitSha1"), FunctionDescriptor.of(ADDRESS));
        onnxruntimeVersion = linker.downcallHandle(find(symbols, "SherpaOnnxGetOnnxruntimeVersionStr"),
                FunctionDescriptor.of(ADDRESS));
        installed = build;
    }

    /** The C API's symbols, for the bindings in this package. */
    static synchronized SymbolLookup symbols() {
        requireLoaded();
        return symbols;
    }

    /** sherpa-onnx's version, e.g. "1.13.8". */
    public static String version() {
        return call(version);
    }

    public static String gitSha1() {
        return call(gitSha1);
    }

    /** The version of the onnxruntime that sherpa-onnx runs its models on. */
    public static String onnxruntimeVersion() {
        return call(onnxruntimeVersion);
    }

    private static synchronized String call(MethodHandle stringFunction) {
        requireLoaded();
        try {
            return CInterop.string((MemorySegment) stringFunction.invokeExact());
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static void requireLoaded() {
        if (installed == null) {
            throw new IllegalStateException("call SherpaOnnxLibrary.load() before using sherpa-onnx");
        }
    }

    private static MemorySegment find(SymbolLookup symbols, String name) {
        return CInterop.require(symbols, name, "sherpa-onnx");
    }
}
