package dev.mynah.nativelibs.llama;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * A native llama.cpp sampler chain built from {@link Sampling}; owned by one generation.
 *
 * <p>A grammar is kept outside the chain and checked lazily, as llama.cpp's own tools do: the chain picks a
 * token from the raw logits, the grammar checks only that one token, and only when it is rejected is the
 * grammar applied to the whole vocabulary and the pick repeated. Checking 150k candidates against a grammar
 * costs tens of milliseconds, so a model that mostly follows the grammar by itself pays for it rarely.
 */
final class SamplerChain implements AutoCloseable {
    private static final long TOKEN_BYTES = LlamaLayouts.TOKEN_DATA.byteSize();

    private final MemorySegment chain;
    private final MemorySegment grammar;
    private final Arena arena;
    private final int vocabularySize;
    private final MemorySegment candidates;
    private final MemorySegment candidateArray;
    private final MemorySegment single;
    private final MemorySegment singleArray;
    private boolean closed;

    private SamplerChain(MemorySegment chain, MemorySegment grammar, int vocabularySize) {
        this.chain = chain;
        this.grammar = grammar;
        this.vocabularySize = vocabularySize;
        this.arena = Arena.ofShared();
        boolean constrained = !grammar.equals(MemorySegment.NULL);
        this.candidates = constrained ? arena.allocate(LlamaLayouts.TOKEN_DATA, vocabularySize) : MemorySegment.NULL;
        this.candidateArray = arena.allocate(LlamaLayouts.TOKEN_DATA_ARRAY);
        this.single = arena.allocate(LlamaLayouts.TOKEN_DATA);
        this.singleArray = arena.allocate(LlamaLayouts.TOKEN_DATA_ARRAY);
    }

    static SamplerChain create(LlamaModel model, Sampling sampling) {
        MemorySegment chain;
        try (Arena params = Arena.ofConfined()) {
            MemorySegment chainParams = params.allocate(LlamaLayouts.SAMPLER_CHAIN_PARAMS);
            chainParams.set(JAVA_BOOLEAN, 0, true);
            chain = (MemorySegment) LlamaNative.llama_sampler_chain_init.invokeExact(chainParams);
        } catch (Throwable t) {
            throw LlamaModel.rethrow(t);
        }
        MemorySegment grammar = MemorySegment.NULL;
        try {
            if (sampling.grammar() != null) {
                grammar = grammar(model, sampling.grammar(), sampling.grammarRoot());
            }
            if (sampling.repeatPenalty() != 1f && sampling.repeatLastN() > 0) {
                add(chain, (MemorySegment) LlamaNative.llama_sampler_init_penalties.invokeExact(
                        model.info().vocabularySize(), sampling.repeatLastN(), sampling.repeatPenalty(), 0f, 0f));
            }
            if (sampling.isGreedy()) {
                add(chain, (MemorySegment) LlamaNative.llama_sampler_init_greedy.invokeExact());
            } else {
                if (sampling.topK() > 0) {
                    add(chain, (MemorySegment) LlamaNative.llama_sampler_init_top_k.invokeExact(sampling.topK()));
                }
                if (sampling.topP() < 1f) {
                    add(chain, (MemorySegment) LlamaNative.llama_sampler_init_top_p.invokeExact(sampling.topP(), 1L));
                }
                if (sampling.minP() > 0f) {
                    add(chain, (MemorySegment) LlamaNative.llama_sampler_init_min_p.invokeExact(sampling.minP(), 1L));
                }
                add(chain, (MemorySegment) LlamaNative.llama_sampler_init_temp.invokeExact(sampling.temperature()));
                add(chain, (MemorySegment) LlamaNative.llama_sampler_init_dist.invokeExact(sampling.seed()));
            }
        } catch (Throwable t) {
            free(chain);
            free(grammar);
            throw LlamaModel.rethrow(t);
        }
        return new SamplerChain(chain, grammar, model.info().vocabularySize());
    }

    private static MemorySegment grammar(LlamaModel model, String gbnf, String root) throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sampler = (MemorySegment) LlamaNative.llama_sampler_init_grammar.invokeExact(
                    model.vocab(), LlamaNative.cString(arena, gbnf), LlamaNative.cString(arena, root));
            if (sampler.equals(MemorySegment.NULL)) {
                throw new IllegalArgumentException("the GBNF grammar does not parse (root rule \"" + root
                        + "\"); the log names the failing rule");
            }
            return sampler;
        }
    }

    private static void add(MemorySegment chain, MemorySegment sampler) throws Throwable {
        LlamaNative.llama_sampler_chain_add.invokeExact(chain, sampler);
    }

    /** Samples from the logits of the last evaluated token and records the choice in every sampler. */
    int sample(LlamaContext context) {
        try {
            if (grammar.equals(MemorySegment.NULL)) {
                return (int) LlamaNative.llama_sampler_sample.invokeExact(chain, context.handle(), -1);
            }
            MemorySegment logits = ((MemorySegment) LlamaNative.llama_get_logits_ith.invokeExact(context.handle(), -1))
                    .reinterpret(vocabularySize * (long) Float.BYTES);
            loadCandidates(logits);
            int token = pick(candidateArray, vocabularySize);
            if (!grammarAllows(token)) {
                loadCandidates(logits);
                LlamaNative.llama_sampler_apply.invokeExact(grammar, candidateArray);
                token = pick(candidateArray, vocabularySize);
            }
            LlamaNative.llama_sampler_accept.invokeExact(grammar, token);
            LlamaNative.llama_sampler_accept.invokeExact(chain, token);
            return token;
        } catch (Throwable t) {
            throw LlamaModel.rethrow(t);
        }
    }

    private void loadCandidates(MemorySegment logits) {
        for (int id = 0; id < vocabularySize; id++) {
            long at = id * TOKEN_BYTES;
            candidates.set(JAVA_INT, at, id);
            candidates.set(JAVA_FLOAT, at + 4, logits.getAtIndex(JAVA_FLOAT, id));
            candidates.set(JAVA_FLOAT, at + 8, 0f);
        }
        describe(candidateArray, candidates, vocabularySize);
    }

    private boolean grammarAllows(int token) throws Throwable {
        single.set(JAVA_INT, 0, token);
        single.set(JAVA_FLOAT, 4, 1f);
        single.set(JAVA_FLOAT, 8, 0f);
        describe(singleArray, single, 1);
        LlamaNative.llama_sampler_apply.invokeExact(grammar, singleArray);
        return single.get(JAVA_FLOAT, 4) != Float.NEGATIVE_INFINITY;
    }

    /** Runs the chain over a candidate array and returns the token it selected. */
    private int pick(MemorySegment array, int size) throws Throwable {
        LlamaNative.llama_sampler_apply.invokeExact(chain, array);
        long selected = array.get(JAVA_LONG, LlamaLayouts.offset(LlamaLayouts.TOKEN_DATA_ARRAY, "selected"));
        long remaining = array.get(JAVA_LONG, LlamaLayouts.offset(LlamaLayouts.TOKEN_DATA_ARRAY, "size"));
        if (selected < 0 || selected >= remaining || remaining > size) {
            throw new IllegalStateException("the sampler chain selected no token (every candidate was excluded)");
        }
        // Samplers may replace the data pointer (sorting into their own buffer), so read it back.
        MemorySegment data = array.get(LlamaLayouts.C_POINTER, LlamaLayouts.offset(LlamaLayouts.TOKEN_DATA_ARRAY, "data"))
                .reinterpret(remaining * TOKEN_BYTES);
        return data.get(JAVA_INT, selected * TOKEN_BYTES);
    }

    private static void describe(MemorySegment array, MemorySegment data, long size) {
        array.set(LlamaLayouts.C_POINTER, LlamaLayouts.offset(LlamaLayouts.TOKEN_DATA_ARRAY, "data"), data);
        array.set(JAVA_LONG, LlamaLayouts.offset(LlamaLayouts.TOKEN_DATA_ARRAY, "size"), size);
        array.set(JAVA_LONG, LlamaLayouts.offset(LlamaLayouts.TOKEN_DATA_ARRAY, "selected"), -1L);
        array.set(JAVA_BOOLEAN, LlamaLayouts.offset(LlamaLayouts.TOKEN_DATA_ARRAY, "sorted"), false);
    }

    private static void free(MemorySegment sampler) {
        if (sampler.equals(MemorySegment.NULL)) {
            return;
        }
        try {
            LlamaNative.llama_sampler_free.invokeExact(sampler);
        } catch (Throwable t) {
            throw LlamaModel.rethrow(t);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        free(chain);
        free(grammar);
        arena.close();
    }
}
