package dev.mynah.actions.route;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One phrasing of one command: a pattern ({@code source} as written, compiled once) matched against the whole
 * normalised utterance, and how its named groups become arguments. A generic phrase ("open {app}") gives way
 * to any specific one ("open sound settings").
 */
record Phrase(String action, String source, Pattern pattern, Fill fill, boolean generic) {
    /** Reads the captured slots; a {@link FastPathResult.NoMatch} means this phrasing does not apply after all. */
    @FunctionalInterface
    interface Fill {
        FastPathResult fill(Matcher matcher);
    }
}
