package dev.mynah.nativelibs;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * Routes a ggml-style log callback ({@code void (*)(enum ggml_log_level, const char *, void *)}, used by
 * llama.cpp and whisper.cpp) to a {@link System.Logger}, joining continuation pieces into whole lines.
 */
public final class GgmlLogRelay {
    // enum ggml_log_level
    public static final int LEVEL_INFO = 2;
    public static final int LEVEL_WARN = 3;
    public static final int LEVEL_ERROR = 4;
    public static final int LEVEL_CONT = 5;

    private final System.Logger logger;
    private final ThreadLocal<StringBuilder> pending = ThreadLocal.withInitial(StringBuilder::new);
    private final ThreadLocal<int[]> pendingLevel = ThreadLocal.withInitial(() -> new int[1]);

    private GgmlLogRelay(System.Logger logger) {
        this.logger = logger;
    }

    /** An upcall stub, valid for the life of the JVM, that logs to {@code loggerName}. */
    @SuppressWarnings("restricted")
    public static MemorySegment callback(String loggerName) {
        GgmlLogRelay relay = new GgmlLogRelay(System.getLogger(loggerName));
        try {
            MethodHandle target = MethodHandles.lookup().findVirtual(GgmlLogRelay.class, "onLog",
                    MethodType.methodType(void.class, int.class, MemorySegment.class, MemorySegment.class))
                    .bindTo(relay);
            return Linker.nativeLinker().upcallStub(target, FunctionDescriptor.ofVoid(JAVA_INT, ADDRESS, ADDRESS),
                    Arena.global());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private void onLog(int level, MemorySegment text, MemorySegment userData) {
        try {
            StringBuilder buffer = pending.get();
            if (level != LEVEL_CONT) {
                pendingLevel.get()[0] = level;
            }
            if (!text.equals(MemorySegment.NULL)) {
                buffer.append(text.reinterpret(Long.MAX_VALUE).getString(0, StandardCharsets.UTF_8));
            }
            int newline;
            while ((newline = buffer.indexOf("\n")) >= 0) {
                String line = buffer.substring(0, newline);
                buffer.delete(0, newline + 1);
                if (!line.isBlank()) {
                    logger.log(toLoggerLevel(pendingLevel.get()[0]), line);
                }
            }
        } catch (Throwable t) {
            // An exception escaping an upcall kills the JVM; a lost log line does not matter.
        }
    }

    private static System.Logger.Level toLoggerLevel(int level) {
        return switch (level) {
            case LEVEL_ERROR -> System.Logger.Level.ERROR;
            case LEVEL_WARN -> System.Logger.Level.WARNING;
            case LEVEL_INFO -> System.Logger.Level.DEBUG;
            default -> System.Logger.Level.TRACE;
        };
    }

    /** Logs one clear line when the JVM was started without native access for the unnamed module. */
    public static void warnIfNativeAccessDisabled(System.Logger logger) {
        if (!GgmlLogRelay.class.getModule().isNativeAccessEnabled()) {
            logger.log(System.Logger.Level.WARNING, "Native access is not enabled: start the JVM with "
                    + "--enable-native-access=ALL-UNNAMED (the mynah launcher does this).");
        }
    }
}
