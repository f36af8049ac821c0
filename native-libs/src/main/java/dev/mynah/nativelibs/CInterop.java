package dev.mynah.nativelibs;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.nio.charset.StandardCharsets;

/** The two conversions every engine binding needs: a required symbol and a C string. */
public final class CInterop {
    private CInterop() {
    }

    /** The address of {@code name}; a missing symbol means the cached engine is not the one Mynah was built for. */
    public static MemorySegment require(SymbolLookup symbols, String name, String engine) {
        return symbols.find(name).orElseThrow(() -> new UnsatisfiedLinkError(engine + " library has no symbol "
                + name + "; the cached engine does not match this Mynah build"));
    }

    /** A NUL-terminated UTF-8 string a native function returned, or null for NULL. */
    @SuppressWarnings("restricted")
    public static String string(MemorySegment pointer) {
        return pointer.equals(MemorySegment.NULL) ? null
                : pointer.reinterpret(Long.MAX_VALUE).getString(0, StandardCharsets.UTF_8);
    }
}
