package dev.mynah.nativelibs.onnx;

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
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Path;
import java.util.function.Supplier;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The onnxruntime that ships with sherpa-onnx, called directly through its C API for models sherpa-onnx
 * does not wrap (Silero VAD's per-window speech probability). Loaded once per JVM. onnxruntime has one
 * environment per process: when Mynah creates it first, onnxruntime's log goes to {@link System.Logger}
 * {@code dev.mynah.onnxruntime}; when a sherpa-onnx model holds it already, sherpa-onnx's settings apply.
 */
public final class OnnxRuntime {
    private static final System.Logger LOG = System.getLogger("dev.mynah.onnxruntime");

    private static OnnxRuntime instance;

    final OrtApiTable api;
    final MemorySegment env;
    final MemorySegment cpuMemory;
    final MemorySegment defaultAllocator;
    private final String version;

    private OnnxRuntime(OrtApiTable api, String version) {
        this.api = api;
        this.version = version;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ADDRESS);
            check((MemorySegment) api.createEnvWithCustomLogger.invokeExact(logCallback(), MemorySegment.NULL,
                    OrtApiTable.LOG_WARNING, arena.allocateFrom("mynah"), out), "create its environment");
            this.env = out.get(ADDRESS, 0);
            check((MemorySegment) api.createCpuMemoryInfo.invokeExact(OrtApiTable.ARENA_ALLOCATOR,
                    OrtApiTable.MEM_TYPE_DEFAULT, out), "describe CPU memory");
            this.cpuMemory = out.get(ADDRESS, 0);
            check((MemorySegment) api.getAllocatorWithDefaultOptions.invokeExact(out), "get its default allocator");
            this.defaultAllocator = out.get(ADDRESS, 0);
        } catch (Throwable t) {
            throw propagate(t);
        }
    }

    /** Loads sherpa-onnx's onnxruntime (fetching sherpa-onnx on first use) and creates the environment. */
    public static synchronized OnnxRuntime load() throws PackageFetchException {
        if (instance == null) {
            instance = load(Engine.SHERPA_ONNX.install());
        }
        return instance;
    }

    @SuppressWarnings("restricted")
    private static OnnxRuntime load(Engine.Installed sherpa) {
        GgmlLogRelay.warnIfNativeAccessDisabled(LOG);
        Path library = sherpa.preloadLibraries().stream()
                .filter(path -> path.getFileName().toString().startsWith("libonnxruntime"))
                .findFirst()
                .orElseThrow(() -> new UnsatisfiedLinkError("sherpa-onnx's package has no onnxruntime library"));
        SymbolLookup symbols = SymbolLookup.libraryLookup(library, Arena.global());
        Linker linker = Linker.nativeLinker();
        MethodHandle getApiBase = linker.downcallHandle(CInterop.require(symbols, "OrtGetApiBase", "onnxruntime"),
                FunctionDescriptor.of(ADDRESS));
        try {
            MemorySegment base = ((MemorySegment) getApiBase.invokeExact()).reinterpret(2 * ADDRESS.byteSize());
            MethodHandle getApi = linker.downcallHandle(base.getAtIndex(ADDRESS, 0),
                    FunctionDescriptor.of(ADDRESS, JAVA_INT));
            MethodHandle getVersionString = linker.downcallHandle(base.getAtIndex(ADDRESS, 1),
                    FunctionDescriptor.of(ADDRESS));
            String version = CInterop.string((MemorySegment) getVersionString.invokeExact());
            MemorySegment api = (MemorySegment) getApi.invokeExact(OrtApiTable.API_VERSION);
            if (api.equals(MemorySegment.NULL)) {
                throw new UnsatisfiedLinkError("onnxruntime " + version + " at " + library
                        + " does not offer C API version " + OrtApiTable.API_VERSION + " (onnxruntime 1.13 or later): "
                        + "the cached sherpa-onnx does not match this Mynah build; delete " + library.getParent()
                        + " and run again");
            }
            LOG.log(System.Logger.Level.DEBUG, "onnxruntime {0} from {1}", version, library);
            return new OnnxRuntime(new OrtApiTable(api), version);
        } catch (Throwable t) {
            throw propagate(t);
        }
    }

    /** onnxruntime's own version string, e.g. "1.28.2". */
    public String version() {
        return version;
    }

    /**
     * Throws {@link OnnxRuntimeException} with onnxruntime's message when {@code status} (an {@code OrtStatus*})
     * is not NULL, releasing it; {@code doing} completes "onnxruntime could not ...".
     */
    void check(MemorySegment status, String doing) {
        if (!status.equals(MemorySegment.NULL)) {
            fail(status, doing);
        }
    }

    /** {@link #check(MemorySegment, String)} for calls made many times a second: builds the message on failure only. */
    void check(MemorySegment status, Supplier<String> doing) {
        if (!status.equals(MemorySegment.NULL)) {
            fail(status, doing.get());
        }
    }

    private void fail(MemorySegment status, String doing) {
        try {
            int code = (int) api.getErrorCode.invokeExact(status);
            String message = CInterop.string((MemorySegment) api.getErrorMessage.invokeExact(status));
            throw new OnnxRuntimeException(doing, message, code);
        } catch (OnnxRuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw propagate(t);
        } finally {
            release(api.releaseStatus, status);
        }
    }

    /** Calls one of onnxruntime's {@code Release*} functions, which cannot fail. */
    static void release(MethodHandle releaseFunction, MemorySegment object) {
        try {
            releaseFunction.invokeExact(object);
        } catch (Throwable t) {
            throw propagate(t);
        }
    }

    static RuntimeException propagate(Throwable t) {
        return switch (t) {
            case RuntimeException runtime -> runtime;
            case Error error -> throw error;
            default -> new IllegalStateException(t);
        };
    }

    // void (*OrtLoggingFunction)(void* param, OrtLoggingLevel severity, const char* category,
    //                            const char* logid, const char* code_location, const char* message)
    @SuppressWarnings("restricted")
    private static MemorySegment logCallback() throws ReflectiveOperationException {
        MethodHandle target = MethodHandles.lookup().findStatic(OnnxRuntime.class, "onLog",
                MethodType.methodType(void.class, MemorySegment.class, int.class, MemorySegment.class,
                        MemorySegment.class, MemorySegment.class, MemorySegment.class));
        return Linker.nativeLinker().upcallStub(target,
                FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS), Arena.global());
    }

    private static void onLog(MemorySegment param, int severity, MemorySegment category, MemorySegment logId,
                              MemorySegment codeLocation, MemorySegment message) {
        try {
            System.Logger.Level level = switch (severity) {
                case OrtApiTable.LOG_VERBOSE -> System.Logger.Level.TRACE;
                case OrtApiTable.LOG_INFO -> System.Logger.Level.DEBUG;
                case OrtApiTable.LOG_WARNING -> System.Logger.Level.WARNING;
                default -> System.Logger.Level.ERROR;
            };
            LOG.log(level, CInterop.string(message));
        } catch (Throwable t) {
            // An exception escaping an upcall kills the JVM; a lost log line does not matter.
        }
    }
}
