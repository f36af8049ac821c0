package dev.mynah.nativelibs.llama;

import java.util.List;

/** Limits of one generation: token budget, stop strings (not included in the output) and sampling. */
public record GenerationOptions(int maxTokens, List<String> stopStrings, Sampling sampling) {
    public GenerationOptions {
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be at least 1, was " + maxTokens);
        }
        stopStrings = List.copyOf(stopStrings);
        if (stopStrings.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("stop strings must not be empty");
        }
    }

    public static GenerationOptions of(int maxTokens, Sampling sampling) {
        return new GenerationOptions(maxTokens, List.of(), sampling);
    }

    public GenerationOptions withStopStrings(String... stops) {
        return new GenerationOptions(maxTokens, List.of(stops), sampling);
    }
}
