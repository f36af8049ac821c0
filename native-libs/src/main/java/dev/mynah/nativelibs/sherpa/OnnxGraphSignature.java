package dev.mynah.nativelibs.sherpa;

import dev.mynah.nativelibs.gguf.InvalidModelFileException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The input and output names of an ONNX model's graph, read in Java: onnxruntime inside sherpa-onnx aborts the
 * process on a file that is not ONNX, so every model is parsed here first.
 */
record OnnxGraphSignature(List<String> inputs, List<String> outputs) {
    private static final long MAX_BYTES = 512L << 20;

    // Field numbers from onnx.proto.
    private static final int MODEL_IR_VERSION = 1;
    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int GRAPH_INPUT = 11;
    private static final int GRAPH_OUTPUT = 12;
    private static final int VALUE_INFO_NAME = 1;
    private static final int TENSOR_NAME = 8;

    static OnnxGraphSignature read(Path file) throws InvalidModelFileException {
        if (!Files.exists(file)) {
            throw new InvalidModelFileException(file, "the file does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidModelFileException(file, "it is a directory or special file, not an ONNX model file");
        }
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size < 16 || size > MAX_BYTES) {
                throw new InvalidModelFileException(file, "its size (" + size + " bytes) is not that of an ONNX model");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidModelFileException(file, "it cannot be read (" + e.getMessage() + ")");
        }
        try {
            return parse(bytes);
        } catch (MalformedProtobufException e) {
            throw new InvalidModelFileException(file, "it is not an ONNX model file, or it is truncated ("
                    + e.getMessage() + "); download it again");
        }
    }

    private static OnnxGraphSignature parse(byte[] bytes) throws MalformedProtobufException {
        ProtobufReader model = new ProtobufReader(bytes, 0, bytes.length);
        boolean hasIrVersion = false;
        ProtobufReader graph = null;
        while (model.hasMore()) {
            int tag = model.tag();
            if (tag == (MODEL_IR_VERSION << 3)) {
                hasIrVersion = model.varint() > 0;
            } else if (tag == (MODEL_GRAPH << 3 | ProtobufReader.LENGTH_DELIMITED)) {
                graph = model.message();
            } else {
                model.skip(tag);
            }
        }
        if (!hasIrVersion || graph == null) {
            throw new MalformedProtobufException("no ir_version or no graph");
        }
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        Set<String> initializers = new HashSet<>();
        while (graph.hasMore()) {
            int tag = graph.tag();
            switch (tag) {
                case GRAPH_INPUT << 3 | ProtobufReader.LENGTH_DELIMITED -> inputs.add(name(graph.message(), VALUE_INFO_NAME));
                case GRAPH_OUTPUT << 3 | ProtobufReader.LENGTH_DELIMITED -> outputs.add(name(graph.message(), VALUE_INFO_NAME));
                case GRAPH_INITIALIZER << 3 | ProtobufReader.LENGTH_DELIMITED -> initializers.add(name(graph.message(), TENSOR_NAME));
                default -> graph.skip(tag);
            }
        }
        // Older ONNX files list weights among the inputs too; onnxruntime does not count them as inputs.
        inputs.removeAll(initializers);
        return new OnnxGraphSignature(List.copyOf(inputs), List.copyOf(outputs));
    }

    private static String name(ProtobufReader message, int nameField) throws MalformedProtobufException {
        String name = "";
        while (message.hasMore()) {
            int tag = message.tag();
            if (tag == (nameField << 3 | ProtobufReader.LENGTH_DELIMITED)) {
                name = message.string();
            } else {
                message.skip(tag);
            }
        }
        return name;
    }

    /** Just enough of the protobuf wire format to walk an ONNX file's top-level structure with bounds checks. */
    private static final class ProtobufReader {
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

        int tag() throws MalformedProtobufException {
            long tag = varint();
            if (tag >>> 3 == 0 || tag > Integer.MAX_VALUE) {
                throw new MalformedProtobufException("invalid field tag at byte " + position);
            }
            return (int) tag;
        }

        long varint() throws MalformedProtobufException {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (position >= limit) {
                    throw new MalformedProtobufException("a number runs past the end of its message");
                }
                byte b = bytes[position++];
                value |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw new MalformedProtobufException("a number is longer than 10 bytes");
        }

        ProtobufReader message() throws MalformedProtobufException {
            int length = length();
            ProtobufReader inner = new ProtobufReader(bytes, position, position + length);
            position += length;
            return inner;
        }

        String string() throws MalformedProtobufException {
            int length = length();
            String text = new String(bytes, position, length, StandardCharsets.UTF_8);
            position += length;
            return text;
        }

        void skip(int tag) throws MalformedProtobufException {
            int advance = switch (tag & 7) {
                case VARINT -> {
                    varint();
                    yield 0;
                }
                case FIXED64 -> 8;
                case LENGTH_DELIMITED -> length();
                case FIXED32 -> 4;
                default -> throw new MalformedProtobufException("unsupported wire type " + (tag & 7)
                        + " at byte " + position);
            };
            if (advance > limit - position) {
                throw new MalformedProtobufException("a field runs past the end of its message");
            }
            position += advance;
        }

        private int length() throws MalformedProtobufException {
            long length = varint();
            if (length < 0 || length > limit - position) {
                throw new MalformedProtobufException("a field of " + length + " bytes runs past the end of its message");
            }
            return (int) length;
        }
    }

    private static final class MalformedProtobufException extends Exception {
        MalformedProtobufException(String message) {
            super(message);
        }
    }
}
