package dev.mynah.nativelibs.llama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns JSON schemas into a GBNF grammar whose every sentence is JSON valid against the schema, so that
 * grammar-constrained sampling makes even a tiny model emit a well-formed tool call. Supports objects
 * (properties, required; no extra properties), arrays (items, maxItems), strings (enum, maxLength), integers
 * and numbers (minimum, maximum), booleans, null, enum, const, anyOf and oneOf (treated as anyOf).
 *
 * <p>The grammar may describe a subset of the valid values, never more: strings hold no {@code \\u} escapes
 * (which could spell NUL or half a surrogate pair) and no characters beyond the Basic Multilingual Plane (so
 * {@code maxLength} holds in UTF-16 units too), required strings start with a non-space character, and
 * numbers keep a fractional part only where it cannot cross a bound. Strings and numbers are length-bounded
 * so that generation always terminates.
 *
 * <p>{@link #fromSchema} gives a complete grammar for one schema; {@link #builder} combines several schemas
 * and hand-written rules into one grammar, with the rules the schemas share (characters, numbers) written once.
 */
public final class JsonSchemaGrammar {
    private static final int DEFAULT_MAX_STRING = 48;
    private static final int DEFAULT_MAX_ITEMS = 8;
    /** Bounds beyond this are clamped: the grammar then allows a subset of the valid numbers. */
    private static final long LARGEST_BOUND = 999_999_999_999_999L;
    private static final long DEFAULT_BOUND = 9_999_999_999L;
    private static final String FRACTION = "\".\" [0-9]{1,6}";
    private static final Pattern RULE_NAME = Pattern.compile("[a-zA-Z0-9-]+");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How JSON punctuation is spaced in the generated text. */
    public enum Layout {
        /** {@code {"a":1,"b":[2,3]}} */
        COMPACT(":", ","),
        /** {@code {"a": 1, "b": [2, 3]}}: Python's {@code json.dumps}, the way Qwen3 learnt to write arguments. */
        PYTHON(": ", ", ");

        private final String colon;
        private final String comma;

        Layout(String colon, String comma) {
            this.colon = literal(colon);
            this.comma = literal(comma);
        }
    }

    private final Layout layout;
    private final Map<String, String> rules = new LinkedHashMap<>();

    private JsonSchemaGrammar(Layout layout) {
        this.layout = layout;
    }

    /** The compact-JSON grammar for {@code schema} (JSON text), with root rule {@code root}. */
    public static String fromSchema(String schema) {
        try {
            return fromSchema(JSON.readTree(schema));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("schema is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The compact-JSON grammar for {@code schema}, with root rule {@code root}. */
    public static String fromSchema(JsonNode schema) {
        JsonSchemaGrammar grammar = builder(Layout.COMPACT);
        grammar.define("root", schema);
        return grammar.gbnf();
    }

    /** An empty grammar to which schemas and hand-written rules are added. */
    public static JsonSchemaGrammar builder(Layout layout) {
        return new JsonSchemaGrammar(layout);
    }

    /**
     * Adds rule {@code name} matching JSON valid against {@code schema}, and the rules it needs (named
     * {@code name-…}); returns {@code name}.
     */
    public String define(String name, JsonNode schema) {
        claim(name);
        rules.put(name, "");
        rules.put(name, value(schema, name, true));
        return name;
    }

    /** Adds a hand-written rule; {@code body} is GBNF and may refer to rules defined before or after. */
    public JsonSchemaGrammar rule(String name, String body) {
        claim(name);
        rules.put(name, body);
        return this;
    }

    /** The grammar text, one rule per line. */
    public String gbnf() {
        StringBuilder out = new StringBuilder();
        rules.forEach((name, body) -> out.append(name).append(" ::= ").append(body).append('\n'));
        return out.toString();
    }

    /** A GBNF literal matching exactly {@code text}. */
    public static String literal(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private void claim(String name) {
        if (!RULE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("rule name \"" + name + "\" may hold only letters, digits and '-'");
        }
        if (rules.containsKey(name)) {
            throw new IllegalArgumentException("rule \"" + name + "\" is defined twice");
        }
    }

    private String value(JsonNode schema, String name, boolean required) {
        if (schema.has("const")) {
            return literal(schema.get("const"));
        }
        if (schema.has("enum")) {
            List<String> options = new ArrayList<>();
            schema.get("enum").forEach(option -> options.add(literal(option)));
            return group(options);
        }
        for (String key : List.of("anyOf", "oneOf")) {
            if (schema.has(key)) {
                List<String> options = new ArrayList<>();
                for (JsonNode option : schema.get(key)) {
                    String optionRule = unusedRuleName(name + "-" + options.size());
                    rules.put(optionRule, value(option, optionRule, required));
                    options.add(optionRule);
                }
                return group(options);
            }
        }
        String type = schema.path("type").asText("");
        return switch (type) {
            case "object" -> object(schema, name);
            case "array" -> array(schema, name);
            case "string" -> string(schema.path("maxLength").asInt(DEFAULT_MAX_STRING), required);
            case "integer" -> integer(schema);
            case "number" -> number(schema);
            case "boolean" -> "(\"true\" | \"false\")";
            case "null" -> "\"null\"";
            default -> throw new IllegalArgumentException("unsupported schema type \"" + type + "\" at " + name);
        };
    }

    private String object(JsonNode schema, String name) {
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        List<String> mandatory = new ArrayList<>();
        List<String> optional = new ArrayList<>();
        var fields = schema.path("properties").properties();
        for (Map.Entry<String, JsonNode> field : fields) {
            boolean isRequired = required.contains(field.getKey());
            String ruleName = unusedRuleName(name + "-" + sanitize(field.getKey()));
            rules.put(ruleName, literal(JSON.getNodeFactory().textNode(field.getKey())) + " " + layout.colon + " "
                    + value(field.getValue(), ruleName + "-value", isRequired));
            (isRequired ? mandatory : optional).add(ruleName);
        }
        for (String r : required) {
            if (!schema.path("properties").has(r)) {
                throw new IllegalArgumentException("required property \"" + r + "\" has no schema at " + name);
            }
        }
        StringBuilder body = new StringBuilder("\"{\" ");
        if (!mandatory.isEmpty()) {
            body.append(String.join(" " + layout.comma + " ", mandatory));
            for (String o : optional) {
                body.append(" (").append(layout.comma).append(" ").append(o).append(")?");
            }
        } else if (!optional.isEmpty()) {
            body.append("(").append(optionalChain(name, optional, 0)).append(")?");
        }
        return body.append(" \"}\"").toString();
    }

    /** Any in-order subset of {@code optional} from index {@code i}, at least one, comma separated. */
    private String optionalChain(String name, List<String> optional, int i) {
        if (i == optional.size() - 1) {
            return optional.get(i);
        }
        String rest = unusedRuleName(name + "-opt" + (i + 1));
        rules.put(rest, optionalChain(name, optional, i + 1));
        return optional.get(i) + " (" + layout.comma + " " + rest + ")? | " + rest;
    }

    private String array(JsonNode schema, String name) {
        String item = unusedRuleName(name + "-item");
        rules.put(item, value(schema.path("items").isMissingNode() ? JSON.createObjectNode().put("type", "string")
                : schema.get("items"), item, false));
        int maxItems = schema.path("maxItems").asInt(DEFAULT_MAX_ITEMS);
        if (maxItems <= 0) {
            return "\"[]\"";
        }
        return "\"[\" (" + item + " (" + layout.comma + " " + item + "){0," + (maxItems - 1) + "})? \"]\"";
    }

    /** A shared rule per length, since llama.cpp expands every {@code {0,n}} into n rules. */
    private String string(int maxLength, boolean required) {
        // Escapes are limited to the short forms: a \\u escape could spell NUL or half a surrogate pair.
        shared("char", "[^\"\\\\\\x7F\\x00-\\x1F\\uD800-\\uDFFF\\U00010000-\\U0010FFFF] | \"\\\\\" [\"\\\\/bfnrt]");
        int length = Math.max(0, maxLength);
        if (!required || length == 0) {
            return shared("string-" + length, "\"\\\"\" char{0," + length + "} \"\\\"\"");
        }
        // A required string must not be blank: its first character is not one that Java counts as white space.
        shared("non-space", "[^\"\\\\\\x7F\\x00-\\x20\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F"
                + "\\u3000\\uD800-\\uDFFF\\U00010000-\\U0010FFFF]");
        return shared("text-" + length, "\"\\\"\" non-space char{0," + (length - 1) + "} \"\\\"\"");
    }

    private String integer(JsonNode schema) {
        if (!schema.has("minimum") && !schema.has("maximum")) {
            return shared("integer", "\"-\"? ([0-9] | [1-9] [0-9]{1,8})");
        }
        long[] bounds = bounds(schema);
        if (bounds[0] > bounds[1]) {
            throw new IllegalArgumentException("integer schema has minimum " + bounds[0] + " above maximum " + bounds[1]);
        }
        return integerRange(bounds[0], bounds[1]);
    }

    private String number(JsonNode schema) {
        if (!schema.has("minimum") && !schema.has("maximum")) {
            return shared("number", "\"-\"? ([0-9] | [1-9] [0-9]{1,8}) (\".\" [0-9]{1,6})?");
        }
        double low = Math.max(-LARGEST_BOUND, schema.path("minimum").asDouble(-DEFAULT_BOUND));
        double high = Math.min(LARGEST_BOUND, schema.path("maximum").asDouble(DEFAULT_BOUND));
        if (low > high) {
            throw new IllegalArgumentException("number schema has minimum " + low + " above maximum " + high);
        }
        return numberRange(low, high);
    }

    private static long[] bounds(JsonNode schema) {
        double low = schema.path("minimum").asDouble(-DEFAULT_BOUND);
        double high = schema.path("maximum").asDouble(DEFAULT_BOUND);
        return new long[] {(long) Math.max(-LARGEST_BOUND, Math.ceil(low)),
                (long) Math.min(LARGEST_BOUND, Math.floor(high))};
    }

    /** Every integer from {@code low} to {@code high}, written as JSON writes it (no leading zeros, no "-0"). */
    static String integerRange(long low, long high) {
        List<String> options = new ArrayList<>();
        if (low < 0) {
            options.add("\"-\" " + magnitudes(Math.max(1, -Math.min(high, -1)), -low));
        }
        if (high >= 0) {
            options.add(magnitudes(Math.max(low, 0), high));
        }
        return group(options);
    }

    /**
     * Numbers from {@code low} to {@code high}: every integer, and decimals with up to six fractional digits
     * whose integer part is far enough from the bounds that no fraction can cross them.
     */
    static String numberRange(double low, double high) {
        long lowest = (long) Math.ceil(low);
        long highest = (long) Math.floor(high);
        List<String> options = new ArrayList<>();
        if (lowest <= highest) {
            options.add(integerRange(lowest, highest));
        }
        long positiveFrom = (long) Math.ceil(Math.max(low, 0));
        long positiveTo = (long) Math.floor(high - 1);
        if (positiveFrom <= positiveTo) {
            options.add(magnitudes(positiveFrom, positiveTo) + " " + FRACTION);
        }
        long negativeFrom = (long) Math.ceil(Math.max(-high, 0));
        long negativeTo = (long) Math.floor(-low - 1);
        if (negativeFrom <= negativeTo) {
            options.add("\"-\" " + magnitudes(negativeFrom, negativeTo) + " " + FRACTION);
        }
        if (options.isEmpty()) {
            return literal(JSON.getNodeFactory().numberNode(low));
        }
        return group(options);
    }

    /** The decimal forms of {@code low..high} (both non-negative), grouped by digit count. */
    private static String magnitudes(long low, long high) {
        List<String> options = new ArrayList<>();
        for (int digits = Long.toString(low).length(); digits <= Long.toString(high).length(); digits++) {
            long first = digits == 1 ? 0 : pow10(digits - 1);
            long last = pow10(digits) - 1;
            long from = Math.max(low, first);
            long to = Math.min(high, last);
            if (from <= to) {
                options.add(sameLength(Long.toString(from), Long.toString(to)));
            }
        }
        return group(options);
    }

    /** Digit strings of one length from {@code low} to {@code high}, leading zeros allowed inside a number. */
    private static String sameLength(String low, String high) {
        if (low.equals(high)) {
            return "\"" + low + "\"";
        }
        int n = low.length();
        int a = low.charAt(0) - '0';
        int b = high.charAt(0) - '0';
        if (n == 1) {
            return digits(a, b);
        }
        String lowRest = low.substring(1);
        String highRest = high.substring(1);
        if (a == b) {
            return "\"" + a + "\" " + sameLength(lowRest, highRest);
        }
        String zeros = "0".repeat(n - 1);
        String nines = "9".repeat(n - 1);
        List<String> options = new ArrayList<>();
        int from = a;
        if (!lowRest.equals(zeros)) {
            options.add("\"" + a + "\" " + sameLength(lowRest, nines));
            from = a + 1;
        }
        int to = highRest.equals(nines) ? b : b - 1;
        if (from <= to) {
            options.add(digits(from, to) + (n - 1 == 1 ? " [0-9]" : " [0-9]{" + (n - 1) + "}"));
        }
        if (!highRest.equals(nines)) {
            options.add("\"" + b + "\" " + sameLength(zeros, highRest));
        }
        return group(options);
    }

    private static String digits(int from, int to) {
        return from == to ? "\"" + from + "\"" : "[" + from + "-" + to + "]";
    }

    private static long pow10(int exponent) {
        long value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }

    private static String group(List<String> options) {
        return options.size() == 1 ? options.getFirst() : "(" + String.join(" | ", options) + ")";
    }

    private String unusedRuleName(String base) {
        String candidate = base;
        for (int i = 2; rules.containsKey(candidate); i++) {
            candidate = base + "-" + i;
        }
        rules.put(candidate, "");
        return candidate;
    }

    private String shared(String name, String body) {
        String existing = rules.putIfAbsent(name, body);
        if (existing != null && !existing.equals(body)) {
            throw new IllegalArgumentException("rule name \"" + name + "\" is taken; it is reserved for schemas");
        }
        return name;
    }

    /** A GBNF literal matching exactly the compact JSON text of {@code node}. */
    private static String literal(JsonNode node) {
        try {
            return literal(JSON.writeValueAsString(node));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sanitize(String key) {
        String cleaned = key.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return cleaned.isEmpty() ? "p" + Integer.toHexString(key.hashCode()) : cleaned;
    }
}
