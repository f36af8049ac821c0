package dev.mynah.nativelibs.whisper;

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
import java.nio.charset.StandardCharsets;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * Loads whisper.cpp once per JVM from the engine cache and routes its log to {@link System.Logger}.
 * The speech-to-text API builds on this; today it reports version, CPU features and languages.
 */
public final class WhisperLibrary {
    private static final System.Logger LOG = System.getLogger("dev.mynah.whisper.cpp");

    private static Engine.Installed installed;
    private static MethodHandle version;
    private static MethodHandle systemInfo;
    private static MethodHandle languageId;

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
        SymbolLookup symbols = SymbolLookup.libraryLookup(build.mainLibrary(), Arena.global());
        Linker linker = Linker.nativeLinker();
        version = linker.downcallHandle(find(symbols, "whisper_version"), FunctionDescriptor.of(ADDRESS));
        systemInfo = linker.downcallHandle(find(symbols, "whisper_print_system_info"), FunctionDescriptor.of(ADDRESS));
        languageId = linker.downcallHandle(find(symbols, "whisper_lang_id"), FunctionDescriptor.of(JAVA_INT, ADDRESS));
        MethodHandle logSet = linker.downcallHandle(find(symbols, "whisper_log_set"),
                FunctionDescriptor.ofVoid(ADDRESS, ADDRESS));
        try {
            logSet.invokeExact(GgmlLogRelay.callback(LOG.getName()), MemorySegment.NULL);
        } catch (Throwable t) {
            throw new IllegalStateException("whisper.cpp failed to initialise from " + build.mainLibrary(), t);
        }
        installed = build;
    }

    /** whisper.cpp's version, e.g. "1.9.1". */
    public static String version() {
        return call(version);
    }

    /** The CPU features (and GPU backends) this whisper.cpp build uses. */
    public static String systemInfo() {
        return call(systemInfo).strip();
    }

    /** whisper's id for a language code such as "en" or "zh", or -1 when it does not know the language. */
    public static int languageId(String code) {
        requireLoaded();
        try (Arena arena = Arena.ofConfined()) {
            return (int) languageId.invokeExact(arena.allocateFrom(code, StandardCharsets.UTF_8));
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static String call(MethodHandle stringFunction) {
        requireLoaded();
        try {
            return CInterop.string((MemorySegment) stringFunction.invokeExact());
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static synchronized void requireLoaded() {
        if (installed == null) {
            throw new IllegalStateException("call WhisperLibrary.load() before using whisper.cpp");
        }
    }

    private static MemorySegment find(SymbolLookup symbols, String name) {
        return CInterop.require(symbols, name, "whisper.cpp");
    }
}
