package dev.mynah.actions.route;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects phrases, compiling each pattern once. Patterns are written against the normalised utterance (single
 * spaces, no surrounding punctuation, any case) and may use the shorthands {@code {n}} for an English number,
 * {@code {cn}} for a Chinese one and {@code {whats}} for "what's", "what is" or "whats".
 */
final class PhraseList {
    private final List<Phrase> phrases = new ArrayList<>();

    static Pattern compile(String pattern) {
        String expanded = pattern.replace("{n}", SpokenNumber.ENGLISH)
                .replace("{cn}", SpokenNumber.CHINESE)
                .replace("{whats}", "(?:what's|what is|whats)");
        return Pattern.compile(expanded, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** A phrase with no arguments. */
    PhraseList add(String action, String pattern) {
        return add(action, pattern, m -> Slots.matched(action, Slots.arguments()));
    }

    /** A phrase whose arguments are fixed: {@code set_wifi} with mode "on". */
    PhraseList add(String action, String pattern, String argument, String value) {
        return add(action, pattern, m -> Slots.matched(action, Slots.arguments().put(argument, value)));
    }

    PhraseList add(String action, String pattern, Phrase.Fill fill) {
        phrases.add(new Phrase(action, pattern, compile(pattern), fill, false));
        return this;
    }

    /** A catch-all phrasing that any specific phrase overrides. */
    PhraseList generic(String action, String pattern, Phrase.Fill fill) {
        phrases.add(new Phrase(action, pattern, compile(pattern), fill, true));
        return this;
    }

    List<Phrase> phrases() {
        return List.copyOf(phrases);
    }

    /** The first named group among {@code names} that captured something (alternatives use numbered names). */
    static String first(Matcher m, String... names) {
        Map<String, Integer> groups = m.pattern().namedGroups();
        for (String name : names) {
            if (groups.containsKey(name) && m.group(name) != null) {
                return m.group(name);
            }
        }
        return null;
    }
}
