package dev.mynah.actions.route;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * A number as people say or type it: digits ("25", "3.5", "1,000"), English words ("forty five", "a hundred and
 * five", "twenty-one", "one point five", "two and a half") or Chinese numerals ("二十五", "两", "一百零五", "一点五").
 * A trailing percent sign or word ("80%", "fifty percent", "百分之三十") is allowed and does not scale the value.
 */
public final class SpokenNumber {
    private static final Map<String, Integer> SMALL = Map.ofEntries(Map.entry("zero", 0),
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15),
            Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
            Map.entry("nineteen", 19));
    private static final Map<String, Integer> TENS = Map.of("twenty", 20, "thirty", 30, "forty", 40, "fifty", 50,
            "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90);
    private static final Map<String, Integer> SCALES = Map.of("thousand", 1_000, "million", 1_000_000);
    private static final String CHINESE_DIGITS = "零一二三四五六七八九";

    /** Matches text that may be an English number: digits or number words; for building phrase patterns. */
    public static final String ENGLISH;
    /** Matches text that may be a Chinese number, Arabic digits included; for building phrase patterns. */
    public static final String CHINESE = "(?:百分之)?[0-9.零〇一二两三四五六七八九十百千万点]+%?";

    private static final Pattern PERCENT_SUFFIX = Pattern.compile("\\s*(?:%|percent|per cent)$");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?");

    static {
        String word = "(?:\\d[\\d,]*(?:\\.\\d+)?|(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
                + "|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty"
                + "|sixty|seventy|eighty|ninety|hundred|thousand|million|point|and|an|a|half)(?![a-z]))";
        ENGLISH = "(?:" + word + "(?:[ -]+" + word + ")*(?:\\s*(?:%|percent|per cent))?)";
    }

    private SpokenNumber() {
    }

    /** The value of {@code text}, or empty when it is not a number this parser is sure about. */
    public static OptionalDouble parse(String text) {
        if (text == null) {
            return OptionalDouble.empty();
        }
        String plain = PERCENT_SUFFIX.matcher(text.strip().toLowerCase(Locale.ROOT)).replaceFirst("").strip();
        if (plain.startsWith("百分之")) {
            plain = plain.substring(3);
        }
        if (plain.isEmpty() || plain.length() > 80) {
            return OptionalDouble.empty();
        }
        if (DIGITS.matcher(plain).matches()) {
            return OptionalDouble.of(Double.parseDouble(plain.replace(",", "")));
        }
        return hasChinese(plain)
                ? chinese(plain) : english(plain);
    }

    /** Whether {@code text} has any Chinese character, which decides the language a phrase is read in. */
    static boolean hasChinese(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static OptionalDouble english(String text) {
        String[] words = text.split("[\\s-]+");
        double total = 0;
        double group = 0;
        boolean any = false;
        // What the previous word was, so that "five five" or "twenty thirty" are refused rather than guessed.
        String previous = "start";
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (word.equals("point")) {
                return any ? decimals(total + group, words, i + 1) : OptionalDouble.empty();
            }
            if (word.equals("and")) {
                if (i + 2 == words.length - 1 && words[i + 1].equals("a") && words[i + 2].equals("half") && any) {
                    return OptionalDouble.of(total + group + 0.5);
                }
                if (!previous.equals("scale") || i == words.length - 1) {
                    return OptionalDouble.empty();
                }
                continue;
            }
            if (word.equals("a") || word.equals("an")) {
                if (i + 1 < words.length && (words[i + 1].equals("hundred") || SCALES.containsKey(words[i + 1]))
                        && !any) {
                    group = 1;
                    previous = "unit";
                    any = true;
                    continue;
                }
                if (i + 1 == words.length - 1 && words[i + 1].equals("half") && !any) {
                    return OptionalDouble.of(0.5);
                }
                return OptionalDouble.empty();
            }
            if (word.equals("half")) {
                return i == 0 && words.length == 1 ? OptionalDouble.of(0.5) : OptionalDouble.empty();
            }
            Integer small = SMALL.get(word);
            Integer tens = TENS.get(word);
            if (small != null) {
                if (previous.equals("unit") || previous.equals("teen") || (previous.equals("tens") && small >= 10)) {
                    return OptionalDouble.empty();
                }
                group += small;
                previous = small >= 10 ? "teen" : "unit";
            } else if (tens != null) {
                if (!previous.equals("start") && !previous.equals("scale")) {
                    return OptionalDouble.empty();
                }
                group += tens;
                previous = "tens";
            } else if (word.equals("hundred")) {
                if (group >= 100 || group == 0 && any) {
                    return OptionalDouble.empty();
                }
                group = (group == 0 ? 1 : group) * 100;
                previous = "scale";
            } else if (SCALES.containsKey(word)) {
                total += (group == 0 ? 1 : group) * SCALES.get(word);
                group = 0;
                previous = "scale";
            } else if (DIGITS.matcher(word).matches() && !any) {
                group = Double.parseDouble(word.replace(",", ""));
                previous = "digits";
            } else {
                return OptionalDouble.empty();
            }
            any = true;
        }
        return any ? OptionalDouble.of(total + group) : OptionalDouble.empty();
    }

    private static OptionalDouble decimals(double whole, String[] words, int from) {
        if (from >= words.length) {
            return OptionalDouble.empty();
        }
        StringBuilder digits = new StringBuilder();
        for (int i = from; i < words.length; i++) {
            Integer digit = SMALL.get(words[i]);
            if (digit == null || digit > 9) {
                return OptionalDouble.empty();
            }
            digits.append(digit);
        }
        return OptionalDouble.of(whole + Double.parseDouble("0." + digits));
    }

    private static OptionalDouble chinese(String text) {
        int point = text.indexOf('点');
        if (point >= 0) {
            OptionalDouble whole = chineseWhole(text.substring(0, point));
            String fraction = text.substring(point + 1);
            if (whole.isEmpty() || fraction.isEmpty()) {
                return OptionalDouble.empty();
            }
            StringBuilder digits = new StringBuilder();
            for (char c : fraction.toCharArray()) {
                int digit = chineseDigit(c);
                if (digit < 0) {
                    return OptionalDouble.empty();
                }
                digits.append(digit);
            }
            return OptionalDouble.of(whole.getAsDouble() + Double.parseDouble("0." + digits));
        }
        return chineseWhole(text);
    }

    private static OptionalDouble chineseWhole(String text) {
        if (text.isEmpty()) {
            return OptionalDouble.empty();
        }
        if (DIGITS.matcher(text).matches()) {
            return OptionalDouble.of(Double.parseDouble(text));
        }
        long total = 0;
        long section = 0;
        long digit = -1;
        boolean lastWasDigit = false;
        for (char c : text.toCharArray()) {
            int value = chineseDigit(c);
            if (value >= 0) {
                // Two digits in a row ("五五") is a digit string like a year, not a quantity: refuse it.
                if (lastWasDigit && digit != 0) {
                    return OptionalDouble.empty();
                }
                digit = value;
                lastWasDigit = true;
                continue;
            }
            long unit = switch (c) {
                case '十' -> 10;
                case '百' -> 100;
                case '千' -> 1000;
                case '万' -> 10_000;
                default -> -1;
            };
            if (unit < 0) {
                return OptionalDouble.empty();
            }
            if (unit == 10_000) {
                total = (total + section + Math.max(digit, 0)) * 10_000;
                section = 0;
            } else {
                if (digit < 0 && !(unit == 10 && section == 0 && total == 0) && !lastWasDigit) {
                    return OptionalDouble.empty();
                }
                section += (digit <= 0 ? (unit == 10 ? 1 : 0) : digit) * unit;
            }
            digit = -1;
            lastWasDigit = false;
        }
        return OptionalDouble.of(total + section + Math.max(digit, 0));
    }

    private static int chineseDigit(char c) {
        return switch (c) {
            case '两' -> 2;
            case '〇' -> 0;
            default -> c >= '0' && c <= '9' ? c - '0' : CHINESE_DIGITS.indexOf(c);
        };
    }
}
