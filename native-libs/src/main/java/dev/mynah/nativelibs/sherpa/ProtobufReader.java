package dev.mynah.nativelibs.sherpa;

import java.nio.charset.StandardCharsets;

/**
 * Just enough of the protobuf wire format to walk an ONNX file's structure with bounds checks, so that a
 * damaged or foreign file is refused in Java (onnxruntime aborts the process on one).
 */
final class ProtobufReader {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private final byte[] bytes;
    private final int limit;
    private int position;

    ProtobufReader(byte[] bytes, int position, int limit) {
        this.bytes = bytes;
        this.position = position;
        this.limit = limit;
    }

    boolean hasMore() {
        return position < limit;
    }

    int tag() throws Malformed {
        long tag = varint();
        if (tag >>> 3 == 0 || tag > Integer.MAX_VALUE) {
            throw new Malformed("invalid field tag at byte " + position);
        }
        return (int) tag;
    }

    long varint() throws Malformed {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position >= limit) {
                throw new Malformed("a number runs past the end of its message");
            }
            byte b = bytes[position++];
            value |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new Malformed("a number is longer than 10 bytes");
    }

    ProtobufReader message() throws Malformed {
        int length = length();
        ProtobufReader inner = new ProtobufReader(bytes, position, position + length);
        position += length;
        return inner;
    }

    String string() throws Malformed {
        int length = length();
        String text = new String(bytes, position, length, StandardCharsets.UTF_8);
        position += length;
        return text;
    }

    void skip(int tag) throws Malformed {
        int advance = switch (tag & 7) {
            case VARINT -> {
                varint();
                yield 0;
            }
            case FIXED64 -> 8;
            case LENGTH_DELIMITED -> length();
            case FIXED32 -> 4;
            default -> throw new Malformed("unsupported wire type " + (tag & 7)
                    + " at byte " + position);
        };
        if (advance > limit - position) {
            throw new Malformed("a field runs past the end of its message");
        }
        position += advance;
    }

    private int length() throws Malformed {
        long length = varint();
        if (length < 0 || length > limit - position) {
            throw new Malformed("a field of " + length + " bytes runs past the end of its message");
        }
        return (int) length;
    }

    /** The bytes are not a well-formed protobuf message. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }
}