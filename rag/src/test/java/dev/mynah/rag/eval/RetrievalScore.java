package dev.mynah.rag.eval;

import java.util.List;

/**
 * How well one retrieval method did over a set of questions: the share answered within the top k (recall@k) and
 * the mean reciprocal rank of the first answering hit (0 when none is in the top k, so MRR@k).
 */
record RetrievalScore(int questions, int found, double recall, double mrr) {

    /** From the 1-based rank of the first answering hit for each question, 0 for a question not answered. */
    static RetrievalScore of(List<Integer> ranks) {
        if (ranks.isEmpty()) {
            throw new IllegalArgumentException("no questions to score");
        }
        int found = (int) ranks.stream().filter(rank -> rank > 0).count();
        double reciprocal = ranks.stream().filter(rank -> rank > 0).mapToDouble(rank -> 1.0 / rank).sum();
        return new RetrievalScore(ranks.size(), found, (double) found / ranks.size(), reciprocal / ranks.size());
    }
}
