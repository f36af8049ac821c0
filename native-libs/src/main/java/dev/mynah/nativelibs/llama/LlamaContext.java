package dev.mynah.nativelibs.llama;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.Arrays;

import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * One llama.cpp inference context: a KV cache for a single conversation (sequence 0) that is kept between
 * prompts, so each new prompt prefills only what differs from the tokens already cached.
 * Not thread-safe, except {@link #cancel()}, which any thread may call.
 */
public final class LlamaContext implements AutoCloseable {
    private static final int ABORTABLE_BATCH = 16;

    private final LlamaModel model;
    private final ContextOptions options;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment context;
    private final MemorySegment memory;
    private final CpuThreadpool threadpool;
    private final MemorySegment abortCallback;
    private boolean abortArmed;
    private final int contextSize;
    private final int batchCapacity;
    private final MemorySegment batch;
    private final MemorySegment batchTokens;
    private final MemorySegment batchPositions;
    private final MemorySegment batchLogitFlags;
    private int[] cache = new int[256];
    private volatile int cacheLength;
    private volatile boolean cancelRequested;
    private boolean closed;

    private LlamaContext(LlamaModel model, ContextOptions options) {
        this.model = model;
        this.options = options;
        try {
            MemorySegment params = (MemorySegment) LlamaNative.llama_context_default_params.invokeExact(
                    (SegmentAllocator) arena);
            setInt(params, "n_ctx", options.contextSize());
            setInt(params, "n_batch", options.batchSize());
            setInt(params, "n_ubatch", options.microBatchSize());
            setInt(params, "n_seq_max", 1);
            setInt(params, "n_threads", options.threads());
            setInt(params, "n_threads_batch", options.batchThreads());
            setInt(params, "flash_attn_type", switch (options.flashAttention()) {
                case AUTO -> LlamaLayouts.FLASH_ATTN_AUTO;
                case ENABLED -> LlamaLayouts.FLASH_ATTN_ENABLED;
                case DISABLED -> LlamaLayouts.FLASH_ATTN_DISABLED;
            });
            params.set(JAVA_BOOLEAN, LlamaLayouts.offset(LlamaLayouts.CONTEXT_PARAMS, "embeddings"), options.embeddings());
            if (options.embeddings()) {
                setInt(params, "pooling_type", LlamaLayouts.POOLING_MEAN);
            }
            this.context = (MemorySegment) LlamaNative.llama_init_from_model.invokeExact(model.handle(), params);
            if (context.equals(MemorySegment.NULL)) {
                throw new IllegalStateException("llama.cpp could not create a context of " + options.contextSize()
                        + " tokens (see the log); try a smaller context size");
            }
            this.threadpool = CpuThreadpool.create(Math.max(options.threads(), options.batchThreads()));
            if (threadpool != null) {
                LlamaNative.llama_attach_threadpool.invokeExact(context, threadpool.handle(), MemorySegment.NULL);
            }
            MethodHandle abort = LlamaNative.findVirtual(LlamaContext.class, "onAbortCheck",
                    MethodType.methodType(boolean.class, MemorySegment.class)).bindTo(this);
            this.abortCallback = LlamaNative.upcall(abort, LlamaNative.ABORT_CALLBACK, arena);
            this.memory = (MemorySegment) LlamaNative.llama_get_memory.invokeExact(context);
            this.contextSize = (int) LlamaNative.llama_n_ctx.invokeExact(context);
            this.batchCapacity = (int) LlamaNative.llama_n_batch.invokeExact(context);
        } catch (Throwable t) {
            arena.close();
            throw LlamaModel.rethrow(t);
        }
        batchTokens = arena.allocate(JAVA_INT, batchCapacity);
        batchPositions = arena.allocate(JAVA_INT, batchCapacity);
        batchLogitFlags = arena.allocate(JAVA_BYTE, batchCapacity);
        MemorySegment seqIdCounts = arena.allocate(JAVA_INT, batchCapacity);
        MemorySegment sequenceZero = arena.allocate(JAVA_INT);
        MemorySegment seqIds = arena.allocate(LlamaLayouts.C_POINTER, batchCapacity);
        for (int i = 0; i < batchCapacity; i++) {
            seqIdCounts.setAtIndex(JAVA_INT, i, 1);
            seqIds.setAtIndex(LlamaLayouts.C_POINTER, i, sequenceZero);
        }
        batch = arena.allocate(LlamaLayouts.BATCH);
        batch.set(LlamaLayouts.C_POINTER, field("token"), batchTokens);
        batch.set(LlamaLayouts.C_POINTER, field("embd"), MemorySegment.NULL);
        batch.set(LlamaLayouts.C_POINTER, field("pos"), batchPositions);
        batch.set(LlamaLayouts.C_POINTER, field("n_seq_id"), seqIdCounts);
        batch.set(LlamaLayouts.C_POINTER, field("seq_id"), seqIds);
        batch.set(LlamaLayouts.C_POINTER, field("logits"), batchLogitFlags);
    }

    static LlamaContext create(LlamaModel model, ContextOptions options) {
        int trained = model.info().trainedContextLength();
        if (trained > 0 && options.contextSize() > trained) {
            throw new IllegalArgumentException("context size " + options.contextSize() + " exceeds the "
                    + trained + " tokens model " + model.path().getFileName() + " was trained for");
        }
        return new LlamaContext(model, options);
    }

    public LlamaModel model() {
        return model;
    }

    public ContextOptions options() {
        return options;
    }

    public int contextSize() {
        return contextSize;
    }

    /** The tokens currently held in the KV cache, in order. */
    public int[] cachedTokens() {
        return Arrays.copyOf(cache, cacheLength);
    }

    /** How many tokens the KV cache holds; safe to read from any thread, for progress display. */
    public int cachedTokenCount() {
        return cacheLength;
    }

    /** What one call to {@link #prefill} did: tokens reused from the cache and tokens evaluated anew. */
    public record Prefill(int reusedTokens, int evaluatedTokens) {
    }

    /**
     * Makes the KV cache hold exactly {@code prompt}: keeps the longest common prefix with what is cached,
     * drops the rest ({@code llama_memory_seq_rm}) and evaluates only the new tail. Afterwards the logits of
     * the prompt's last token are ready for sampling.
     */
    public Prefill prefill(int[] prompt) {
        ensureOpen();
        if (prompt.length == 0) {
            throw new IllegalArgumentException("prompt is empty");
        }
        if (prompt.length > contextSize) {
            throw new ContextOverflowException("prompt of " + prompt.length + " tokens does not fit the context of "
                    + contextSize + " tokens; shorten the conversation or use a larger context");
        }
        for (int token : prompt) {
            model.checkToken(token);
        }
        int common = Arrays.mismatch(cache, 0, cacheLength, prompt, 0, prompt.length);
        if (common < 0) {
            common = cacheLength;
        }
        // The last prompt token is always evaluated again so that its logits exist.
        common = Math.min(common, prompt.length - 1);
        truncateCache(common);
        cancelRequested = false;
        evaluate(prompt, common, prompt.length - common);
        return new Prefill(common, prompt.length - common);
    }

    /** Appends tokens to the cache (evaluating them), as generation does with each sampled token. */
    void append(int token) {
        if (cacheLength + 1 > contextSize) {
            throw new ContextOverflowException("the context of " + contextSize + " tokens is full");
        }
        evaluate(new int[] {token}, 0, 1);
    }

    /** A copy of the logits for the last evaluated token, one per vocabulary entry. */
    public float[] logits() {
        ensureOpen();
        try {
            MemorySegment row = (MemorySegment) LlamaNative.llama_get_logits_ith.invokeExact(context, -1);
            if (row.equals(MemorySegment.NULL)) {
                throw new IllegalStateException("no logits: evaluate a prompt first");
            }
            return row.reinterpret((long) model.info().vocabularySize() * Float.BYTES).toArray(JAVA_FLOAT);
        } catch (Throwable t) {
            throw LlamaModel.rethrow(t);
        }
    }

    /** Clears the KV cache. */
    public void reset() {
        ensureOpen();
        try {
            LlamaNative.llama_memory_clear.invokeExact(memory, true);
        } catch (Throwable t) {
            throw LlamaModel.rethrow(t);
        }
        cacheLength = 0;
    }

    /**
     * Streams a completion of {@code prompt}: reuses the cached prefix, then samples until end of generation,
     * a stop string, the token budget or {@link #cancel()}. Close the stream to free its sampler.
     */
    public TokenStream generate(int[] prompt, GenerationOptions generation) {
        ensureOpen();
        SamplerChain sampler = SamplerChain.create(model, generation.sampling());
        try {
            long start = System.nanoTime();
            Prefill prefill = prefill(prompt);
            return new TokenStream(this, sampler, generation, prompt.length, prefill, System.nanoTime() - start);
        } catch (RuntimeException e) {
            sampler.close();
            throw e;
        }
    }

    /** Asks the running prefill or generation to stop; takes effect within one token. */
    public void cancel() {
        cancelRequested = true;
    }

    boolean isCancelRequested() {
        return cancelRequested;
    }

    void clearCancel() {
        cancelRequested = false;
    }

    /** A mean-pooled, L2-normalised embedding of {@code text}; needs a context made in embeddings mode. */
    public float[] embed(String text) {
        ensureOpen();
        if (!options.embeddings()) {
            throw new IllegalStateException("this context was not created in embeddings mode");
        }
        int[] tokens = model.tokenize(text, true, false);
        if (tokens.length == 0) {
            throw new IllegalArgumentException("text has no tokens to embed");
        }
        if (tokens.length > Math.min(contextSize, batchCapacity)) {
            throw new ContextOverflowException("text of " + tokens.length + " tokens is longer than the "
                    + Math.min(contextSize, batchCapacity) + " this embeddings context takes");
        }
        reset();
        cancelRequested = false;
        fillBatch(tokens, 0, tokens.length, 0, true);
        decodeBatch(tokens.length);
        reset();
        try {
            MemorySegment pooled = (MemorySegment) LlamaNative.llama_get_embeddings_seq.invokeExact(context, 0);
            if (pooled.equals(MemorySegment.NULL)) {
                throw new IllegalStateException("the model produced no pooled embedding");
            }
            float[] vector = pooled.reinterpret((long) model.info().embeddingLength() * Float.BYTES)
                    .toArray(JAVA_FLOAT);
            double norm = 0;
            for (float v : vector) {
                norm += (double) v * v;
            }
            float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
            for (int i = 0; i < vector.length; i++) {
                vector[i] *= scale;
            }
            return vector;
        } catch (Throwable t) {
            throw LlamaModel.rethrow(t);
        }
    }

    MemorySegment handle() {
        return context;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            LlamaNative.llama_free.invokeExact(context);
        } catch (Throwable t) {
            throw LlamaModel.rethrow(t);
        } finally {
            if (threadpool != null) {
                threadpool.close();
            }
            arena.close();
            model.contextClosed(this);
        }
    }

    /**
     * Evaluates {@code count} tokens from {@code source[from..]} after the cached ones, in batches, with logits
     * only for the last token.
     */
    private void evaluate(int[] source, int from, int count) {
        for (int done = 0; done < count; ) {
            int n = Math.min(batchCapacity, count - done);
            fillBatch(source, from + done, from + done + n, cacheLength, false);
            batchLogitFlags.set(JAVA_BYTE, n - 1, (byte) (done + n == count ? 1 : 0));
            try {
                decodeBatch(n);
            } catch (RuntimeException e) {
                // Whatever this batch added to the KV cache is not in `cache`: drop it.
                removeFromKv(cacheLength);
                throw e;
            }
            if (cacheLength + n > cache.length) {
                cache = Arrays.copyOf(cache, Math.max(cache.length * 2, cacheLength + n));
            }
            System.arraycopy(source, from + done, cache, cacheLength, n);
            cacheLength += n;
            done += n;
        }
    }

    private void fillBatch(int[] tokens, int from, int to, int firstPosition, boolean allLogits) {
        int n = to - from;
        MemorySegment.copy(tokens, from, batchTokens, JAVA_INT, 0, n);
        for (int i = 0; i < n; i++) {
            batchPositions.setAtIndex(JAVA_INT, i, firstPosition + i);
            batchLogitFlags.set(JAVA_BYTE, i, (byte) (allLogits ? 1 : 0));
        }
        batch.set(JAVA_INT, field("n_tokens"), n);
    }

    private void decodeBatch(int count) {
        armAbortCallback(count >= ABORTABLE_BATCH);
        int status;
        try {
            status = (int) LlamaNative.llama_decode.invokeExact(context, batch);
        } catch (Throwable t) {
            throw LlamaModel.rethrow(t);
        }
        switch (status) {
            case 0 -> { }
            case 1 -> throw new ContextOverflowException("no room left in the context of " + contextSize
                    + " tokens for " + count + " more");
            case 2 -> throw new GenerationCancelledException("evaluation was cancelled");
            default -> throw new IllegalStateException("llama_decode failed with status " + status
                    + " (see the log)");
        }
    }

    /**
     * ggml asks the abort callback after every graph node, before the threads meet at a barrier, so an upcall
     * into Java there delays every node. It is armed only for batches big enough to take long (prompt
     * prefill); a generation step is one token, and generation is cancelled between tokens instead.
     */
    private void armAbortCallback(boolean armed) {
        if (armed == abortArmed) {
            return;
        }
        MemorySegment callback = armed ? abortCallback : MemorySegment.NULL;
        try {
            LlamaNative.llama_set_abort_callback.invokeExact(context, callback, MemorySegment.NULL);
        } catch (Throwable t) {
            throw LlamaModel.rethrow(t);
        }
        abortArmed = armed;
    }

    private void truncateCache(int keep) {
        if (keep < cacheLength) {
            cacheLength = removeFromKv(keep) ? keep : 0;
        }
    }

    /** Drops KV entries from position {@code from} on; clears everything if the memory cannot do partial removal. */
    private boolean removeFromKv(int from) {
        try {
            if ((boolean) LlamaNative.llama_memory_seq_rm.invokeExact(memory, 0, from, -1)) {
                return true;
            }
            reset();
            return false;
        } catch (Throwable t) {
            throw LlamaModel.rethrow(t);
        }
    }

    @SuppressWarnings("unused") // called from native code during llama_decode
    boolean onAbortCheck(MemorySegment userData) {
        return cancelRequested;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("context is closed");
        }
        if (model.isClosed()) {
            throw new IllegalStateException("model is closed");
        }
    }

    private static long field(String name) {
        return LlamaLayouts.offset(LlamaLayouts.BATCH, name);
    }

    private static void setInt(MemorySegment params, String field, int value) {
        params.set(JAVA_INT, LlamaLayouts.offset(LlamaLayouts.CONTEXT_PARAMS, field), value);
    }
}
