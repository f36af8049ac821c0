package dev.mynah.nativelibs.onnx;

/** onnxruntime refused a call: its own message, prefixed with what was being done, and its error code. */
public final class OnnxRuntimeException extends RuntimeException {
    /** {@code OrtErrorCode} values Mynah tells apart. */
    public static final int INVALID_ARGUMENT = 2;
    public static final int NO_SUCH_FILE = 3;
    public static final int INVALID_PROTOBUF = 7;
    public static final int NOT_IMPLEMENTED = 9;
    public static final int INVALID_GRAPH = 10;

    private final String onnxruntimeMessage;
    private final int errorCode;

    OnnxRuntimeException(String doing, String onnxruntimeMessage, int errorCode) {
        super("onnxruntime could not " + doing + ": " + onnxruntimeMessage);
        this.onnxruntimeMessage = onnxruntimeMessage;
        this.errorCode = errorCode;
    }

    /** onnxruntime's words alone. */
    public String onnxruntimeMessage() {
        return onnxruntimeMessage;
    }

    /** onnxruntime's {@code OrtErrorCode}: 2 invalid argument, 3 no such file, 7 invalid protobuf, ... */
    public int errorCode() {
        return errorCode;
    }
}
