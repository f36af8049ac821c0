package dev.mynah.nativelibs.gguf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A GGUF file's header, metadata and tensor directory, read and checked entirely in Java so that a corrupt
 * or truncated file is rejected with a clear message before llama.cpp (which aborts on bad input) sees it.
 * Array values are checked but only their element type and length are kept.
 */
public record GgufFile(Path path, int version, long fileSize, Map<String, Object> metadata, List<Tensor> tensors,
                       long dataOffset) {

    /** One tensor entry: name, dimensions (innermost first), element type and absolute byte range. */
    public record Tensor(String name, long[] dimensions, GgmlType type, long offset, long byteSize) {
    }

    /** Stands for an array value: its element type name and length. */
    public record ArrayInfo(String elementType, long length) {
    }

    private static final int MAGIC = 0x46554747; // "GGUF" read little-endian
    private static final long MAX_STRING = 64L << 20;
    private static final long MAX_ENTRIES = 1L << 20;
    private static final Set<String> LLAMA_ARCHITECTURES = loadArchitectures();

    public GgufFile {
        metadata = Collections.unmodifiableMap(metadata);
        tensors = List.copyOf(tensors);
    }

    public String architecture() {
        return metadata.get("general.architecture") instanceof String s ? s : null;
    }

    /** Whether the pinned llama.cpp knows this file's architecture. */
    public boolean isLlamaArchitecture() {
        return LLAMA_ARCHITECTURES.contains(architecture());
    }

    public static Set<String> llamaArchitectures() {
        return LLAMA_ARCHITECTURES;
    }

    /** Reads and validates {@code path}; every problem becomes an {@link InvalidModelFileException}. */
    public static GgufFile read(Path path) throws InvalidModelFileException {
        if (!Files.exists(path)) {
            throw new InvalidModelFileException(path, "the file does not exist");
        }
        if (Files.isDirectory(path)) {
            throw new InvalidModelFileException(path, "it is a directory, not a model file");
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return new Parser(path, channel).parse();
        } catch (IOException e) {
            throw new InvalidModelFileException(path, "it could not be read (" + e.getMessage() + ")");
        } catch (UncheckedIOException e) {
            throw new InvalidModelFileException(path, "it could not be read (" + e.getCause().getMessage() + ")");
        }
    }

    private static Set<String> loadArchitectures() {
        try (var in = GgufFile.class.getResourceAsStream("llama-architectures.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sequential little-endian reader over the channel with bounds checks against the file size. */
    private static final class Parser {
        private final Path path;
        private final FileChannel channel;
        private final long size;
        private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        private long bufferStart;

        Parser(Path path, FileChannel channel) throws IOException {
            this.path = path;
            this.channel = channel;
            this.size = channel.size();
            buffer.limit(0);
        }

        GgufFile parse() throws IOException, InvalidModelFileException {
            if (size < 24) {
                throw fail("it is too small to be a GGUF model (" + size + " bytes); download it again");
            }
            if (u32() != MAGIC) {
                throw fail("it is not a GGUF model file (wrong magic bytes); choose a .gguf file");
            }
            int version = u32();
            if (version < 2 || version > 3) {
                throw fail("its GGUF version " + version + " is not supported (expected 2 or 3)");
            }
            long tensorCount = count(i64(), "tensor count");
            long kvCount = count(i64(), "metadata count");
            Map<String, Object> metadata = new LinkedHashMap<>();
            for (long i = 0; i < kvCount; i++) {
                String key = string();
                metadata.put(key, value(u32(), key));
            }
            long alignment = 32;
            if (metadata.get("general.alignment") instanceof Number n) {
                alignment = n.longValue();
                if (alignment <= 0 || Long.bitCount(alignment) != 1) {
                    throw fail("general.alignment is " + alignment + ", not a power of two");
                }
            }
            List<TensorEntry> entries = new ArrayList<>();
            for (long i = 0; i < tensorCount; i++) {
                entries.add(tensorEntry());
            }
            long dataOffset = alignUp(position(), alignment);
            List<Tensor> tensors = new ArrayList<>(entries.size());
            for (TensorEntry e : entries) {
                if (e.relativeOffset % alignment != 0) {
                    throw fail("tensor " + e.name + " is not aligned to " + alignment + " bytes; the file is corrupt");
                }
                long start = dataOffset + e.relativeOffset;
                if (start < dataOffset || start + e.byteSize > size || start + e.byteSize < start) {
                    throw fail("it is truncated or corrupt: tensor " + e.name + " needs bytes up to "
                            + (start + e.byteSize) + " but the file has " + size + "; delete it and download again");
                }
                tensors.add(new Tensor(e.name, e.dimensions, e.type, start, e.byteSize));
            }
            return new GgufFile(path, version, size, metadata, tensors, dataOffset);
        }

        private record TensorEntry(String name, long[] dimensions, GgmlType type, long relativeOffset, long byteSize) {
        }

        private TensorEntry tensorEntry() throws IOException, InvalidModelFileException {
            String name = string();
            int nDims = u32();
            if (nDims < 1 || nDims > 4) {
                throw fail("tensor " + name + " has " + nDims + " dimensions (1 to 4 allowed)");
            }
            long[] dims = new long[nDims];
            long elements = 1;
            for (int d = 0; d < nDims; d++) {
                dims[d] = i64();
                if (dims[d] <= 0) {
                    throw fail("tensor " + name + " has a dimension of " + dims[d]);
                }
                try {
                    elements = Math.multiplyExact(elements, dims[d]);
                } catch (ArithmeticException e) {
                    throw fail("tensor " + name + " has an impossibly large shape");
                }
            }
            long typeId = Integer.toUnsignedLong(u32());
            GgmlType type = GgmlType.byId(typeId);
            if (type == null) {
                throw fail("tensor " + name + " has unknown element type " + typeId
                        + "; the model needs a newer Mynah");
            }
            if (dims[0] % type.blockSize() != 0) {
                throw fail("tensor " + name + " has a row of " + dims[0] + " elements, not a multiple of "
                        + type + "'s block of " + type.blockSize());
            }
            long byteSize = elements / type.blockSize() * type.blockBytes();
            return new TensorEntry(name, dims, type, i64(), byteSize);
        }

        private Object value(int type, String key) throws IOException, InvalidModelFileException {
            return switch (type) {
                case 0 -> (int) u8();
                case 1 -> (int) (byte) u8();
                case 2 -> Short.toUnsignedInt(i16());
                case 3 -> (int) i16();
                case 4 -> Integer.toUnsignedLong(u32());
                case 5 -> u32();
                case 6 -> Float.intBitsToFloat(u32());
                case 7 -> u8() != 0;
                case 8 -> string();
                case 9 -> array(key);
                case 10, 11 -> i64();
                case 12 -> Double.longBitsToDouble(i64());
                default -> throw fail("metadata " + key + " has unknown value type " + type + "; the file is corrupt");
            };
        }

        private Object array(String key) throws IOException, InvalidModelFileException {
            int elementType = u32();
            long length = i64();
            // Every element takes at least one byte (eight for a string's length field).
            if (length < 0 || length > (size - position()) / (elementType == 8 ? 8 : 1)) {
                throw fail("it is truncated or corrupt: metadata array " + key + " claims " + length
                        + " elements, more than the rest of the file can hold; delete it and download again");
            }
            if (elementType == 8) {
                for (long i = 0; i < length; i++) {
                    skip(checkedLength(i64(), key));
                }
                return new ArrayInfo("string", length);
            }
            int width = switch (elementType) {
                case 0, 1, 7 -> 1;
                case 2, 3 -> 2;
                case 4, 5, 6 -> 4;
                case 10, 11, 12 -> 8;
                default -> throw fail("metadata array " + key + " has unsupported element type " + elementType);
            };
            skip(length * width);
            return new ArrayInfo(Integer.toString(elementType), length);
        }

        private String string() throws IOException, InvalidModelFileException {
            long length = checkedLength(i64(), "string");
            byte[] bytes = new byte[(int) length];
            read(bytes);
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw fail("it holds a string that is not valid UTF-8; the file is corrupt");
            }
        }

        private long checkedLength(long length, String what) throws InvalidModelFileException {
            if (length < 0 || length > MAX_STRING || position() + length > size) {
                throw fail("it is truncated or corrupt (a " + what + " of " + length + " bytes runs past the end)");
            }
            return length;
        }

        private long count(long value, String what) throws InvalidModelFileException {
            if (value < 0 || value > MAX_ENTRIES) {
                throw fail("its " + what + " is " + value + "; the file is corrupt");
            }
            return value;
        }

        private long position() {
            return bufferStart + buffer.position();
        }

        private void ensure(int bytes) throws IOException, InvalidModelFileException {
            if (buffer.remaining() >= bytes) {
                return;
            }
            long pos = position();
            if (pos + bytes > size) {
                throw fail("it is truncated: the header ends at byte " + size + "; delete it and download again");
            }
            buffer.clear();
            bufferStart = pos;
            while (buffer.position() < bytes) {
                if (channel.read(buffer, bufferStart + buffer.position()) < 0) {
                    throw fail("it is truncated; delete it and download again");
                }
            }
            buffer.flip();
        }

        private void skip(long bytes) throws IOException, InvalidModelFileException {
            long target = position() + bytes;
            if (target > size || target < 0) {
                throw fail("it is truncated: metadata runs past the end of the file; delete it and download again");
            }
            if (bytes <= buffer.remaining()) {
                buffer.position(buffer.position() + (int) bytes);
            } else {
                bufferStart = target;
                buffer.limit(0);
            }
        }

        private void read(byte[] into) throws IOException, InvalidModelFileException {
            int done = 0;
            while (done < into.length) {
                int chunk = Math.min(into.length - done, buffer.capacity());
                ensure(chunk);
                buffer.get(into, done, chunk);
                done += chunk;
            }
        }

        private int u8() throws IOException, InvalidModelFileException {
            ensure(1);
            return Byte.toUnsignedInt(buffer.get());
        }

        private short i16() throws IOException, InvalidModelFileException {
            ensure(2);
            return buffer.getShort();
        }

        private int u32() throws IOException, InvalidModelFileException {
            ensure(4);
            return buffer.getInt();
        }

        private long i64() throws IOException, InvalidModelFileException {
            ensure(8);
            return buffer.getLong();
        }

        private static long alignUp(long value, long alignment) {
            return (value + alignment - 1) / alignment * alignment;
        }

        private InvalidModelFileException fail(String reason) {
            return new InvalidModelFileException(path, reason);
        }
    }
}
