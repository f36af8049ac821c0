package dev.mynah.nativelibs.onnx;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * One downcall handle per function of onnxruntime's C API that Mynah calls. The C API is not a set of symbols
 * but a table of function pointers ({@code struct OrtApi}) that {@code OrtGetApiBase()->GetApi(version)}
 * returns; onnxruntime only ever appends to it, so a member's index never changes. The indices below are the
 * members' positions in {@code onnxruntime_c_api.h} as read from onnxruntime's public source, and agree with
 * the {@code static_assert}s on the table in its {@code onnxruntime_c_api.cc}. No registry this build can reach
 * ships that header, so there is no gcc probe: {@code OrtApiTableTest} and {@code OnnxSessionTest} check the
 * members by what they observably do instead.
 */
@SuppressWarnings("restricted")
final class OrtApiTable {
    /** The API version requested: every member used here exists from onnxruntime 1.13 on. */
    static final int API_VERSION = 13;
    private static final int HIGHEST_INDEX_USED = 100;

    // ONNXTensorElementDataType
    static final int ELEMENT_FLOAT = 1;
    static final int ELEMENT_INT64 = 7;
    // OrtLoggingLevel
    static final int LOG_VERBOSE = 0;
    static final int LOG_INFO = 1;
    static final int LOG_WARNING = 2;
    // GraphOptimizationLevel.ORT_ENABLE_ALL
    static final int OPTIMIZE_ALL = 99;
    // OrtAllocatorType.OrtArenaAllocator, OrtMemType.OrtMemTypeDefault
    static final int ARENA_ALLOCATOR = 1;
    static final int MEM_TYPE_DEFAULT = 0;

    final MethodHandle getErrorCode;
    final MethodHandle getErrorMessage;
    final MethodHandle createEnvWithCustomLogger;
    final MethodHandle createSession;
    final MethodHandle createSessionFromArray;
    final MethodHandle run;
    final MethodHandle createSessionOptions;
    final MethodHandle setSessionGraphOptimizationLevel;
    final MethodHandle setIntraOpNumThreads;
    final MethodHandle setInterOpNumThreads;
    final MethodHandle sessionGetInputCount;
    final MethodHandle sessionGetOutputCount;
    final MethodHandle sessionGetInputName;
    final MethodHandle sessionGetOutputName;
    final MethodHandle createTensorWithDataAsOrtValue;
    final MethodHandle getTensorMutableData;
    final MethodHandle getTensorElementType;
    final MethodHandle getDimensionsCount;
    final MethodHandle getDimensions;
    final MethodHandle getTensorTypeAndShape;
    final MethodHandle createCpuMemoryInfo;
    final MethodHandle allocatorFree;
    final MethodHandle getAllocatorWithDefaultOptions;
    final MethodHandle releaseStatus;
    final MethodHandle releaseSession;
    final MethodHandle releaseValue;
    final MethodHandle releaseTensorTypeAndShapeInfo;
    final MethodHandle releaseSessionOptions;

    private final MemorySegment table;
    private final Linker linker = Linker.nativeLinker();

    OrtApiTable(MemorySegment api) {
        this.table = api.reinterpret((HIGHEST_INDEX_USED + 1) * ADDRESS.byteSize());
        // OrtStatus* is the return of every ORT_API2_STATUS member: NULL on success.
        getErrorCode = bind(1, FunctionDescriptor.of(JAVA_INT, ADDRESS));
        getErrorMessage = bind(2, FunctionDescriptor.of(ADDRESS, ADDRESS));
        createEnvWithCustomLogger = bind(4, FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, JAVA_INT, ADDRESS,
                ADDRESS));
        createSession = bind(7, FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        createSessionFromArray = bind(8, FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS,
                ADDRESS));
        run = bind(9, FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS,
                JAVA_LONG, ADDRESS));
        createSessionOptions = bind(10, FunctionDescriptor.of(ADDRESS, ADDRESS));
        setSessionGraphOptimizationLevel = bind(23, FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
        setIntraOpNumThreads = bind(24, FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
        setInterOpNumThreads = bind(25, FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
        sessionGetInputCount = bind(30, FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
        sessionGetOutputCount = bind(31, FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
        sessionGetInputName = bind(36, FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS));
        sessionGetOutputName = bind(37, FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS));
        createTensorWithDataAsOrtValue = bind(49, FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, JAVA_LONG,
                ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS));
        getTensorMutableData = bind(51, FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
        getTensorElementType = bind(60, FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
        getDimensionsCount = bind(61, FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
        getDimensions = bind(62, FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, JAVA_LONG));
        getTensorTypeAndShape = bind(65, FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
        createCpuMemoryInfo = bind(69, FunctionDescriptor.of(ADDRESS, JAVA_INT, JAVA_INT, ADDRESS));
        allocatorFree = bind(76, FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
        getAllocatorWithDefaultOptions = bind(78, FunctionDescriptor.of(ADDRESS, ADDRESS));
        releaseStatus = bind(93, FunctionDescriptor.ofVoid(ADDRESS));
        releaseSession = bind(95, FunctionDescriptor.ofVoid(ADDRESS));
        releaseValue = bind(96, FunctionDescriptor.ofVoid(ADDRESS));
        releaseTensorTypeAndShapeInfo = bind(99, FunctionDescriptor.ofVoid(ADDRESS));
        releaseSessionOptions = bind(100, FunctionDescriptor.ofVoid(ADDRESS));
    }

    private MethodHandle bind(int index, FunctionDescriptor descriptor) {
        MemorySegment function = table.getAtIndex(ADDRESS, index);
        if (function.equals(MemorySegment.NULL)) {
            throw new UnsatisfiedLinkError("onnxruntime's API table has no function at index " + index);
        }
        return linker.downcallHandle(function, descriptor);
    }
}
