package dev.mynah.nativelibs.llama;

/**
 * The sampler chain for generation. Temperature 0 means greedy. A non-null {@code grammar} (GBNF, root rule
 * {@code grammarRoot}) constrains every sampled token, so output always matches it.
 */
public record Sampling(float temperature, int topK, float topP, float minP, float repeatPenalty, int repeatLastN,
                       int seed, String grammar, String grammarRoot) {

    public Sampling {
        if (!(temperature >= 0) || Float.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be a finite number >= 0, was " + temperature);
        }
        if (topK < 0 || !(topP > 0 && topP <= 1) || !(minP >= 0 && minP < 1)) {
            throw new IllegalArgumentException("need top-k >= 0, 0 < top-p <= 1, 0 <= min-p < 1");
        }
        if (!(repeatPenalty > 0) || Float.isInfinite(repeatPenalty) || repeatLastN < 0) {
            throw new IllegalArgumentException("repeat penalty must be > 0 and finite, last-n >= 0");
        }
        if (grammar != null && (grammarRoot == null || grammarRoot.isBlank())) {
            grammarRoot = "root";
        }
    }

    public static Sampling greedy() {
        return new Sampling(0f, 0, 1f, 0f, 1f, 0, 0, null, null);
    }

    /** Qwen3's recommended non-thinking settings with a fixed seed. */
    public static Sampling seeded(int seed) {
        return new Sampling(0.7f, 20, 0.8f, 0f, 1f, 64, seed, null, null);
    }

    public Sampling withGrammar(String gbnf) {
        return new Sampling(temperature, topK, topP, minP, repeatPenalty, repeatLastN, seed, gbnf, "root");
    }

    public Sampling withSeed(int value) {
        return new Sampling(temperature, topK, topP, minP, repeatPenalty, repeatLastN, value, grammar, grammarRoot);
    }

    public Sampling withRepeatPenalty(float penalty, int lastN) {
        return new Sampling(temperature, topK, topP, minP, penalty, lastN, seed, grammar, grammarRoot);
    }

    public boolean isGreedy() {
        return temperature == 0f;
    }
}
