package dev.mynah.actions.route;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A moment as people say it when setting a reminder or an event, resolved against a clock: "at 5 pm",
 * "tomorrow at 9", "at 17:30", "in 20 minutes", "on friday at noon", "下午三点", "明天早上八点", "周五下午三点",
 * "明天早上", "十分钟后".
 * A bare hour without am or pm means its next occurrence ("at 5" at 10:00 is 17:00 today).
 */
public final class SpokenTime {
    /** How the result is written into action arguments: ISO-8601 local date-time to the minute. */
    public static final DateTimeFormatter ISO_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private static final String HOUR_WORD = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";
    private static final String DAY = "today|tomorrow|tonight|the day after tomorrow"
            + "|(?:on\\s+|next\\s+|this\\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
    private static final String PERIOD = "(?:this\\s+|in\\s+the\\s+|at\\s+)?(?:morning|afternoon|evening|night)";
    private static final String CLOCK = "(?:(?<noon>noon|midday)|(?<midnight>midnight)"
            + "|half\\s+past\\s+(?<halfPast>\\d{1,2}|" + HOUR_WORD + ")"
            + "|quarter\\s+(?<quarter>past|to)\\s+(?<quarterHour>\\d{1,2}|" + HOUR_WORD + ")"
            + "|(?<hour>\\d{1,2}|" + HOUR_WORD + ")(?:(?::|\\s+)(?<minute>\\d{2}|oh\\s+\\w+|" + SpokenNumber.ENGLISH
            + "))??)\\s*(?<ampm>a\\.?m\\.?|p\\.?m\\.?|o'?\\s*clock)?";
    private static final Pattern ENGLISH_AT = Pattern.compile("(?:(?<day>" + DAY + ")\\s+)?(?:(?<period>" + PERIOD
            + ")\\s+)?(?<at>at\\s+)?(?:" + CLOCK + ")(?:\\s+(?<period2>" + PERIOD + "))?(?:\\s+(?<day2>" + DAY + "))?");
    private static final Pattern ENGLISH_DAY = Pattern.compile("(?<day>" + DAY + ")(?:\\s+(?<period>" + PERIOD + "))?");
    private static final Pattern ENGLISH_IN = Pattern.compile("in\\s+(?<duration>.+)");
    private static final String HAN_NUMBER = "[0-9零〇一二两三四五六七八九十]+";
    private static final String HAN_DAY = "今天|明天|后天|今晚|明晚|(?<next>下个?|这个?|本)?(?:周|星期|礼拜)(?<weekday>[一二三四五六日天])";
    private static final String HAN_PERIOD = "早上|早晨|上午|中午|下午|晚上|傍晚|凌晨";
    private static final Pattern CHINESE_AT = Pattern.compile("(?<day>" + HAN_DAY + ")?(?<period>" + HAN_PERIOD + ")?"
            + "(?<hour>" + HAN_NUMBER + ")(?:点|:|：)(?:(?<half>半)|(?<quarter>一刻|三刻)|(?<minute>" + HAN_NUMBER
            + ")分?)?");
    private static final Pattern CHINESE_DAY = Pattern.compile("(?<day>" + HAN_DAY + ")(?<period>" + HAN_PERIOD + ")?");
    private static final Pattern CHINESE_IN = Pattern.compile("(?<duration>.+?)(?:以后|之后|后)");

    private SpokenTime() {
    }

    /** The moment {@code text} names, relative to now on {@code clock}; empty when unsure. */
    public static Optional<LocalDateTime> parse(String text, Clock clock) {
        if (text == null || text.isBlank() || text.length() > 100) {
            return Optional.empty();
        }
        String plain = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);
        boolean han = SpokenNumber.hasChinese(plain);
        return han ? chinese(plain.replace(" ", ""), now) : english(plain, now);
    }

    private static Optional<LocalDateTime> english(String text, LocalDateTime now) {
        Matcher in = ENGLISH_IN.matcher(text);
        if (in.matches()) {
            return SpokenDuration.parse(in.group("duration")).map(d -> now.plus(round(d)));
        }
        Matcher at = ENGLISH_AT.matcher(text);
        if (at.matches()) {
            String day = at.group("day") != null ? at.group("day") : at.group("day2");
            String period = at.group("period") != null ? at.group("period") : at.group("period2");
            if (at.group("day") != null && at.group("day2") != null
                    || at.group("period") != null && at.group("period2") != null) {
                return Optional.empty();
            }
            Optional<LocalTime> time = englishClock(at);
            if (time.isEmpty()) {
                return Optional.empty();
            }
            boolean explicitHalfOfDay = at.group("noon") != null || at.group("midnight") != null
                    || at.group("ampm") != null && !at.group("ampm").contains("clock")
                    || time.get().getHour() >= 13 || time.get().getHour() == 0 && at.group("hour") != null;
            // A bare number is only a time when something says so: "at", a day, a period or am/pm.
            if (at.group("at") == null && day == null && period == null && !explicitHalfOfDay) {
                return Optional.empty();
            }
            return resolve(now, day == null ? null : englishDay(day, now), englishPeriod(day, period),
                    time.get(), explicitHalfOfDay, at.group("ampm") != null && at.group("ampm").startsWith("p"));
        }
        Matcher dayOnly = ENGLISH_DAY.matcher(text);
        if (dayOnly.matches()) {
            LocalDate date = englishDay(dayOnly.group("day"), now);
            Period period = englishPeriod(dayOnly.group("day"), dayOnly.group("period"));
            LocalDateTime result = date.atTime(period == null ? LocalTime.of(9, 0) : period.usual);
            return result.isAfter(now) ? Optional.of(result) : Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<LocalTime> englishClock(Matcher at) {
        if (at.group("noon") != null) {
            return Optional.of(LocalTime.NOON);
        }
        if (at.group("midnight") != null) {
            return Optional.of(LocalTime.MIDNIGHT);
        }
        if (at.group("halfPast") != null) {
            return hourOf(at.group("halfPast")).map(h -> LocalTime.of(h % 12, 30));
        }
        if (at.group("quarterHour") != null) {
            return hourOf(at.group("quarterHour")).map(h -> at.group("quarter").equals("past")
                    ? LocalTime.of(h % 12, 15) : LocalTime.of((h + 11) % 12, 45));
        }
        Optional<Integer> hour = hourOf(at.group("hour"));
        int minute = 0;
        if (at.group("minute") != null) {
            String spoken = at.group("minute").replaceFirst("^oh\\s+", "");
            OptionalDouble value = SpokenNumber.parse(spoken);
            if (value.isEmpty() || value.getAsDouble() != Math.rint(value.getAsDouble()) || value.getAsDouble() > 59
                    || spoken.contains("%") || spoken.contains("per")) {
                return Optional.empty();
            }
            minute = (int) value.getAsDouble();
        }
        String ampm = at.group("ampm");
        int m = minute;
        return hour.filter(h -> h <= 23 && (ampm == null || ampm.contains("clock") || h >= 1 && h <= 12))
                .map(h -> {
                    if (ampm != null && ampm.startsWith("p")) {
                        return LocalTime.of(h % 12 + 12, m);
                    }
                    if (ampm != null && ampm.startsWith("a")) {
                        return LocalTime.of(h % 12, m);
                    }
                    return LocalTime.of(h, m);
                });
    }

    private static Optional<Integer> hourOf(String spoken) {
        OptionalDouble value = SpokenNumber.parse(spoken);
        if (value.isEmpty() || value.getAsDouble() != Math.rint(value.getAsDouble()) || value.getAsDouble() > 23) {
            return Optional.empty();
        }
        return Optional.of((int) value.getAsDouble());
    }

    private static LocalDate englishDay(String day, LocalDateTime now) {
        String plain = day.replaceFirst("^(on|next|this)\\s+", "");
        return switch (plain) {
            case "today", "tonight" -> now.toLocalDate();
            case "tomorrow" -> now.toLocalDate().plusDays(1);
            case "the day after tomorrow" -> now.toLocalDate().plusDays(2);
            default -> now.toLocalDate().with(TemporalAdjusters.next(DayOfWeek.valueOf(plain.toUpperCase(Locale.ROOT))));
        };
    }

    /** Parts of the day, each with the hour a reminder without a time gets and whether clock hours are pm. */
    private enum Period {
        MORNING(LocalTime.of(9, 0), false), NOON(LocalTime.NOON, true), AFTERNOON(LocalTime.of(15, 0), true),
        EVENING(LocalTime.of(19, 0), true), SMALL_HOURS(LocalTime.of(3, 0), false);

        final LocalTime usual;
        final boolean pm;

        Period(LocalTime usual, boolean pm) {
            this.usual = usual;
            this.pm = pm;
        }
    }

    private static Period englishPeriod(String day, String period) {
        if (period == null) {
            return day != null && day.equals("tonight") ? Period.EVENING : null;
        }
        if (period.endsWith("morning")) {
            return Period.MORNING;
        }
        return period.endsWith("afternoon") ? Period.AFTERNOON : Period.EVENING;
    }

    /**
     * Puts a clock time on a day. Without am/pm or a period, an hour from 1 to 11 is its next occurrence today,
     * or on a named day the waking-hours reading (1 to 6 are afternoon).
     */
    private static Optional<LocalDateTime> resolve(LocalDateTime now, LocalDate day, Period period, LocalTime time,
                                                   boolean explicit, boolean pm) {
        LocalTime clockTime = time;
        if (!explicit && period != null) {
            if (period.pm && time.getHour() < 12 && !(period == Period.NOON && time.getHour() > 2)) {
                clockTime = time.plusHours(12);
            }
        } else if (!explicit && time.getHour() >= 1 && time.getHour() <= 11) {
            if (day == null) {
                LocalDateTime morning = now.toLocalDate().atTime(time);
                LocalDateTime evening = morning.plusHours(12);
                if (morning.isAfter(now)) {
                    return Optional.of(morning);
                }
                return Optional.of(evening.isAfter(now) ? evening : morning.plusDays(1).plusHours(
                        time.getHour() <= 6 ? 12 : 0));
            }
            if (time.getHour() <= 6) {
                clockTime = time.plusHours(12);
            }
        }
        if (pm && clockTime.getHour() < 12) {
            clockTime = clockTime.plusHours(12);
        }
        if (day != null) {
            LocalDateTime result = day.atTime(clockTime);
            return result.isAfter(now) ? Optional.of(result) : Optional.empty();
        }
        LocalDateTime today = now.toLocalDate().atTime(clockTime);
        return Optional.of(today.isAfter(now) ? today : today.plusDays(1));
    }

    private static Optional<LocalDateTime> chinese(String text, LocalDateTime now) {
        Matcher in = CHINESE_IN.matcher(text);
        if (in.matches()) {
            return SpokenDuration.parse(in.group("duration")).map(d -> now.plus(round(d)));
        }
        Matcher dayOnly = CHINESE_DAY.matcher(text);
        if (dayOnly.matches()) {
            Period period = chinesePeriod(dayOnly.group("day"), dayOnly.group("period"));
            LocalDateTime result = chineseDay(dayOnly, now).atTime(period == null ? LocalTime.of(9, 0) : period.usual);
            return result.isAfter(now) ? Optional.of(result) : Optional.empty();
        }
        Matcher at = CHINESE_AT.matcher(text);
        if (!at.matches()) {
            return Optional.empty();
        }
        Optional<Integer> hour = hourOf(at.group("hour"));
        int minute = 0;
        if (at.group("half") != null) {
            minute = 30;
        } else if (at.group("quarter") != null) {
            minute = at.group("quarter").equals("一刻") ? 15 : 45;
        } else if (at.group("minute") != null) {
            OptionalDouble value = SpokenNumber.parse(at.group("minute"));
            if (value.isEmpty() || value.getAsDouble() > 59) {
                return Optional.empty();
            }
            minute = (int) value.getAsDouble();
        }
        if (hour.isEmpty()) {
            return Optional.empty();
        }
        LocalDate date = at.group("day") == null ? null : chineseDay(at, now);
        Period period = chinesePeriod(at.group("day"), at.group("period"));
        LocalTime time = LocalTime.of(hour.get(), minute);
        return resolve(now, date, period, time, period == Period.MORNING || period == Period.SMALL_HOURS
                || hour.get() >= 13, false);
    }

    /** 今天, 明天, 后天, 周五 (the next Friday), 下周一 (Monday of next week). */
    private static LocalDate chineseDay(Matcher m, LocalDateTime now) {
        LocalDate today = now.toLocalDate();
        if (m.group("weekday") != null) {
            DayOfWeek weekday = DayOfWeek.of("一二三四五六日".indexOf(m.group("weekday").replace('天', '日')) + 1);
            return m.group("next") != null && m.group("next").startsWith("下")
                    ? today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).with(TemporalAdjusters.nextOrSame(weekday))
                    : today.with(TemporalAdjusters.next(weekday));
        }
        return switch (m.group("day")) {
            case "明天", "明晚" -> today.plusDays(1);
            case "后天" -> today.plusDays(2);
            default -> today;
        };
    }

    private static Period chinesePeriod(String day, String period) {
        String said = period != null ? period : day != null && day.endsWith("晚") ? "晚上" : "";
        return switch (said) {
            case "早上", "早晨", "上午" -> Period.MORNING;
            case "中午" -> Period.NOON;
            case "下午" -> Period.AFTERNOON;
            case "晚上", "傍晚" -> Period.EVENING;
            case "凌晨" -> Period.SMALL_HOURS;
            default -> null;
        };
    }

    private static Duration round(Duration duration) {
        return Duration.ofMinutes(Math.max(1, Math.round(duration.toSeconds() / 60.0)));
    }
}
