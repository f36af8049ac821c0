package dev.mynah.nativelibs.llama;

import dev.mynah.nativelibs.GgmlLogRelay;
import dev.mynah.supply.Engine;
import dev.mynah.supply.PackageFetchException;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Loads llama.cpp once per JVM from the engine cache, registers ggml's CPU (and Metal) backends from the
 * library directory, and routes llama.cpp's log to {@link System.Logger}.
 */
public final class LlamaLibrary {
    private static final System.Logger LOG = System.getLogger("dev.mynah.llama.cpp");

    private static volatile Engine.Installed installed;
    private static SymbolLookup llama;
    private static SymbolLookup ggml;

    private LlamaLibrary() {
    }

    /** Installs (first use only) and loads llama.cpp; cheap after the first call. */
    public static synchronized Engine.Installed load() throws PackageFetchException {
        if (installed == null) {
            load(Engine.LLAMA_CPP.install());
        }
        return installed;
    }

    /** Loads llama.cpp from an already installed build. */
    @SuppressWarnings("restricted")
    public static synchronized void load(Engine.Installed build) {
        if (installed != null) {
            if (!installed.libraryDirectory().equals(build.libraryDirectory())) {
                throw new IllegalStateException("llama.cpp is already loaded from " + installed.libraryDirectory());
            }
            return;
        }
        GgmlLogRelay.warnIfNativeAccessDisabled(LOG);
        Arena forever = Arena.global();
        ggml = SymbolLookup.libraryLookup(build.preloadLibraries().getFirst(), forever);
        llama = SymbolLookup.libraryLookup(build.mainLibrary(), forever);
        installed = build;
        try {
            LlamaNative.llama_log_set.invokeExact(GgmlLogRelay.callback("dev.mynah.llama.cpp"), MemorySegment.NULL);
            LlamaNative.llama_backend_init.invokeExact();
            try (Arena arena = Arena.ofConfined()) {
                LlamaNative.ggml_backend_load_all_from_path.invokeExact(
                        LlamaNative.cString(arena, build.libraryDirectory().toString()));
            }
        } catch (Throwable t) {
            throw new IllegalStateException("llama.cpp failed to initialise from " + build.libraryDirectory()
                    + ": " + t.getMessage(), t);
        }
        LOG.log(System.Logger.Level.DEBUG, "llama.cpp loaded from {0}", build.libraryDirectory());
    }

    public static Path libraryDirectory() {
        return requireLoaded().libraryDirectory();
    }

    /** llama.cpp's own report of the CPU features and backends it uses. */
    public static String systemInfo() {
        requireLoaded();
        try {
            return LlamaNative.string((MemorySegment) LlamaNative.llama_print_system_info.invokeExact()).strip();
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Whether a GPU backend (Metal on a Mac) is available for offloading layers. */
    public static boolean supportsGpuOffload() {
        requireLoaded();
        try {
            return (boolean) LlamaNative.llama_supports_gpu_offload.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static SymbolLookup symbols() {
        requireLoaded();
        return llama;
    }

    static SymbolLookup ggmlSymbols() {
        requireLoaded();
        return ggml;
    }

    private static Engine.Installed requireLoaded() {
        return Objects.requireNonNull(installed, "call LlamaLibrary.load() before using llama.cpp");
    }
}
