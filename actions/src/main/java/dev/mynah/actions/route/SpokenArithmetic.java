package dev.mynah.actions.route;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spoken arithmetic ("twelve times seven", "15 percent of 80", "the square root of 144", "十二乘以七") written as
 * a plain expression with {@code + - * / ^} and {@code sqrt(...)}, numbers as digits: "12 * 7".
 */
final class SpokenArithmetic {
    private static final Pattern OPERATOR = Pattern.compile("\\s+(?:plus|minus|times|multiplied\\s+by|divided\\s+by"
            + "|over|to\\s+the\\s+power\\s+of|x|[-+*/^×÷])\\s+|\\s*[+*/^×÷]\\s*|加上|加|减去|减|乘以|乘|除以");
    private static final Map<String, String> SYMBOLS = Map.ofEntries(Map.entry("plus", "+"), Map.entry("加", "+"),
            Map.entry("加上", "+"), Map.entry("+", "+"), Map.entry("minus", "-"), Map.entry("减", "-"),
            Map.entry("减去", "-"), Map.entry("-", "-"), Map.entry("times", "*"), Map.entry("multiplied by", "*"),
            Map.entry("x", "*"), Map.entry("*", "*"), Map.entry("×", "*"), Map.entry("乘以", "*"), Map.entry("乘", "*"),
            Map.entry("divided by", "/"), Map.entry("over", "/"), Map.entry("/", "/"), Map.entry("÷", "/"),
            Map.entry("除以", "/"), Map.entry("to the power of", "^"), Map.entry("^", "^"));
    private static final Pattern PERCENT_OF = Pattern.compile("(?<part>.+?)\\s*(?:percent|per cent|%)\\s+of\\s+(?<whole>.+)"
            + "|百分之(?<cnPart>.+?)的(?<cnWhole>.+)");
    private static final Pattern SQUARE_ROOT = Pattern.compile("(?:the\\s+)?square\\s+root\\s+of\\s+(?<n>.+)|根号(?<cn>.+)"
            + "|(?<cnOf>.+)的平方根");
    private static final Pattern POWER_WORD = Pattern.compile("(?<n>.+?)\\s*(?:(?<squared>\\s+squared|的平方)"
            + "|(?<cubed>\\s+cubed|的立方))");

    private SpokenArithmetic() {
    }

    /** The expression, or empty unless the text is numbers joined by at least one operation. */
    static Optional<String> expression(String spoken) {
        String text = spoken.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (text.isEmpty() || text.length() > 200) {
            return Optional.empty();
        }
        Matcher percent = PERCENT_OF.matcher(text);
        if (percent.matches()) {
            Optional<String> part = number(percent.group("part") != null ? percent.group("part") : percent.group("cnPart"));
            Optional<String> whole = number(percent.group("whole") != null ? percent.group("whole")
                    : percent.group("cnWhole"));
            return part.isPresent() && whole.isPresent()
                    ? Optional.of(part.get() + " / 100 * " + whole.get()) : Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        Matcher operator = OPERATOR.matcher(text);
        int start = 0;
        boolean operation = false;
        while (operator.find()) {
            Optional<String> operand = operand(text.substring(start, operator.start()));
            if (operand.isEmpty()) {
                return Optional.empty();
            }
            parts.add(operand.get());
            parts.add(SYMBOLS.get(operator.group().strip().replaceAll("\\s+", " ")));
            start = operator.end();
            operation = true;
        }
        String last = text.substring(start);
        Optional<String> operand = operand(last);
        if (operand.isEmpty()) {
            return Optional.empty();
        }
        parts.add(operand.get());
        operation |= !operand.get().matches("[0-9.]+");
        return operation ? Optional.of(String.join(" ", parts)) : Optional.empty();
    }

    private static Optional<String> operand(String spoken) {
        String text = spoken.strip();
        Matcher root = SQUARE_ROOT.matcher(text);
        if (root.matches()) {
            String inner = root.group("n") != null ? root.group("n")
                    : root.group("cn") != null ? root.group("cn") : root.group("cnOf");
            return number(inner).map(n -> "sqrt(" + n + ")");
        }
        Matcher power = POWER_WORD.matcher(text);
        if (power.matches()) {
            return number(power.group("n")).map(n -> n + " ^ " + (power.group("squared") != null ? "2" : "3"));
        }
        return number(text);
    }

    private static Optional<String> number(String spoken) {
        String text = spoken.strip();
        if (text.contains("%") || text.contains("percent") || text.startsWith("百分之")) {
            return Optional.empty();
        }
        OptionalDouble value = SpokenNumber.parse(text);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        double v = value.getAsDouble();
        return Optional.of(v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v));
    }
}
