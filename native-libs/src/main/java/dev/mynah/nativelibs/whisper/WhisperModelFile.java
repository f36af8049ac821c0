package dev.mynah.nativelibs.whisper;

import dev.mynah.nativelibs.gguf.InvalidModelFileException;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;

/**
 * A whisper.cpp model file (legacy ggml format) checked entirely in Java: magic, hyperparameters within the
 * ranges real whisper models use, mel filters, vocabulary and every tensor's header and data inside the file.
 * whisper.cpp allocates whatever the header asks for and aborts the process on absurd values, so nothing
 * reaches it unchecked.
 */
public record WhisperModelFile(Path path, long fileSize, Hyperparameters hyperparameters, int tensorCount) {

    /** The header fields of a whisper model, in file order; {@code ftype} is the weight type code. */
    public record Hyperparameters(int nVocab, int nAudioCtx, int nAudioState, int nAudioHead, int nAudioLayer,
                                  int nTextCtx, int nTextState, int nTextHead, int nTextLayer, int nMels, int ftype) {

        /** How many tensors whisper.cpp loads for these layer counts. */
        public int expectedTensorCount() {
            return 11 + 15 * nAudioLayer + 24 * nTextLayer;
        }
    }

    static final int MAGIC = 0x67676d6c; // "ggml" read little-endian
    private static final int HEADER_BYTES = 12 * Integer.BYTES;
    private static final int MAX_AUDIO_CTX = 1500; // 30 s of audio, the encoder's window in every whisper model
    private static final int MAX_TOKEN_BYTES = 4096;
    private static final int MAX_NAME_BYTES = 256;
    // ggml type id -> {block size, bytes per block} for the types whisper models are published in
    private static final Map<Integer, int[]> TENSOR_TYPES = Map.of(0, new int[] {1, 4}, 1, new int[] {1, 2},
            2, new int[] {32, 18}, 3, new int[] {32, 20}, 6, new int[] {32, 22}, 7, new int[] {32, 24},
            8, new int[] {32, 34});
    private static final Set<Integer> FILE_TYPES = Set.of(0, 1, 2, 3, 7, 8, 9);
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    /** Reads and validates {@code path}; every problem becomes an {@link InvalidModelFileException}. */
    public static WhisperModelFile read(Path path) throws InvalidModelFileException {
        if (!Files.exists(path)) {
            throw new InvalidModelFileException(path, "the file does not exist");
        }
        if (Files.isDirectory(path)) {
            throw new InvalidModelFileException(path, "it is a directory, not a whisper model file");
        }
        try (Arena arena = Arena.ofConfined(); FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < HEADER_BYTES) {
                throw new InvalidModelFileException(path, "it is too small to be a whisper model (" + size
                        + " bytes); delete it and download the model again");
            }
            return new Parser(path, channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena)).parse();
        } catch (IOException e) {
            throw new InvalidModelFileException(path, "it could not be read (" + e.getMessage() + ")");
        }
    }

    private static final class Parser {
        private final Path path;
        private final MemorySegment file;
        private long position;

        Parser(Path path, MemorySegment file) {
            this.path = path;
            this.file = file;
        }

        WhisperModelFile parse() throws InvalidModelFileException {
            if (nextInt() != MAGIC) {
                throw invalid("it is not a whisper.cpp model file (no ggml magic at the start); "
                        + "choose a whisper ggml .bin model");
            }
            Hyperparameters h = new Hyperparameters(nextInt(), nextInt(), nextInt(), nextInt(), nextInt(), nextInt(),
                    nextInt(), nextInt(), nextInt(), nextInt(), nextInt());
            checkHyperparameters(h);
            skipMelFilters(h.nMels());
            skipVocabulary(h.nVocab());
            int tensors = skipTensors();
            if (tensors != h.expectedTensorCount()) {
                throw invalid("it is truncated or incomplete: it holds " + tensors + " of the "
                        + h.expectedTensorCount() + " tensors its header promises; delete it and download it again");
            }
            return new WhisperModelFile(path, file.byteSize(), h, tensors);
        }

        private void checkHyperparameters(Hyperparameters h) throws InvalidModelFileException {
            within("n_vocab", h.nVocab(), 51864, 51866);
            within("n_audio_ctx", h.nAudioCtx(), 1, MAX_AUDIO_CTX);
            within("n_audio_state", h.nAudioState(), 1, 8192);
            within("n_audio_head", h.nAudioHead(), 1, 128);
            within("n_audio_layer", h.nAudioLayer(), 1, 128);
            within("n_text_ctx", h.nTextCtx(), 1, 4096);
            within("n_text_state", h.nTextState(), 1, 8192);
            within("n_text_head", h.nTextHead(), 1, 128);
            within("n_text_layer", h.nTextLayer(), 1, 128);
            if (h.nMels() != 80 && h.nMels() != 128) {
                throw corruptHeader("n_mels is " + h.nMels() + " but whisper models have 80 or 128");
            }
            if (h.nTextState() != h.nAudioState() || h.nAudioState() % h.nAudioHead() != 0
                    || h.nTextState() % h.nTextHead() != 0) {
                throw corruptHeader("its widths and head counts do not fit together (n_audio_state "
                        + h.nAudioState() + ", n_audio_head " + h.nAudioHead() + ", n_text_state " + h.nTextState()
                        + ", n_text_head " + h.nTextHead() + ")");
            }
            if (!FILE_TYPES.contains(h.ftype() % 1000)) {
                throw corruptHeader("its weight type code " + h.ftype() + " is not one whisper.cpp knows");
            }
        }

        private void within(String field, int value, int min, int max) throws InvalidModelFileException {
            if (value < min || value > max) {
                throw corruptHeader(field + " is " + value + ", outside " + min + ".." + max);
            }
        }

        private void skipMelFilters(int nMels) throws InvalidModelFileException {
            int nMel = nextInt();
            int nFft = nextInt();
            if (nMel != nMels || nFft < 1 || nFft > 4096) {
                throw invalid("its mel filter bank (" + nMel + " x " + nFft + ") does not match its " + nMels
                        + " mel bands; the file is damaged, delete it and download it again");
            }
            skip((long) nMel * nFft * Float.BYTES, "mel filters");
        }

        private void skipVocabulary(int nVocab) throws InvalidModelFileException {
            int count = nextInt();
            if (count < 0 || count > nVocab) {
                throw invalid("its vocabulary claims " + count + " tokens, more than n_vocab " + nVocab
                        + "; the file is damaged, delete it and download it again");
            }
            for (int i = 0; i < count; i++) {
                int length = nextInt();
                if (length < 0 || length > MAX_TOKEN_BYTES) {
                    throw invalid("token " + i + " of its vocabulary claims " + Integer.toUnsignedString(length)
                            + " bytes; the file is damaged, delete it and download it again");
                }
                skip(length, "vocabulary");
            }
        }

        private int skipTensors() throws InvalidModelFileException {
            int count = 0;
            while (position < file.byteSize()) {
                int nDims = nextInt();
                int nameLength = nextInt();
                int type = nextInt();
                int[] block = TENSOR_TYPES.get(type);
                if (nDims < 1 || nDims > 3 || nameLength < 1 || nameLength > MAX_NAME_BYTES || block == null) {
                    throw invalid("tensor " + count + " has a damaged header (" + nDims + " dimensions, name of "
                            + nameLength + " bytes, type " + type + "); delete the file and download it again");
                }
                long elements = 1;
                for (int d = 0; d < nDims; d++) {
                    int dim = nextInt();
                    if (dim < 1) {
                        throw invalid("tensor " + count + " has dimension " + dim + "; the file is damaged");
                    }
                    elements *= dim;
                }
                if (elements > Integer.MAX_VALUE || elements % block[0] != 0) {
                    throw invalid("tensor " + count + " has an impossible size of " + elements + " elements");
                }
                skip(nameLength, "tensor names");
                skip(elements / block[0] * block[1], "tensor data");
                count++;
            }
            return count;
        }

        private int nextInt() throws InvalidModelFileException {
            requireAvailable(Integer.BYTES, "header");
            int value = file.get(INT, position);
            position += Integer.BYTES;
            return value;
        }

        private void skip(long bytes, String part) throws InvalidModelFileException {
            requireAvailable(bytes, part);
            position += bytes;
        }

        private void requireAvailable(long bytes, String part) throws InvalidModelFileException {
            if (position + bytes > file.byteSize()) {
                throw invalid("it is truncated in its " + part + ": it needs at least " + (position + bytes)
                        + " bytes but has " + file.byteSize() + "; delete it and download it again");
            }
        }

        private InvalidModelFileException corruptHeader(String reason) {
            return invalid("its header is corrupt: " + reason + "; delete it and download it again");
        }

        private InvalidModelFileException invalid(String reason) {
            return new InvalidModelFileException(path, reason);
        }
    }
}
