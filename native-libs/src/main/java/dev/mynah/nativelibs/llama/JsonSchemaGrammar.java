package dev.mynah.nativelibs.llama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a JSON schema into a GBNF grammar whose every sentence is compact JSON valid against the schema, so
 * that grammar-constrained sampling makes even a tiny model emit a well-formed tool call. Supports objects
 * (properties, required; no extra properties), arrays (items, maxItems), strings (enum, maxLength),
 * integers, numbers, booleans, null, enum and const. Strings and numbers are length-bounded so that
 * generation always terminates.
 */
public final class JsonSchemaGrammar {
    private static final int DEFAULT_MAX_STRING = 48;
    private static final int DEFAULT_MAX_ITEMS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> rules = new LinkedHashMap<>();

    private JsonSchemaGrammar() {
    }

    /** The grammar for {@code schema} (JSON text), with root rule {@code root}. */
    public static String fromSchema(String schema) {
        try {
            return fromSchema(JSON.readTree(schema));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("schema is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static String fromSchema(JsonNode schema) {
        JsonSchemaGrammar grammar = new JsonSchemaGrammar();
        grammar.rules.put("root", grammar.value(schema, "root"));
        StringBuilder out = new StringBuilder();
        grammar.rules.forEach((name, body) -> out.append(name).append(" ::= ").append(body).append('\n'));
        return out.toString();
    }

    private String value(JsonNode schema, String name) {
        if (schema.has("const")) {
            return literal(schema.get("const"));
        }
        if (schema.has("enum")) {
            List<String> options = new ArrayList<>();
            schema.get("enum").forEach(option -> options.add(literal(option)));
            return "(" + String.join(" | ", options) + ")";
        }
        String type = schema.path("type").asText("");
        return switch (type) {
            case "object" -> object(schema, name);
            case "array" -> array(schema, name);
            case "string" -> string(schema.path("maxLength").asInt(DEFAULT_MAX_STRING));
            case "integer" -> shared("integer", "\"-\"? ([0-9] | [1-9] [0-9]{1,8})");
            case "number" -> shared("number", "\"-\"? ([0-9] | [1-9] [0-9]{1,8}) (\".\" [0-9]{1,6})?");
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
            String ruleName = unusedRuleName(name + "-" + sanitize(field.getKey()));
            rules.put(ruleName, literal(JSON.getNodeFactory().textNode(field.getKey())) + " \":\" "
                    + value(field.getValue(), ruleName + "-value"));
            (required.contains(field.getKey()) ? mandatory : optional).add(ruleName);
        }
        for (String r : required) {
            if (!schema.path("properties").has(r)) {
                throw new IllegalArgumentException("required property \"" + r + "\" has no schema at " + name);
            }
        }
        StringBuilder body = new StringBuilder("\"{\" ");
        if (!mandatory.isEmpty()) {
            body.append(String.join(" \",\" ", mandatory));
            for (String o : optional) {
                body.append(" (\",\" ").append(o).append(")?");
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
        String rest = name + "-opt" + (i + 1);
        rules.put(rest, optionalChain(name, optional, i + 1));
        return optional.get(i) + " (\",\" " + rest + ")? | " + rest;
    }

    private String array(JsonNode schema, String name) {
        String item = name + "-item";
        rules.put(item, value(schema.path("items").isMissingNode() ? JSON.createObjectNode().put("type", "string")
                : schema.get("items"), item));
        int maxItems = schema.path("maxItems").asInt(DEFAULT_MAX_ITEMS);
        if (maxItems <= 0) {
            return "\"[]\"";
        }
        return "\"[\" (" + item + " (\",\" " + item + "){0," + (maxItems - 1) + "})? \"]\"";
    }

    private String string(int maxLength) {
        shared("char", "[^\"\\\\\\x7F\\x00-\\x1F] | \"\\\\\" ([\"\\\\/bfnrt] | \"u\" [0-9a-fA-F]{4})");
        return "\"\\\"\" char{0," + Math.max(0, maxLength) + "} \"\\\"\"";
    }

    private String unusedRuleName(String base) {
        String candidate = base;
        for (int i = 2; rules.containsKey(candidate); i++) {
            candidate = base + i;
        }
        rules.put(candidate, "");
        return candidate;
    }

    private String shared(String name, String body) {
        rules.putIfAbsent(name, body);
        return name;
    }

    /** A GBNF literal matching exactly the compact JSON text of {@code node}. */
    private static String literal(JsonNode node) {
        String json;
        try {
            json = JSON.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : json.toCharArray()) {
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

    private static String sanitize(String key) {
        String cleaned = key.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return cleaned.isEmpty() ? "p" + Integer.toHexString(key.hashCode()) : cleaned;
    }
}
