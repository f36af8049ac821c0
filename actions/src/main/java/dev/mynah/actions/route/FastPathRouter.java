package dev.mynah.actions.route;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mynah.actions.InstalledApps;

import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deterministic fast path: recognises common commands in English and Chinese from anchored phrase patterns
 * with typed slots, without the LLM. It only answers when it is sure; anything else is {@link FastPathResult.NoMatch}
 * and goes to the LLM, because a wrong action is worse than a slower right one.
 */
public final class FastPathRouter {
    /** Longer input is dictation or a paste, not a command: it goes to the LLM without being scanned. */
    private static final int MAX_UTTERANCE = 1000;
    private static final int MAX_NORMALISED = 500;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern SPACE_NEXT_TO_HAN = Pattern.compile(" (?=\\p{IsHan})|(?<=\\p{IsHan}) ");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\s,.!?;:。！？，、…~～\"“”]+|[\\s,.!?;:。！？，、…~～\"“”]+$");
    private static final Pattern LEADING_WRAPPER = Pattern.compile("^(?:(?:hey|hi|hello|ok|okay|yo)[ ,]+mynah|mynah"
            + "|please|kindly|can you|could you|would you|will you|can u|go ahead and|i need you to"
            + "|i want you to|i'd like you to|just|hey|ok|okay|um|uh|so)(?:[ ,]+|$)|^(?:请你?|麻烦你?|帮我|帮忙|给我"
            + "|你能不能|能不能|可不可以|你可以|可以)", Pattern.CASE_INSENSITIVE);
    /** "would you mind quitting zoom": the gerund becomes the command verb, "quit zoom". */
    private static final Pattern MIND = Pattern.compile("^(?:would|do) you mind(?: |$)", Pattern.CASE_INSENSITIVE);
    private static final Map<String, String> GERUNDS = gerunds("open close quit launch start turn set put make take"
            + " play pause skip mute unmute lock hide show switch read send text call email write type copy search"
            + " look find check empty restart reboot shut raise lower dim minimize maximize create add schedule remind"
            + " tell give bring get run stop repeat convert calculate enable disable toggle go jump grab capture"
            + " navigate snap move force");
    /**
     * A wish ("i'd like to open the photos app") is routed like the command it wraps, but only a sure match
     * counts: "i'd like to open a restaurant" must reach the LLM, not be told there is no such app.
     */
    private static final Pattern WISH = Pattern.compile("^(?:i'd like to|i would like to|i want to|i wanna"
            + "|i'd love to|let me|let's)\\s+|^(?:我想要|我要|我想(?!听))", Pattern.CASE_INSENSITIVE);
    private static final Pattern TRAILING_WRAPPER = Pattern.compile("[ ,]+(?:please|thanks|thank you|thanks a lot"
            + "|thank you very much|for me|mynah|right now|real quick)$|(?:谢谢你?|谢啦|好吗|好不好|可以吗|行吗|吧|呀|啊|呢|哦|嘛)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9_]*)}");
    /** "firefox please", "终端，谢谢": a politeness word at either end turns a bare app name into "open" it. */
    private static final Pattern POLITE = Pattern.compile("^[\\p{P}\\s]*(?:please\\b|请)|(?:\\bplease|\\bthanks"
            + "|\\bthank you|谢谢|谢啦)[\\p{P}\\s]*$", Pattern.CASE_INSENSITIVE);
    /**
     * "i'm heading out lock the computer": a remark about the moment before the command. It starts like a statement
     * ("it's", "i'm", "i want to") and cannot end where a sentence goes on: after "to", a modal, a pronoun or an
     * article ("i'm going to play tennis", "i think i should quit my job", "it's the next one").
     */
    private static final Pattern REMARK = Pattern.compile("^(?:it's|it is|its|i'm|i am|im|i want to|i wanna|i need to"
            + "|i have to|i've got to|i gotta|we're|we are|this is|that's|there's) ", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNFINISHED = Pattern.compile("(?:^|\\s)(?:to|gonna|going|gotta|wanna|will|would|should"
            + "|could|can|might|must|not|don't|can't|won't|i|you|we|they|he|she|it|the|a|an|my|your|this|that|his"
            + "|her|their|our|some|any|let|or|if|when|because|about|than|like|of|for|with|without|in|into|on|at|from"
            + "|by|over|under|is|are|was|were|be|been|am|say|says|said|tell|tells|told|think|thinks|mean|means"
            + "|call|calls|called|read|reads|show|shows),?$", Pattern.CASE_INSENSITIVE);
    /** "it's annoying when people lock the screen": after a subordinate word the rest belongs to that clause. */
    private static final Pattern SUBORDINATE = Pattern.compile("\\b(?:when|whenever|if|because|that|who|which|while"
            + "|where|how|what|why|since|until|unless|whether)\\b", Pattern.CASE_INSENSITIVE);
    private static final int MAX_REMARK_WORDS = 12;
    /**
     * After a remark only a command whose arguments are all closed (an installed app, a number, a fixed choice) is
     * trusted: free text such as a song or a message would be the tail of a sentence ("we're just going to play it
     * by ear"), not something the user asked for.
     */
    private static final Set<String> CLOSED_ARGUMENTS = Set.of("app", "level", "by", "mode", "pane", "side", "area",
            "seconds", "folder");

    private final Slots slots;
    private final List<Phrase> english;
    private final List<Phrase> chinese;
    private volatile List<Phrase> userPhrases = List.of();

    public FastPathRouter(InstalledApps apps, Clock clock) {
        this.slots = new Slots(Objects.requireNonNull(apps, "apps"), Objects.requireNonNull(clock, "clock"));
        this.english = EnglishPhrases.phrases(slots);
        this.chinese = ChinesePhrases.phrases(slots);
    }

    /**
     * Routes one utterance. User phrases come first, then the built-in specific phrasings, then the catch-all
     * ones ("open {app}"); two different calls on the same level make it ambiguous, and ambiguity is no match.
     * A recognised command with an unusable slot is rejected only when nothing matched outright; a wish ("i'd like
     * to ...") is never rejected, only matched or passed on. When nothing matched, a command after a remark
     * ("it's too dark in here brightness to 80") and a bare app name said politely ("firefox please") are tried.
     */
    public FastPathResult route(String utterance) {
        if (utterance == null || utterance.length() > MAX_UTTERANCE) {
            return FastPathResult.NO_MATCH;
        }
        String text = normalize(utterance);
        if (text.isEmpty() || text.length() > MAX_NORMALISED) {
            return FastPathResult.NO_MATCH;
        }
        FastPathResult result = routeNormalised(text);
        if (result instanceof FastPathResult.Matched) {
            return result;
        }
        FastPathResult afterRemark = afterRemark(text);
        if (afterRemark instanceof FastPathResult.Matched) {
            return afterRemark;
        }
        if (result instanceof FastPathResult.NoMatch && POLITE.matcher(utterance.strip()).find()) {
            FastPathResult app = slots.app("open_app", text, false);
            if (app instanceof FastPathResult.Matched matched) {
                return new FastPathResult.Matched(matched.call(), "{polite app name}");
            }
        }
        return result;
    }

    private FastPathResult routeNormalised(String text) {
        Matcher wish = WISH.matcher(text);
        if (wish.lookingAt()) {
            String wished = normalize(text.substring(wish.end()));
            return !wished.isEmpty() && routeNormalised(wished) instanceof FastPathResult.Matched matched ? matched
                    : FastPathResult.NO_MATCH;
        }
        boolean han = SpokenNumber.hasChinese(text);
        Level user = new Level();
        Level specific = new Level();
        Level generic = new Level();
        for (Phrase phrase : userPhrases) {
            user.offer(phrase, text);
        }
        for (Phrase phrase : han ? chinese : english) {
            (phrase.generic() ? generic : specific).offer(phrase, text);
        }
        for (Level level : List.of(user, specific, generic)) {
            if (level.matched != null) {
                return level.ambiguous ? FastPathResult.NO_MATCH : level.matched;
            }
        }
        for (Level level : List.of(user, specific, generic)) {
            if (level.rejected != null) {
                return level.rejected;
            }
        }
        return FastPathResult.NO_MATCH;
    }

    /** The longest tail after a remark that is a whole command with closed arguments, or no match. */
    private FastPathResult afterRemark(String text) {
        Matcher opening = REMARK.matcher(text);
        if (!opening.lookingAt()) {
            return FastPathResult.NO_MATCH;
        }
        int words = 0;
        for (int space = text.indexOf(' ', opening.end()); space > 0 && words < MAX_REMARK_WORDS;
                space = text.indexOf(' ', space + 1), words++) {
            String remark = text.substring(0, space);
            if (SUBORDINATE.matcher(remark.substring(opening.end())).find()) {
                return FastPathResult.NO_MATCH;
            }
            String command = text.substring(space + 1);
            if (!UNFINISHED.matcher(remark).find() && command.indexOf(' ') > 0
                    && routeNormalised(command) instanceof FastPathResult.Matched matched
                    && matched.call().arguments().properties().stream()
                    .allMatch(argument -> CLOSED_ARGUMENTS.contains(argument.getKey()))) {
                return matched;
            }
        }
        return FastPathResult.NO_MATCH;
    }

    /**
     * Adds a user-defined phrasing for {@code action}: literal words with {@code {name}} placeholders, each of
     * which captures free text into the string argument {@code name} ("deploy {project} to staging").
     */
    public void addPhrase(String action, String phrase) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(phrase, "phrase");
        String text = normalize(phrase);
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the phrase for " + action + " is empty; write the words that should"
                    + " run it, e.g. \"deploy {project}\"");
        }
        StringBuilder regex = new StringBuilder();
        Map<String, String> groups = new LinkedHashMap<>();
        Matcher placeholder = PLACEHOLDER.matcher(text);
        int end = 0;
        while (placeholder.find()) {
            regex.append(literal(text.substring(end, placeholder.start())));
            String name = placeholder.group(1);
            String group = "slot" + groups.size();
            if (groups.put(name, group) != null) {
                throw new IllegalArgumentException("the phrase \"" + phrase + "\" uses {" + name + "} twice; each"
                        + " argument can be captured once");
            }
            regex.append("(?<").append(group).append(">.+?)");
            end = placeholder.end();
        }
        regex.append(literal(text.substring(end)));
        if (text.indexOf('{') >= 0 && groups.isEmpty() || text.replaceAll(PLACEHOLDER.pattern(), "").contains("{")) {
            throw new IllegalArgumentException("the phrase \"" + phrase + "\" has a placeholder that is not {name}"
                    + " with letters, digits and underscores");
        }
        Phrase.Fill fill = m -> {
            ObjectNode arguments = Slots.arguments();
            for (Map.Entry<String, String> slot : groups.entrySet()) {
                String value = m.group(slot.getValue()).strip();
                if (value.isEmpty()) {
                    return FastPathResult.NO_MATCH;
                }
                arguments.put(slot.getKey(), value);
            }
            return Slots.matched(action, arguments);
        };
        Pattern pattern = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        synchronized (this) {
            List<Phrase> more = new ArrayList<>(userPhrases);
            more.add(new Phrase(action, phrase, pattern, fill, false));
            userPhrases = List.copyOf(more);
        }
    }

    /** Each verb's "-ing" form, spelled the English way: "quit" "quitting", "close" "closing", "open" "opening". */
    private static Map<String, String> gerunds(String verbs) {
        Map<String, String> gerunds = new HashMap<>();
        for (String verb : verbs.split(" ")) {
            String stem = verb.endsWith("e") && !verb.endsWith("ee") ? verb.substring(0, verb.length() - 1)
                    : verb.matches("(?:quit|set|put|shut|run|stop|skip|get|dim|snap|grab)") ? verb
                    + verb.charAt(verb.length() - 1) : verb;
            gerunds.put(stem + "ing", verb);
        }
        return Map.copyOf(gerunds);
    }

    private static String literal(String words) {
        return words.isEmpty() ? "" : Pattern.quote(words);
    }

    /**
     * Case is kept (free text is passed on as said) but matching ignores it. Removes surrounding punctuation,
     * polite wrappers ("hey mynah", "could you", "please", "thanks", "请", "帮我", "谢谢") and spaces next to Chinese.
     */
    static String normalize(String utterance) {
        String text = Normalizer.normalize(utterance, Normalizer.Form.NFKC).replace('’', '\'').replace('‘', '\'');
        text = WHITESPACE.matcher(text).replaceAll(" ").strip();
        text = SPACE_NEXT_TO_HAN.matcher(text).replaceAll("");
        String previous;
        do {
            previous = text;
            text = EDGE_PUNCTUATION.matcher(text).replaceAll("");
            Matcher mind = MIND.matcher(text);
            if (mind.lookingAt()) {
                text = text.substring(mind.end());
                String first = text.split(" ", 2)[0];
                String verb = GERUNDS.get(first.toLowerCase(Locale.ROOT));
                if (verb != null) {
                    text = verb + text.substring(first.length());
                }
            }
            text = LEADING_WRAPPER.matcher(text).replaceFirst("");
            text = TRAILING_WRAPPER.matcher(text).replaceFirst("");
        } while (!text.equals(previous));
        return text;
    }

    /** The outcome of one priority level: the first match, whether another call disagreed, the first rejection. */
    private static final class Level {
        FastPathResult.Matched matched;
        boolean ambiguous;
        FastPathResult.Rejected rejected;

        void offer(Phrase phrase, String text) {
            Matcher matcher = phrase.pattern().matcher(text);
            if (!matcher.matches()) {
                return;
            }
            switch (phrase.fill().fill(matcher)) {
                case FastPathResult.Matched m -> {
                    if (matched == null) {
                        matched = new FastPathResult.Matched(m.call(), phrase.source());
                    } else if (!matched.call().action().equals(m.call().action())) {
                        ambiguous = true;
                    }
                }
                case FastPathResult.Rejected r -> {
                    if (rejected == null) {
                        rejected = r;
                    }
                }
                case FastPathResult.NoMatch n -> {
                }
            }
        }
    }
}
