package dev.mynah.actions.route;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mynah.actions.InstalledApps;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/** Turns the text captured by a phrase into typed action arguments, or says why it cannot. */
final class Slots {
    private static final Pattern APP_WRAPPING = Pattern.compile(
            "^(?:the|my|an?)\\s+|^(?:app|application|program)\\s+|(?:\\s+|(?<=\\p{IsHan}))(?:app|application|program)$"
                    + "|\\s+(?:now|again|too|as well|for (?:now|a (?:bit|while|sec|second|minute|moment)"
                    + "|the moment|the time being)|temporarily)$|,?\\s+(?:because |since |as )?(?:it's|it is|its)"
                    + " (?:frozen|stuck|hung|hanging|crashed|locked up|not responding|unresponsive)(?: again)?$"
                    + "|(?:这个|那个)"
                    + "|(?:应用程序|应用|软件|程序)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** "hide this", "close it": the app in front, which these phrasings cannot name, so they are not a match. */
    private static final Pattern PRONOUN = Pattern.compile("this|that|it|this one|that one|this window|everything"
            + "|all|这个|那个|它", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /**
     * "open the bbc news website", "open the report from my desktop": a name that says it is a website or a file is
     * not an app, so when no app has it the user is not told that an app is missing; the LLM gets it instead.
     */
    private static final Pattern NOT_AN_APP = Pattern.compile(".*\\b(?:website|web site|site|webpage|web page"
            + "|homepage|home page|file|folder|document|pdf)\\b.*|.*\\b(?:from|in|on) (?:my|the) (?:desktop|documents"
            + "|downloads)\\b.*|.*(?:网站|官网|网页|主页|文件|文档).*", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Words that name a way of calling, which a recipient swallowed when its phrasing did not expect them. */
    private static final Pattern CALL_WORDS = Pattern.compile(".*(?:\\b(?:facetime|face time|audio|video|call|phone)\\b"
            + "|电话|语音|视频|通话|音频).*", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final int MAX_TEXT = 200;

    private final InstalledApps apps;
    private final Clock clock;

    Slots(InstalledApps apps, Clock clock) {
        this.apps = apps;
        this.clock = clock;
    }

    static ObjectNode arguments() {
        return JsonNodeFactory.instance.objectNode();
    }

    static FastPathResult matched(String action, ObjectNode arguments) {
        return new FastPathResult.Matched(new Call(action, arguments), "");
    }

    static FastPathResult rejected(String action, String reply) {
        return new FastPathResult.Rejected(action, reply);
    }

    /**
     * An installed app by its spoken name. {@code certain} phrasings ("open X", "quit X") name an app for sure,
     * so an unknown name is rejected with a reply, unless it says it is a website or a file; loose ones ("go to X",
     * "close X") just do not match.
     */
    FastPathResult app(String action, String spoken, boolean certain) {
        String name = spoken.strip();
        for (String previous = ""; !previous.equals(name); ) {
            previous = name;
            name = APP_WRAPPING.matcher(name).replaceAll("").strip();
        }
        if (name.isEmpty() || name.length() > 60 || name.split("\\s+").length > 4 || PRONOUN.matcher(name).matches()) {
            return FastPathResult.NO_MATCH;
        }
        Optional<InstalledApps.App> app = apps.match(name);
        if (app.isPresent()) {
            return matched(action, arguments().put("app", app.get().name()));
        }
        return certain && !NOT_AN_APP.matcher(name).matches()
                ? rejected(action, "I couldn't find an app called " + name + ".") : FastPathResult.NO_MATCH;
    }

    /**
     * "open youtube", "打开百度": the installed app of that name, else the well-known website of that name, else as
     * {@link #app} says for a certain phrasing.
     */
    FastPathResult appOrWebsite(String spoken) {
        FastPathResult app = app("open_app", spoken, true);
        if (app instanceof FastPathResult.Matched) {
            return app;
        }
        return KnownWebsites.address(spoken).map(url -> matched("open_url", arguments().put("url", url))).orElse(app);
    }

    /** Whether {@code spoken} names an installed app, so that "take me to chrome" is not read as a place. */
    boolean installed(String spoken) {
        return app("open_app", spoken, false) instanceof FastPathResult.Matched;
    }

    /**
     * The app {@code spoken} when it is installed ("system settings" on a Mac), else {@code otherwise}: the same
     * words then mean what the catalogue offers without it.
     */
    FastPathResult appOr(String action, String spoken, FastPathResult otherwise) {
        FastPathResult app = app(action, spoken, false);
        return app instanceof FastPathResult.Matched ? app : otherwise;
    }

    /** A level from 0 to 100 (volume, brightness); {@code what} names it in the reply when it is out of range. */
    static FastPathResult level(String action, String spoken, String what) {
        String plain = spoken.strip().toLowerCase(Locale.ROOT);
        OptionalDouble value = switch (plain) {
            case "max", "maximum", "full", "up", "最大", "最高", "最亮" -> OptionalDouble.of(100);
            case "min", "minimum", "down", "最小", "最低", "最暗" -> OptionalDouble.of(0);
            default -> SpokenNumber.parse(plain);
        };
        if (value.isEmpty()) {
            return rejected(action, "I didn't catch a number in \"" + spoken.strip() + "\"; say a " + what
                    + " level from 0 to 100.");
        }
        long level = Math.round(value.getAsDouble());
        if (level < 0 || level > 100) {
            return rejected(action, Character.toUpperCase(what.charAt(0)) + what.substring(1)
                    + " goes from 0 to 100 percent.");
        }
        return matched(action, arguments().put("level", level));
    }

    /** A volume step ("by 20"); absent means the action's default. */
    static FastPathResult step(String action, String spoken) {
        if (spoken == null) {
            return matched(action, arguments());
        }
        OptionalDouble value = SpokenNumber.parse(spoken);
        if (value.isEmpty()) {
            return rejected(action, "I didn't catch a number in \"" + spoken.strip() + "\"; say how much, from 1 to"
                    + " 100 percent.");
        }
        long by = Math.round(value.getAsDouble());
        if (by < 1 || by > 100) {
            return rejected(action, "The volume can change by 1 to 100 percent at a time.");
        }
        return matched(action, arguments().put("by", by));
    }

    /** A timer length; {@code certain} phrasings reject a length they cannot read instead of passing on it. */
    static FastPathResult timer(String spoken, String label, boolean certain) {
        Optional<Duration> duration = SpokenDuration.parse(spoken);
        if (duration.isEmpty()) {
            return certain ? rejected("set_timer", "I didn't catch how long; say something like \"5 minutes\".")
                    : FastPathResult.NO_MATCH;
        }
        long seconds = Math.round(duration.get().toMillis() / 1000.0);
        if (seconds < 1 || seconds > 86_400) {
            return rejected("set_timer", "A timer can run from 1 second to 24 hours.");
        }
        ObjectNode arguments = arguments().put("seconds", seconds);
        if (label != null) {
            Optional<String> text = text(label);
            if (text.isEmpty()) {
                return FastPathResult.NO_MATCH;
            }
            arguments.put("label", text.get());
        }
        return matched("set_timer", arguments);
    }

    static FastPathResult reminder(String text, LocalDateTime due) {
        return text(text).map(t -> matched("create_reminder", arguments().put("text", t)
                .put("due", due.format(SpokenTime.ISO_MINUTES)))).orElse(FastPathResult.NO_MATCH);
    }

    Optional<LocalDateTime> time(String spoken) {
        return SpokenTime.parse(spoken, clock);
    }

    /**
     * Music to play: {@code kind} and {@code player} only when the user named them, else the action's defaults;
     * any player named other than Spotify ("apple music", "音乐") is the Music app.
     */
    static FastPathResult music(String query, String kind, String player) {
        Optional<String> text = text(query);
        if (text.isEmpty()) {
            return FastPathResult.NO_MATCH;
        }
        ObjectNode arguments = arguments().put("query", text.get());
        if (kind != null) {
            arguments.put("kind", kind);
        }
        if (player != null) {
            arguments.put("player", player.equalsIgnoreCase("spotify") ? "spotify" : "music");
        }
        return matched("play_music", arguments);
    }

    /** A message to a name of at most three words. */
    static FastPathResult message(String to, String text) {
        Optional<String> recipient = text(to).filter(t -> t.split(" ").length <= 3);
        Optional<String> body = text(text);
        return recipient.isPresent() && body.isPresent()
                ? matched("send_message", arguments().put("to", recipient.get()).put("text", body.get()))
                : FastPathResult.NO_MATCH;
    }

    /** A FaceTime call to a name of at most three words, which never holds a word for the kind of call. */
    static FastPathResult facetime(String to, boolean audioOnly) {
        Optional<String> recipient = text(to).filter(t -> t.split(" ").length <= 3 && !CALL_WORDS.matcher(t).matches());
        if (recipient.isEmpty()) {
            return FastPathResult.NO_MATCH;
        }
        ObjectNode arguments = arguments().put("to", recipient.get());
        if (audioOnly) {
            arguments.put("audio_only", true);
        }
        return matched("facetime_call", arguments);
    }

    /** A conversion between two different units; a whole amount is written as an integer. */
    static FastPathResult conversion(double value, String from, String to) {
        if (from.equals(to)) {
            return FastPathResult.NO_MATCH;
        }
        ObjectNode arguments = arguments();
        if (value == Math.rint(value) && Math.abs(value) < 1e12) {
            arguments.put("value", (long) value);
        } else {
            arguments.put("value", value);
        }
        return matched("convert_units", arguments.put("from", from).put("to", to));
    }

    /** Free text for a string argument: trimmed, non-empty, within the usual length limit. */
    static Optional<String> text(String spoken) {
        if (spoken == null) {
            return Optional.empty();
        }
        String text = spoken.strip();
        return text.isEmpty() || text.length() > MAX_TEXT ? Optional.empty() : Optional.of(text);
    }

    /** One free-text argument, or no match when the text is empty or too long. */
    static FastPathResult textArgument(String action, String name, String spoken) {
        return text(spoken).map(t -> matched(action, arguments().put(name, t))).orElse(FastPathResult.NO_MATCH);
    }
}
