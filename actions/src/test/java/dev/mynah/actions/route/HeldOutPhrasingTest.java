package dev.mynah.actions.route;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Routes the held-out phrasings (written before the patterns, never tuned against) and checks the fast path is
 * precise (of what it matched, how much was exactly right) and covers enough of the in-scope lines.
 */
class HeldOutPhrasingTest {
    @Test
    void heldOutPhrasingsAreRoutedPreciselyAndMostlyCovered() throws Exception {
        PhrasingSet set = PhrasingSet.load("heldout-phrasings.tsv");
        PhrasingSet.Score score = set.score(RouterFixture.router());
        System.out.printf("held-out: %d lines, %d in scope, %d matched; precision %.3f, coverage %.3f%n",
                set.lines().size(), score.inScope(), score.matched(), score.precision(), score.coverage());
        score.misses().forEach(System.out::println);
        assertTrue(set.lines().size() >= 300, "the held-out set should have at least 300 lines");
        assertTrue(set.lines().stream().filter(l -> !l.inScope()).count() >= 80,
                "the held-out set should have at least 80 out-of-scope lines");
        assertTrue(score.precision() >= 0.98, "precision " + score.precision() + " is below 0.98");
        assertTrue(score.coverage() >= 0.85, "coverage " + score.coverage() + " is below 0.85");
    }
}
