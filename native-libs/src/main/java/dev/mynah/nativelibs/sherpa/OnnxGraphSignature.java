package dev.mynah.nativelibs.sherpa;

import dev.mynah.nativelibs.gguf.InvalidModelFileException;

import java.io.IOException;
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
        } catch (ProtobufReader.Malformed e) {
            throw new InvalidModelFileException(file, "it is not an ONNX model file, or it is truncated ("
                    + e.getMessage() + "); download it again");
        }
    }

    private static OnnxGraphSignature parse(byte[] bytes) throws ProtobufReader.Malformed {
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
            throw new ProtobufReader.Malformed("no ir_version or no graph");
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

    private static String name(ProtobufReader message, int nameField) throws ProtobufReader.Malformed {
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
}
