package dev.mynah.actions.route;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A length of time as people say it: "5 minutes", "an hour and a half", "90 seconds", "one minute thirty",
 * "2 hours 15 minutes", "五分钟", "一个半小时", "半小时", "一小时二十分钟".
 */
public final class SpokenDuration {
    private static final String UNIT = "(?<unit>hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)";
    /** One "number unit" part, optionally "and a half", optionally introduced by "and". */
    private static final Pattern ENGLISH_PART = Pattern.compile("\\G\\s*(?:and\\s+)?(?:(?<half>half\\s+an?)\\s+"
            + UNIT + "|(?<number>" + SpokenNumber.ENGLISH + ")\\s*" + UNIT.replace("unit", "unit2")
            + "(?<andHalf>\\s+and\\s+a\\s+half)?)(?![a-z])");
    private static final Pattern TRAILING_NUMBER = Pattern.compile("\\G\\s*(?:and\\s+)?(?<number>"
            + SpokenNumber.ENGLISH + ")\\s*$");
    private static final String HAN_NUMBER = "[0-9.零〇一二两三四五六七八九十百千万点]+";
    private static final Pattern CHINESE = Pattern.compile("(?:(?:(?<hours>" + HAN_NUMBER + ")个?(?<hoursHalf>半)?"
            + "|(?<halfHour>半)个?)(?:小时|钟头))?(?:(?<minutes>" + HAN_NUMBER + ")分钟?(?<minutesHalf>半)?"
            + "|(?<halfMinute>半)分钟)?(?:(?<seconds>" + HAN_NUMBER + ")秒钟?)?");
    private static final List<Long> SECONDS_PER_UNIT = List.of(3600L, 60L, 1L);

    private SpokenDuration() {
    }

    /** The duration {@code text} names, or empty when it is not one (or is zero). */
    public static Optional<Duration> parse(String text) {
        if (text == null || text.isBlank() || text.length() > 100) {
            return Optional.empty();
        }
        String plain = text.strip().toLowerCase(Locale.ROOT);
        Optional<Double> seconds = SpokenNumber.hasChinese(plain)
                ? chinese(plain.replaceAll("\\s+", "")) : english(plain);
        return seconds.filter(s -> s > 0).map(s -> Duration.ofMillis(Math.round(s * 1000)));
    }

    private static Optional<Double> english(String text) {
        Matcher part = ENGLISH_PART.matcher(text);
        double total = 0;
        int end = 0;
        int lastUnit = -1;
        while (part.find() && part.start() == end) {
            end = part.end();
            double amount;
            int unit;
            if (part.group("half") != null) {
                amount = 0.5;
                unit = unitIndex(part.group("unit"));
            } else {
                String spoken = part.group("number").strip();
                OptionalDouble number = spoken.equals("a") || spoken.equals("an") ? OptionalDouble.of(1)
                        : SpokenNumber.parse(spoken);
                if (number.isEmpty() || spoken.contains("%") || spoken.contains("per")) {
                    return Optional.empty();
                }
                amount = number.getAsDouble() + (part.group("andHalf") != null ? 0.5 : 0);
                unit = unitIndex(part.group("unit2"));
            }
            if (unit <= lastUnit) {
                return Optional.empty();
            }
            lastUnit = unit;
            total += amount * SECONDS_PER_UNIT.get(unit);
        }
        if (lastUnit < 0) {
            return Optional.empty();
        }
        if (end < text.length()) {
            // "one minute thirty": a bare number after the last unit counts in the next smaller unit.
            Matcher trailing = TRAILING_NUMBER.matcher(text);
            if (lastUnit == 2 || !trailing.find(end)) {
                return Optional.empty();
            }
            OptionalDouble number = SpokenNumber.parse(trailing.group("number"));
            if (number.isEmpty() || number.getAsDouble() >= 60) {
                return Optional.empty();
            }
            total += number.getAsDouble() * SECONDS_PER_UNIT.get(lastUnit + 1);
        }
        return Optional.of(total);
    }

    private static int unitIndex(String unit) {
        return switch (unit.charAt(0)) {
            case 'h' -> 0;
            case 'm' -> 1;
            default -> 2;
        };
    }

    private static Optional<Double> chinese(String text) {
        Matcher m = CHINESE.matcher(text);
        if (!m.matches() || text.isEmpty()) {
            return Optional.empty();
        }
        double total = 0;
        try {
            total += amount(m.group("hours"), m.group("hoursHalf"), m.group("halfHour")) * 3600;
            total += amount(m.group("minutes"), m.group("minutesHalf"), m.group("halfMinute")) * 60;
            total += amount(m.group("seconds"), null, null);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(total);
    }

    private static double amount(String number, String andHalf, String halfAlone) {
        if (halfAlone != null) {
            return 0.5;
        }
        if (number == null) {
            return 0;
        }
        OptionalDouble value = SpokenNumber.parse(number);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(number);
        }
        return value.getAsDouble() + (andHalf != null ? 0.5 : 0);
    }
}
