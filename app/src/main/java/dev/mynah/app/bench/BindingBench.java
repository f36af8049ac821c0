package dev.mynah.app.bench;

import dev.mynah.nativelibs.llama.ContextOptions;
import dev.mynah.nativelibs.llama.GenerationOptions;
import dev.mynah.nativelibs.llama.LlamaContext;
import dev.mynah.nativelibs.llama.LlamaModel;
import dev.mynah.nativelibs.llama.Sampling;
import dev.mynah.nativelibs.llama.TokenStream;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Measures prefill and decode through Mynah's binding the way llama-bench measures them through C++:
 * random tokens, a cleared cache per pass, logits only for the last token of each batch.
 */
final class BindingBench implements AutoCloseable {
    private final LlamaModel model;
    private final LlamaContext context;
    private final SplittableRandom random = new SplittableRandom(42);

    BindingBench(LlamaModel model, int threads, int prompt, int generate) {
        this.model = model;
        int contextSize = Math.max(256, prompt + generate + 16);
        this.context = model.newContext(new ContextOptions(contextSize, 512, 512, threads, threads,
                ContextOptions.FlashAttention.AUTO, false));
    }

    void warmUp(int prompt) {
        prefillSpeed(prompt);
        decodeSpeed(1);
    }

    /** Tokens per second for one prefill of {@code tokens} random tokens into an empty cache. */
    double prefillSpeed(int tokens) {
        int[] prompt = randomTokens(tokens);
        context.reset();
        long start = System.nanoTime();
        context.prefill(prompt);
        return tokens / seconds(start);
    }

    /** Tokens per second for {@code tokens} single-token evaluations from an empty cache. */
    double decodeSpeed(int tokens) {
        int[] sequence = randomTokens(tokens);
        context.reset();
        long start = System.nanoTime();
        for (int n = 1; n <= tokens; n++) {
            context.prefill(Arrays.copyOf(sequence, n));
        }
        return tokens / seconds(start);
    }

    /** Tokens per second of a full greedy generation (sampling, detokenizing, streaming) of {@code tokens}. */
    double generationSpeed(int tokens) {
        context.reset();
        try (TokenStream stream = context.generate(randomTokens(1), GenerationOptions.of(tokens, Sampling.greedy()))) {
            TokenStream.Result result = stream.drainTo(piece -> { });
            return result.generatedTokens() / (result.generationNanos() / 1e9);
        }
    }

    private int[] randomTokens(int count) {
        int[] tokens = new int[count];
        for (int i = 0; i < count; i++) {
            tokens[i] = random.nextInt(model.info().vocabularySize());
        }
        return tokens;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    @Override
    public void close() {
        context.close();
    }
}
