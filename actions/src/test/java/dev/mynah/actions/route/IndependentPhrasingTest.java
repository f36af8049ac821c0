package dev.mynah.actions.route;

import dev.mynah.actions.InstalledApps;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast path on phrasings written by someone who never saw its patterns (independent-phrasings.tsv):
 * the honest measure of precision and coverage. Arguments are checked where the writer could state them
 * unambiguously (numbers, choices, app names); free text is left to the exact-argument sets.
 */
class IndependentPhrasingTest {

    /** Written first; the router's phrasings were improved after its first score, so it is now seen data. */
    @Test
    void precisionAndCoverageOnTheFirstIndependentSet() throws Exception {
        assertMeetsTheTargets("independent-phrasings.tsv");
    }

    /** Written while the router was being improved, by someone who saw neither the patterns nor set one. */
    @Test
    void precisionAndCoverageOnTheSecondIndependentSet() throws Exception {
        assertMeetsTheTargets("independent-phrasings-2.tsv");
    }

    private static void assertMeetsTheTargets(String set) throws Exception {
        List<InstalledApps.App> apps = new ArrayList<>(RouterFixture.APPS.apps());
        apps.add(new InstalledApps.App("TextEdit", "/System/Applications/TextEdit.app"));
        FastPathRouter router = new FastPathRouter(InstalledApps.of(apps), RouterFixture.CLOCK);

        PhrasingSet.Score score = PhrasingSet.load(set).score(router, PhrasingSet::hasKeyArguments);

        System.out.printf("%s: precision %.3f (%d of %d matched), coverage %.3f (of %d in scope)%n", set,
                score.precision(), score.matchedCorrectly(), score.matched(), score.coverage(), score.inScope());
        score.misses().forEach(System.out::println);
        assertTrue(score.precision() >= 0.98, "precision " + score.precision() + "\n" + String.join("\n",
                score.misses()));
        assertTrue(score.coverage() >= 0.85, "coverage " + score.coverage() + "\n" + String.join("\n",
                score.misses()));
    }
}
