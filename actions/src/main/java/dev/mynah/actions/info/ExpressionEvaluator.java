package dev.mynah.actions.info;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * Evaluates arithmetic as people type or say it ("2 + 3 * 4", "15 percent of 80", "2 to the power of 10",
 * "sqrt(16) + 9") with a recursive-descent parser; nothing is ever handed to a scripting engine. Mistakes are
 * reported with the character position (counted from 1) where they were found.
 *
 * <pre>
 * sum     = product (("+" | "-") product)*
 * product = signed (("*" | "/" | "%" | "percent of") signed | implicit factor)*
 * signed  = ("-" | "+") signed | power
 * power   = postfix ("^" signed)?            right-associative: 2^3^2 = 2^9; -2^2 = -4
 * postfix = primary ("squared" | "cubed" | "%")*
 * primary = number | constant | "(" sum ")" | function "(" sum ")" | function signed
 * </pre>
 */
public final class ExpressionEvaluator {
    private static final Map<String, DoubleUnaryOperator> FUNCTIONS = Map.of(
            "sqrt", Math::sqrt, "sin", Math::sin, "cos", Math::cos, "tan", Math::tan, "log", Math::log10,
            "ln", Math::log, "abs", Math::abs, "round", x -> (double) Math.round(x));
    private static final Map<String, Double> CONSTANTS = Map.of("pi", Math.PI, "π", Math.PI, "e", Math.E);
    /** Spoken operators, longest first so that "divided by" wins over a lone word. */
    private static final List<Map.Entry<String, String>> WORDS = List.of(
            Map.entry("to the power of", "^"), Map.entry("square root of", "sqrt"),
            Map.entry("multiplied by", "*"), Map.entry("divided by", "/"), Map.entry("percent of", "%of"),
            Map.entry("raised to", "^"), Map.entry("plus", "+"), Map.entry("minus", "-"),
            Map.entry("times", "*"), Map.entry("over", "/"), Map.entry("modulo", "%"), Map.entry("mod", "%"),
            Map.entry("squared", "squared"), Map.entry("cubed", "cubed"), Map.entry("percent", "%"),
            Map.entry("x", "*"));

    private enum Kind { NUMBER, OPERATOR, OPEN, CLOSE, NAME, END }

    private record Token(Kind kind, String text, double value, int position) {
        boolean is(String operator) {
            return kind == Kind.OPERATOR && text.equals(operator);
        }
    }

    private final String source;
    private final List<Token> tokens;
    private int next;

    private ExpressionEvaluator(String source) {
        this.source = source;
        this.tokens = tokenize(source);
    }

    /**
     * The value of {@code expression}.
     *
     * @throws IllegalArgumentException saying what is wrong and at which character, for malformed input
     * @throws ArithmeticException for division by zero, a root or logarithm outside its domain, or overflow
     */
    public static double evaluate(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("the expression is empty; say a sum like 12 times 7");
        }
        ExpressionEvaluator parser = new ExpressionEvaluator(expression);
        double value = parser.sum();
        Token rest = parser.peek();
        if (rest.kind() != Kind.END) {
            throw parser.malformed("unexpected \"" + rest.text() + "\" at character " + rest.position());
        }
        if (Double.isInfinite(value) || Double.isNaN(value)) {
            throw parser.impossible("the result is too large to compute");
        }
        return value;
    }

    private double sum() {
        double value = product();
        while (peek().is("+") || peek().is("-")) {
            boolean plus = take().is("+");
            double right = product();
            value = plus ? value + right : value - right;
        }
        return value;
    }

    private double product() {
        double value = signed();
        while (true) {
            Token token = peek();
            if (token.is("*")) {
                take();
                value *= signed();
            } else if (token.is("/") || token.is("%")) {
                take();
                double divisor = signed();
                if (divisor == 0) {
                    throw impossible("division by zero at character " + token.position());
                }
                value = token.is("/") ? value / divisor : value % divisor;
            } else if (token.is("%of")) {
                take();
                value = value / 100 * signed();
            } else if (token.kind() == Kind.OPEN || token.kind() == Kind.NAME) {
                value *= signed(); // implicit: 2(3 + 4), 2 pi, 3 sqrt 4
            } else {
                return value;
            }
        }
    }

    private double signed() {
        if (peek().is("-")) {
            take();
            return -signed();
        }
        if (peek().is("+")) {
            take();
            return signed();
        }
        return power();
    }

    private double power() {
        double base = postfix();
        if (peek().is("^")) {
            take();
            return Math.pow(base, signed());
        }
        return base;
    }

    private double postfix() {
        double value = primary();
        while (true) {
            Token token = peek();
            if (token.is("squared") || token.is("cubed")) {
                take();
                value = Math.pow(value, token.is("squared") ? 2 : 3);
            } else if (token.is("%") && endsOperand(tokens.get(next + 1))) {
                take();
                value /= 100; // "50%" alone is a percentage; "50 % 7" is a remainder
            } else {
                return value;
            }
        }
    }

    private double primary() {
        Token token = take();
        return switch (token.kind()) {
            case NUMBER -> token.value();
            case OPEN -> {
                double value = sum();
                Token close = take();
                if (close.kind() != Kind.CLOSE) {
                    throw malformed("the \"(\" at character " + token.position() + " is never closed");
                }
                yield value;
            }
            case NAME -> {
                Double constant = CONSTANTS.get(token.text());
                if (constant != null) {
                    yield constant;
                }
                double argument = peek().kind() == Kind.OPEN ? primary() : signed();
                yield apply(token, argument);
            }
            case END -> throw malformed("a number is missing at the end");
            default -> throw malformed("expected a number at character " + token.position() + ", found \""
                    + token.text() + "\"");
        };
    }

    private double apply(Token function, double argument) {
        String name = function.text();
        if (name.equals("sqrt") && argument < 0) {
            throw impossible("the square root at character " + function.position()
                    + " is of a negative number, which has no real value");
        }
        if ((name.equals("log") || name.equals("ln")) && argument <= 0) {
            throw impossible("the logarithm at character " + function.position()
                    + " is of zero or a negative number, which has no value");
        }
        return FUNCTIONS.get(name).applyAsDouble(argument);
    }

    private static boolean endsOperand(Token after) {
        return after.kind() == Kind.END || after.kind() == Kind.CLOSE
                || (after.kind() == Kind.OPERATOR && !after.is("-") && !after.is("+"));
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token token = tokens.get(next);
        if (token.kind() != Kind.END) {
            next++;
        }
        return token;
    }

    private IllegalArgumentException malformed(String problem) {
        return malformed(source, problem);
    }

    private static IllegalArgumentException malformed(String source, String problem) {
        return new IllegalArgumentException("can't work out \"" + source.strip() + "\": " + problem);
    }

    private ArithmeticException impossible(String problem) {
        return new ArithmeticException("can't work out \"" + source.strip() + "\": " + problem);
    }

    private static List<Token> tokenize(String source) {
        List<Token> tokens = new ArrayList<>();
        String lower = source.toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isDigit(c) || c == '.') {
                i = number(source, i, tokens);
            } else if (c == '(' || c == ')') {
                tokens.add(new Token(c == '(' ? Kind.OPEN : Kind.CLOSE, String.valueOf(c), 0, i + 1));
                i++;
            } else if ("+-*/%^×÷−".indexOf(c) >= 0) {
                i = symbol(lower, i, tokens);
            } else if (Character.isLetter(c)) {
                i = word(source, lower, i, tokens);
            } else {
                throw malformed(source, "\"" + c + "\" at character " + (i + 1) + " is not part of arithmetic");
            }
        }
        tokens.add(new Token(Kind.END, "", 0, source.length() + 1));
        return tokens;
    }

    /** Reads an operator symbol at {@code start}; "% of" is a percentage of, "**" a power. */
    private static int symbol(String lower, int start, List<Token> tokens) {
        char c = lower.charAt(start);
        String operator = switch (c) {
            case '×' -> "*";
            case '÷' -> "/";
            case '−' -> "-";
            default -> String.valueOf(c);
        };
        int end = start + 1;
        int of = skipSpaces(lower, end);
        if (c == '%' && lower.startsWith("of", of) && wordEnds(lower, of + 2)) {
            operator = "%of";
            end = of + 2;
        } else if (c == '*' && lower.startsWith("*", end)) {
            operator = "^";
            end++;
        }
        tokens.add(new Token(Kind.OPERATOR, operator, 0, start + 1));
        return end;
    }

    /** Reads a spoken operator, a function or a constant at {@code start}. */
    private static int word(String source, String lower, int start, List<Token> tokens) {
        for (Map.Entry<String, String> word : WORDS) {
            String phrase = word.getKey();
            if (lower.startsWith(phrase, start) && wordEnds(lower, start + phrase.length())) {
                String meaning = word.getValue();
                tokens.add(new Token(meaning.equals("sqrt") ? Kind.NAME : Kind.OPERATOR, meaning, 0, start + 1));
                return start + phrase.length();
            }
        }
        int end = start;
        while (end < source.length() && Character.isLetter(source.charAt(end))) {
            end++;
        }
        String name = lower.substring(start, end);
        if (!FUNCTIONS.containsKey(name) && !CONSTANTS.containsKey(name)) {
            throw malformed(source, "unknown word \"" + source.substring(start, end) + "\" at character "
                    + (start + 1) + "; use numbers, + - * / % ^, parentheses, sqrt, sin, cos, tan, log, ln, abs,"
                    + " round, pi or e");
        }
        tokens.add(new Token(Kind.NAME, name, 0, start + 1));
        return end;
    }

    /** Reads digits with an optional fraction, exponent and thousands separators ("1,234.5", "2e-3"). */
    private static int number(String s, int start, List<Token> tokens) {
        int i = start;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.'
                || s.charAt(i) == ',' && isThousandsGroup(s, i + 1))) {
            i++;
        }
        int exponent = i + 1 < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E') ? i + 1 : -1;
        if (exponent > 0 && exponent < s.length() && (s.charAt(exponent) == '+' || s.charAt(exponent) == '-')) {
            exponent++;
        }
        if (exponent > 0 && exponent < s.length() && Character.isDigit(s.charAt(exponent))) {
            i = exponent;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
        }
        String text = s.substring(start, i);
        String digits = text.replace(",", "");
        if (digits.indexOf('.') != digits.lastIndexOf('.') || digits.equals(".")) {
            throw malformed(s, "\"" + text + "\" at character " + (start + 1) + " is not a number");
        }
        tokens.add(new Token(Kind.NUMBER, text, Double.parseDouble(digits), start + 1));
        return i;
    }

    private static boolean isThousandsGroup(String s, int from) {
        for (int i = from; i < from + 3; i++) {
            if (i >= s.length() || !Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return from + 3 == s.length() || !Character.isDigit(s.charAt(from + 3));
    }

    private static int skipSpaces(String s, int from) {
        while (from < s.length() && s.charAt(from) == ' ') {
            from++;
        }
        return from;
    }

    private static boolean wordEnds(String s, int at) {
        return at >= s.length() || !Character.isLetter(s.charAt(at));
    }
}
