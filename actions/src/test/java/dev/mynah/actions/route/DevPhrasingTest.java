package dev.mynah.actions.route;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The development phrasings, which the patterns are tuned against: every line must route as labelled. */
class DevPhrasingTest {
    @Test
    void everyDevelopmentPhrasingRoutesAsLabelled() throws Exception {
        PhrasingSet.Score score = PhrasingSet.load("dev-phrasings.tsv").score(RouterFixture.router());
        score.misses().forEach(System.out::println);
        assertEquals("", String.join("\n", score.misses()));
    }
}
