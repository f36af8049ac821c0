package dev.mynah.nativelibs.llama;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * A completion being generated, pulled one text piece at a time. Pieces are whole UTF-8 characters and never
 * contain (part of) a stop string. When it ends, {@link #result()} tells why and how long it took.
 */
public final class TokenStream implements Iterator<String>, AutoCloseable {

    /** Why generation ended. */
    public enum StopReason { END_OF_GENERATION, STOP_STRING, MAX_TOKENS, CANCELLED }

    /** The whole completion with its token count and timings. */
    public record Result(String text, int generatedTokens, StopReason stopReason, int promptTokens,
                         int reusedPromptTokens, long prefillNanos, long generationNanos) {
    }

    private final LlamaContext context;
    private final SamplerChain sampler;
    private final GenerationOptions options;
    private final int promptTokens;
    private final LlamaContext.Prefill prefill;
    private final long prefillNanos;
    private final TextDecoder decoder = new TextDecoder();
    private final StringBuilder held = new StringBuilder();
    private final StringBuilder text = new StringBuilder();
    private final List<Integer> generated = new ArrayList<>();
    private String next;
    private StopReason stopReason;
    private long generationNanos;
    private boolean closed;

    TokenStream(LlamaContext context, SamplerChain sampler, GenerationOptions options, int promptTokens,
                LlamaContext.Prefill prefill, long prefillNanos) {
        this.context = context;
        this.sampler = sampler;
        this.options = options;
        this.promptTokens = promptTokens;
        this.prefill = prefill;
        this.prefillNanos = prefillNanos;
    }

    @Override
    public boolean hasNext() {
        while (next == null && stopReason == null) {
            long start = System.nanoTime();
            try {
                step();
            } finally {
                generationNanos += System.nanoTime() - start;
            }
        }
        return next != null;
    }

    @Override
    public String next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        String piece = next;
        next = null;
        return piece;
    }

    /** Pushes every remaining piece to {@code sink} and returns the finished result. */
    public Result drainTo(Consumer<String> sink) {
        while (hasNext()) {
            sink.accept(next());
        }
        return result();
    }

    /** The tokens sampled so far (end-of-generation tokens excluded). */
    public int[] tokens() {
        return generated.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The finished completion; only valid once {@link #hasNext()} has returned false. */
    public Result result() {
        if (stopReason == null) {
            throw new IllegalStateException("generation has not finished");
        }
        return new Result(text.toString(), generated.size(), stopReason, promptTokens, prefill.reusedTokens(),
                prefillNanos, generationNanos);
    }

    private void step() {
        if (context.isCancelRequested()) {
            finish(StopReason.CANCELLED);
            return;
        }
        int token = sampler.sample(context);
        if (context.model().isEndOfGeneration(token)) {
            finish(StopReason.END_OF_GENERATION);
            return;
        }
        generated.add(token);
        held.append(decoder.append(context.model().tokenBytes(token, false)));
        if (releaseHeldText()) {
            return;
        }
        if (generated.size() >= options.maxTokens()) {
            finish(StopReason.MAX_TOKENS); // no need to evaluate a token nothing will follow
            return;
        }
        // The sampled token is evaluated now so that the next step (or a follow-up prompt) can build on it.
        try {
            context.append(token);
        } catch (GenerationCancelledException e) {
            finish(StopReason.CANCELLED);
        }
    }

    /** Emits held text that cannot begin a stop string; returns true when a stop string ended generation. */
    private boolean releaseHeldText() {
        int stopAt = -1;
        for (String stop : options.stopStrings()) {
            int index = held.indexOf(stop);
            if (index >= 0 && (stopAt < 0 || index < stopAt)) {
                stopAt = index;
            }
        }
        if (stopAt >= 0) {
            held.setLength(stopAt);
            emit(held.length());
            finish(StopReason.STOP_STRING);
            return true;
        }
        emit(held.length() - longestStopPrefixSuffix());
        return false;
    }

    private int longestStopPrefixSuffix() {
        String tail = held.toString();
        int longest = 0;
        for (String stop : options.stopStrings()) {
            for (int k = Math.min(stop.length() - 1, tail.length()); k > longest; k--) {
                if (tail.regionMatches(tail.length() - k, stop, 0, k)) {
                    longest = k;
                    break;
                }
            }
        }
        return longest;
    }

    private void emit(int length) {
        if (length > 0) {
            String piece = held.substring(0, length);
            held.delete(0, length);
            text.append(piece);
            next = next == null ? piece : next + piece;
        }
    }

    private void finish(StopReason reason) {
        if (reason != StopReason.STOP_STRING) {
            held.append(decoder.finish());
            emit(held.length());
        }
        stopReason = reason;
        context.clearCancel();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            sampler.close();
        }
    }
}
