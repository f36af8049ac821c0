package dev.mynah.nativelibs.llama;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;

/** A native llama.cpp sampler chain built from {@link Sampling}; owned by one generation. */
final class SamplerChain implements AutoCloseable {
    private final MemorySegment chain;
    private boolean closed;

    private SamplerChain(MemorySegment chain) {
        this.chain = chain;
    }

    static SamplerChain create(LlamaModel model, Sampling sampling) {
        MemorySegment chain;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment params = arena.allocate(LlamaLayouts.SAMPLER_CHAIN_PARAMS);
            params.set(JAVA_BOOLEAN, 0, true);
            chain = (MemorySegment) LlamaNative.llama_sampler_chain_init.invokeExact(params);
        } catch (Throwable t) {
            throw LlamaModel.rethrow(t);
        }
        SamplerChain result = new SamplerChain(chain);
        try {
            // The grammar goes first so that every later sampler only sees tokens the grammar allows.
            if (sampling.grammar() != null) {
                result.add(grammar(model, sampling.grammar(), sampling.grammarRoot()));
            }
            if (sampling.repeatPenalty() != 1f && sampling.repeatLastN() > 0) {
                result.add((MemorySegment) LlamaNative.llama_sampler_init_penalties.invokeExact(
                        model.info().vocabularySize(), sampling.repeatLastN(), sampling.repeatPenalty(), 0f, 0f));
            }
            if (sampling.isGreedy()) {
                result.add((MemorySegment) LlamaNative.llama_sampler_init_greedy.invokeExact());
                return result;
            }
            if (sampling.topK() > 0) {
                result.add((MemorySegment) LlamaNative.llama_sampler_init_top_k.invokeExact(sampling.topK()));
            }
            if (sampling.topP() < 1f) {
                result.add((MemorySegment) LlamaNative.llama_sampler_init_top_p.invokeExact(sampling.topP(), 1L));
            }
            if (sampling.minP() > 0f) {
                result.add((MemorySegment) LlamaNative.llama_sampler_init_min_p.invokeExact(sampling.minP(), 1L));
            }
            result.add((MemorySegment) LlamaNative.llama_sampler_init_temp.invokeExact(sampling.temperature()));
            result.add((MemorySegment) LlamaNative.llama_sampler_init_dist.invokeExact(sampling.seed()));
            return result;
        } catch (Throwable t) {
            result.close();
            throw LlamaModel.rethrow(t);
        }
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

    private void add(MemorySegment sampler) throws Throwable {
        LlamaNative.llama_sampler_chain_add.invokeExact(chain, sampler);
    }

    /** Samples from the logits of the last evaluated token; the chain records the choice (grammar state, penalties). */
    int sample(LlamaContext context) {
        try {
            return (int) LlamaNative.llama_sampler_sample.invokeExact(chain, context.handle(), -1);
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
        try {
            LlamaNative.llama_sampler_free.invokeExact(chain);
        } catch (Throwable t) {
            throw LlamaModel.rethrow(t);
        }
    }
}
