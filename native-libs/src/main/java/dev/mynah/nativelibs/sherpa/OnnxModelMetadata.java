package dev.mynah.nativelibs.sherpa;

import dev.mynah.nativelibs.gguf.InvalidModelFileException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metadata_props (key/value strings) of an ONNX model, read with bounds checks, and the way to add some:
 * protobuf merges repeated fields appended to a message, so new entries go at the end of a copy of the file.
 */
final class OnnxModelMetadata {
    private static final int MODEL_METADATA_PROPS = 14;
    private static final int ENTRY_KEY = 1;
    private static final int ENTRY_VALUE = 2;

    private OnnxModelMetadata() {
    }

    /** The model's metadata; call {@link OnnxGraphSignature#read} first, which checks the file is ONNX at all. */
    static Map<String, String> read(Path file) throws InvalidModelFileException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidModelFileException(file, "it cannot be read (" + e.getMessage() + ")");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        try {
            ProtobufReader model = new ProtobufReader(bytes, 0, bytes.length);
            while (model.hasMore()) {
                int tag = model.tag();
                if (tag == (MODEL_METADATA_PROPS << 3 | ProtobufReader.LENGTH_DELIMITED)) {
                    readEntry(model.message(), metadata);
                } else {
                    model.skip(tag);
                }
            }
        } catch (ProtobufReader.Malformed e) {
            throw new InvalidModelFileException(file, "its metadata cannot be read (" + e.getMessage()
                    + "); it is not a whole ONNX model file");
        }
        return metadata;
    }

    /** Copies {@code source} to {@code target} with {@code additions} appended to its metadata_props. */
    static void copyWith(Path source, Path target, Map<String, String> additions) throws IOException {
        Files.copy(source, target);
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.APPEND)) {
            for (Map.Entry<String, String> entry : additions.entrySet()) {
                byte[] key = entry.getKey().getBytes(StandardCharsets.UTF_8);
                byte[] value = entry.getValue().getBytes(StandardCharsets.UTF_8);
                ByteArrayOutputStream message = new ByteArrayOutputStream();
                writeField(message, ENTRY_KEY, key);
                writeField(message, ENTRY_VALUE, value);
                writeField(out, MODEL_METADATA_PROPS, message.toByteArray());
            }
        }
    }

    private static void readEntry(ProtobufReader entry, Map<String, String> metadata) throws ProtobufReader.Malformed {
        String key = null;
        String value = "";
        while (entry.hasMore()) {
            int tag = entry.tag();
            if (tag == (ENTRY_KEY << 3 | ProtobufReader.LENGTH_DELIMITED)) {
                key = entry.string();
            } else if (tag == (ENTRY_VALUE << 3 | ProtobufReader.LENGTH_DELIMITED)) {
                value = entry.string();
            } else {
                entry.skip(tag);
            }
        }
        if (key != null) {
            metadata.put(key, value);
        }
    }

    private static void writeField(OutputStream out, int field, byte[] value) throws IOException {
        writeVarint(out, (long) field << 3 | 2);
        writeVarint(out, value.length);
        out.write(value);
    }

    private static void writeVarint(OutputStream out, long value) throws IOException {
        while ((value & ~0x7FL) != 0) {
            out.write((int) (value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.write((int) value);
    }
}
