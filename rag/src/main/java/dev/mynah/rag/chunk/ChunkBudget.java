package dev.mynah.rag.chunk;

/**
 * How big a chunk may be: {@code maxTokens} content tokens (special tokens such as [CLS] and [SEP] not
 * counted), at most {@code maxChars} characters, and up to {@code overlapTokens} tokens repeated from the end
 * of the previous chunk of the same section.
 */
public record ChunkBudget(int maxTokens, int overlapTokens, int maxChars) {
    /**
     * all-MiniLM-L6-v2 reads 256 tokens, two of them special: 200 content tokens leave room for a heading
     * path prepended at embedding time; 30 tokens (about 15%) of overlap carry a sentence across a split.
     */
    public static final ChunkBudget DEFAULT = new ChunkBudget(200, 30, 2000);

    public ChunkBudget {
        if (maxTokens < 1 || maxChars < 1) {
            throw new IllegalArgumentException("chunk budget must be positive: " + maxTokens + " tokens, "
                    + maxChars + " characters");
        }
        if (overlapTokens < 0 || overlapTokens >= maxTokens) {
            throw new IllegalArgumentException("overlap of " + overlapTokens + " tokens must be at least 0 and below "
                    + "the " + maxTokens + "-token budget");
        }
    }
}
