package dev.mynah.nativelibs.whisper;

import dev.mynah.nativelibs.CInterop;
import dev.mynah.nativelibs.GgmlLogRelay;
import dev.mynah.supply.Engine;
import dev.mynah.supply.PackageFetchException;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;

/** Loads whisper.cpp once per JVM from the engine cache and routes its log to {@link System.Logger}. */
public final class WhisperLibrary {
    private static final System.Logger LOG = System.getLogger("dev.mynah.whisper.cpp");

    private static volatile Engine.Installed installed;
    private static SymbolLookup symbols;

    private WhisperLibrary() {
    }

    /** Installs (first use only: on Linux this compiles whisper.cpp) and loads whisper.cpp. */
    public static synchronized Engine.Installed load() throws PackageFetchException {
        if (installed == null) {
            load(Engine.WHISPER_CPP.install());
        }
        return installed;
    }

    @SuppressWarnings("restricted")
    public static synchronized void load(Engine.Installed build) {
        if (installed != null) {
            return;
        }
        GgmlLogRelay.warnIfNativeAccessDisabled(LOG);
        symbols = SymbolLookup.libraryLookup(build.mainLibrary(), Arena.global());
        try {
            WhisperNative.whisper_log_set.invokeExact(GgmlLogRelay.callback(LOG.getName()), MemorySegment.NULL);
        } catch (Throwable t) {
            throw new IllegalStateException("whisper.cpp failed to initialise from " + build.mainLibrary(), t);
        }
        installed = build;
    }

    /** whisper.cpp's version, e.g. "1.9.1". */
    public static String version() {
        return call(WhisperNative.whisper_version);
    }

    /** The CPU features (and GPU backends) this whisper.cpp build uses. */
    public static String systemInfo() {
        return call(WhisperNative.whisper_print_system_info).strip();
    }

    /** whisper's id for a language code such as "en" or "zh", or -1 when it does not know the language. */
    public static int languageId(String code) {
        requireLoaded();
        try (Arena arena = Arena.ofConfined()) {
            return (int) WhisperNative.whisper_lang_id.invokeExact(arena.allocateFrom(code, StandardCharsets.UTF_8));
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** The language code for one of whisper's language ids, or null for an unknown id. */
    static String languageCode(int id) {
        try {
            return CInterop.string((MemorySegment) WhisperNative.whisper_lang_str.invokeExact(id));
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static synchronized SymbolLookup symbols() {
        if (symbols == null) {
            throw new IllegalStateException("call WhisperLibrary.load() before using whisper.cpp");
        }
        return symbols;
    }

    private static String call(MethodHandle stringFunction) {
        requireLoaded();
        try {
            return CInterop.string((MemorySegment) stringFunction.invokeExact());
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static void requireLoaded() {
        if (installed == null) {
            throw new IllegalStateException("call WhisperLibrary.load() before using whisper.cpp");
        }
    }
}
