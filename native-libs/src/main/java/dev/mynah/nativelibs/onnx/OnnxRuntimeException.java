package dev.mynah.nativelibs.onnx;

/** onnxruntime refused a call; the message is onnxruntime's own, prefixed with what was being done. */
public final class OnnxRuntimeException extends RuntimeException {
    private final int errorCode;

    OnnxRuntimeException(String message, int errorCode) {
        super(message);
        this.errorCode = errorCode;
    }

    /** onnxruntime's {@code OrtErrorCode}: 2 invalid argument, 3 no such file, 7 invalid protobuf, ... */
    public int errorCode() {
        return errorCode;
    }
}
