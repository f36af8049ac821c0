package dev.mynah.voice.eval;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Word error rate: the word-level edit distance (substitutions, insertions, deletions) between a reference
 * and a hypothesis, divided by the reference's word count. Case, punctuation and accents' composition are
 * normalised away first, as speech-recognition evaluations usually do.
 */
public final class WordErrorRate {
    private WordErrorRate() {
    }

    public static double of(String reference, String hypothesis) {
        List<String> ref = words(reference);
        List<String> hyp = words(hypothesis);
        if (ref.isEmpty()) {
            throw new IllegalArgumentException("the reference has no words");
        }
        return (double) editDistance(ref, hyp) / ref.size();
    }

    static List<String> words(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}'\\s]", " ").replaceAll("(^|\\s)'|'(\\s|$)", " ");
        return Arrays.stream(normalized.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    private static int editDistance(List<String> a, List<String> b) {
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (int j = 0; j <= b.size(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.size(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.size(); j++) {
                int substitution = previous[j - 1] + (a.get(i - 1).equals(b.get(j - 1)) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.size()];
    }
}
