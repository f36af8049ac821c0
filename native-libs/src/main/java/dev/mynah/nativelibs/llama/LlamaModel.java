package dev.mynah.nativelibs.llama;

import dev.mynah.nativelibs.gguf.GgufFile;
import dev.mynah.nativelibs.gguf.InvalidModelFileException;
import dev.mynah.supply.PackageFetchException;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * A llama.cpp model loaded from a GGUF file: metadata, tokenizer, chat template, and the factory for
 * contexts. Closing it frees the weights and every context still open on it.
 */
public final class LlamaModel implements AutoCloseable {
    private final Path path;
    private final MemorySegment model;
    private final MemorySegment vocab;
    private final ModelInfo info;
    private final Set<LlamaContext> openContexts = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private LlamaModel(Path path, MemorySegment model) throws Throwable {
        this.path = path;
        this.model = model;
        this.vocab = (MemorySegment) LlamaNative.llama_model_get_vocab.invokeExact(model);
        this.info = readInfo();
    }

    /** Loads a model with default options and no progress reporting. */
    public static LlamaModel load(Path path) throws ModelLoadException {
        return load(path, ModelOptions.defaults(), LoadProgress.NONE);
    }

    /**
     * Checks the file in Java, then loads it with llama.cpp. The progress callback may cancel the load, which
     * then ends with {@link ModelLoadException.Cancelled}.
     */
    public static LlamaModel load(Path path, ModelOptions options, LoadProgress progress) throws ModelLoadException {
        GgufFile gguf;
        try {
            gguf = GgufFile.read(path);
        } catch (InvalidModelFileException e) {
            throw new ModelLoadException(e.getMessage(), e);
        }
        if (!gguf.isLlamaArchitecture()) {
            throw new ModelLoadException("Cannot use model " + path + ": its architecture \"" + gguf.architecture()
                    + "\" is not one llama.cpp can run; choose a language model GGUF such as Qwen3.");
        }
        try {
            LlamaLibrary.load();
        } catch (PackageFetchException e) {
            throw new ModelLoadException(e.getMessage(), e);
        }
        ProgressRelay relay = new ProgressRelay(progress);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment params = (MemorySegment) LlamaNative.llama_model_default_params.invokeExact(
                    (java.lang.foreign.SegmentAllocator) arena);
            setInt(params, "n_gpu_layers", LlamaLibrary.supportsGpuOffload() ? options.gpuLayers() : 0);
            setInt(params, "load_mode", options.memoryMap() ? LlamaLayouts.LOAD_MODE_AUTO : LlamaLayouts.LOAD_MODE_NONE);
            params.set(JAVA_BOOLEAN, LlamaLayouts.offset(LlamaLayouts.MODEL_PARAMS, "vocab_only"), options.vocabularyOnly());
            MethodHandle target = LlamaNative.findVirtual(ProgressRelay.class, "onProgress",
                    MethodType.methodType(boolean.class, float.class, MemorySegment.class)).bindTo(relay);
            params.set(LlamaLayouts.C_POINTER, LlamaLayouts.offset(LlamaLayouts.MODEL_PARAMS, "progress_callback"),
                    LlamaNative.upcall(target, LlamaNative.PROGRESS_CALLBACK, arena));
            MemorySegment handle = (MemorySegment) LlamaNative.llama_model_load_from_file.invokeExact(
                    LlamaNative.cString(arena, path.toAbsolutePath().toString()), params);
            if (handle.equals(MemorySegment.NULL)) {
                if (relay.cancelled) {
                    throw new ModelLoadException.Cancelled("Loading " + path + " was cancelled.");
                }
                throw new ModelLoadException("llama.cpp could not load " + path + " (see the log for its reason); "
                        + "the file may be damaged or made for a newer llama.cpp. Download it again.");
            }
            return new LlamaModel(path, handle);
        } catch (ModelLoadException e) {
            throw e;
        } catch (Throwable t) {
            throw new ModelLoadException("llama.cpp failed while loading " + path + ": " + t, t);
        }
    }

    /** Forwards progress to the caller's listener; never lets an exception reach native code. */
    private static final class ProgressRelay {
        private final LoadProgress listener;
        private volatile boolean cancelled;

        ProgressRelay(LoadProgress listener) {
            this.listener = listener;
        }

        @SuppressWarnings("unused") // called from native code
        boolean onProgress(float fraction, MemorySegment userData) {
            try {
                if (!listener.onProgress(fraction)) {
                    cancelled = true;
                }
            } catch (Throwable t) {
                cancelled = true;
            }
            return !cancelled;
        }
    }

    public Path path() {
        return path;
    }

    public ModelInfo info() {
        return info;
    }

    /** A metadata value as llama.cpp renders it, or null when the key is absent. */
    public String metadata(String key) {
        ensureOpen();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment keySegment = LlamaNative.cString(arena, key);
            int length = (int) LlamaNative.llama_model_meta_val_str.invokeExact(model, keySegment,
                    MemorySegment.NULL, 0L);
            if (length < 0) {
                return null;
            }
            MemorySegment buffer = arena.allocate(length + 1L);
            int written = (int) LlamaNative.llama_model_meta_val_str.invokeExact(model, keySegment, buffer,
                    length + 1L);
            return written < 0 ? null : buffer.getString(0, StandardCharsets.UTF_8);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * Token ids for {@code text}. {@code addSpecial} adds the model's BOS/EOS where it wants them;
     * {@code parseSpecial} lets special-token text such as {@code <|im_start|>} become its token.
     */
    public int[] tokenize(String text, boolean addSpecial, boolean parseSpecial) {
        ensureOpen();
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment textSegment = arena.allocate(Math.max(1, utf8.length));
            MemorySegment.copy(utf8, 0, textSegment, JAVA_BYTE, 0, utf8.length);
            int capacity = utf8.length + 8;
            MemorySegment tokens = arena.allocate(JAVA_INT, capacity);
            int count = (int) LlamaNative.llama_tokenize.invokeExact(vocab, textSegment, utf8.length, tokens,
                    capacity, addSpecial, parseSpecial);
            if (count < 0) {
                capacity = -count;
                tokens = arena.allocate(JAVA_INT, capacity);
                count = (int) LlamaNative.llama_tokenize.invokeExact(vocab, textSegment, utf8.length, tokens,
                        capacity, addSpecial, parseSpecial);
            }
            if (count < 0) {
                throw new IllegalArgumentException("text is too long to tokenize (" + utf8.length + " bytes)");
            }
            return tokens.asSlice(0, (long) count * Integer.BYTES).toArray(JAVA_INT);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * The raw bytes of one token. Byte-level tokens may hold part of a UTF-8 character; {@link TextDecoder}
     * joins them. {@code special} renders control tokens such as {@code <|im_end|>} as text.
     */
    public byte[] tokenBytes(int token, boolean special) {
        ensureOpen();
        checkToken(token);
        try (Arena arena = Arena.ofConfined()) {
            int capacity = 64;
            MemorySegment buffer = arena.allocate(capacity);
            int n = (int) LlamaNative.llama_token_to_piece.invokeExact(vocab, token, buffer, capacity, 0, special);
            if (n < 0) {
                capacity = -n;
                buffer = arena.allocate(capacity);
                n = (int) LlamaNative.llama_token_to_piece.invokeExact(vocab, token, buffer, capacity, 0, special);
            }
            return buffer.asSlice(0, Math.max(0, n)).toArray(JAVA_BYTE);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** The text of a token sequence, special tokens rendered when {@code special} is true. */
    public String detokenize(int[] tokens, boolean special) {
        TextDecoder decoder = new TextDecoder();
        StringBuilder text = new StringBuilder();
        for (int token : tokens) {
            text.append(decoder.append(tokenBytes(token, special)));
        }
        return text.append(decoder.finish()).toString();
    }

    public boolean isEndOfGeneration(int token) {
        try {
            return (boolean) LlamaNative.llama_vocab_is_eog.invokeExact(vocab, token);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * Renders a conversation with the model's own chat template through llama.cpp's template engine
     * ({@code llama_chat_apply_template}); {@code addAssistantPrompt} opens the assistant's turn.
     */
    public String applyChatTemplate(List<ChatMessage> messages, boolean addAssistantPrompt) {
        ensureOpen();
        if (info.chatTemplate() == null) {
            throw new IllegalStateException("model " + path.getFileName() + " has no chat template");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment array = arena.allocate(LlamaLayouts.CHAT_MESSAGE, Math.max(1, messages.size()));
            long roleOffset = LlamaLayouts.offset(LlamaLayouts.CHAT_MESSAGE, "role");
            long contentOffset = LlamaLayouts.offset(LlamaLayouts.CHAT_MESSAGE, "content");
            long totalBytes = 0;
            for (int i = 0; i < messages.size(); i++) {
                MemorySegment element = array.asSlice(i * LlamaLayouts.CHAT_MESSAGE.byteSize());
                element.set(LlamaLayouts.C_POINTER, roleOffset, LlamaNative.cString(arena, messages.get(i).role()));
                element.set(LlamaLayouts.C_POINTER, contentOffset,
                        LlamaNative.cString(arena, messages.get(i).content()));
                totalBytes += messages.get(i).content().length() * 4L + 64;
            }
            MemorySegment template = LlamaNative.cString(arena, info.chatTemplate());
            int capacity = (int) Math.min(Integer.MAX_VALUE - 1, totalBytes + 256);
            MemorySegment buffer = arena.allocate(capacity);
            int n = (int) LlamaNative.llama_chat_apply_template.invokeExact(template, array, (long) messages.size(),
                    addAssistantPrompt, buffer, capacity);
            if (n < 0) {
                throw new IllegalStateException("llama.cpp does not support this model's chat template");
            }
            if (n > capacity) {
                capacity = n;
                buffer = arena.allocate(capacity);
                n = (int) LlamaNative.llama_chat_apply_template.invokeExact(template, array, (long) messages.size(),
                        addAssistantPrompt, buffer, capacity);
            }
            return new String(buffer.asSlice(0, n).toArray(JAVA_BYTE), StandardCharsets.UTF_8);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * The prompt for a conversation in this model's format. Qwen3 models are rendered exactly as their Jinja
     * template does, tools and tool turns included; other models go through {@link #applyChatTemplate}, which
     * has no notion of tools.
     *
     * @param toolsJson tool descriptions as JSON objects (see {@link Qwen3ChatFormat#render})
     * @param thinking  whether a reasoning model may think before answering
     */
    public String renderChat(List<ChatMessage> messages, List<String> toolsJson, boolean addGenerationPrompt,
                             boolean thinking) {
        if (Qwen3ChatFormat.matches(info.chatTemplate())) {
            return Qwen3ChatFormat.render(messages, toolsJson, addGenerationPrompt, thinking);
        }
        boolean usesTools = !toolsJson.isEmpty()
                || messages.stream().anyMatch(m -> m.role().equals("tool") || !m.toolCalls().isEmpty());
        if (usesTools) {
            throw new UnsupportedOperationException("tool calling is supported for Qwen3 models; "
                    + path.getFileName() + " uses another chat format");
        }
        return applyChatTemplate(messages, addGenerationPrompt);
    }

    /** A new inference context on this model. */
    public LlamaContext newContext(ContextOptions options) {
        ensureOpen();
        LlamaContext context = LlamaContext.create(this, options);
        openContexts.add(context);
        return context;
    }

    void contextClosed(LlamaContext context) {
        openContexts.remove(context);
    }

    MemorySegment handle() {
        ensureOpen();
        return model;
    }

    MemorySegment vocab() {
        return vocab;
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        for (LlamaContext context : new ArrayList<>(openContexts)) {
            context.close();
        }
        closed = true;
        try {
            LlamaNative.llama_model_free.invokeExact(model);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private ModelInfo readInfo() throws Throwable {
        String description;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(256);
            int n = (int) LlamaNative.llama_model_desc.invokeExact(model, buffer, 256L);
            description = n < 0 ? "" : buffer.getString(0, StandardCharsets.UTF_8);
        }
        String template;
        try {
            template = LlamaNative.string(
                    (MemorySegment) LlamaNative.llama_model_chat_template.invokeExact(model, MemorySegment.NULL));
        } catch (Throwable t) {
            template = null;
        }
        return new ModelInfo(
                metadata("general.architecture"),
                metadata("general.name"),
                description,
                (long) LlamaNative.llama_model_n_params.invokeExact(model),
                (long) LlamaNative.llama_model_size.invokeExact(model),
                (int) LlamaNative.llama_model_n_ctx_train.invokeExact(model),
                (int) LlamaNative.llama_model_n_embd.invokeExact(model),
                (int) LlamaNative.llama_model_n_layer.invokeExact(model),
                (int) LlamaNative.llama_vocab_n_tokens.invokeExact(vocab),
                template,
                (int) LlamaNative.llama_vocab_bos.invokeExact(vocab),
                (int) LlamaNative.llama_vocab_eos.invokeExact(vocab),
                (int) LlamaNative.llama_vocab_eot.invokeExact(vocab));
    }

    void checkToken(int token) {
        if (token < 0 || token >= info.vocabularySize()) {
            throw new IllegalArgumentException("token id " + token + " is outside the vocabulary of "
                    + info.vocabularySize());
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("model " + path.getFileName() + " is closed");
        }
    }

    private static void setInt(MemorySegment params, String field, int value) {
        params.set(JAVA_INT, LlamaLayouts.offset(LlamaLayouts.MODEL_PARAMS, field), value);
    }

    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
