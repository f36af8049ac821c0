package dev.mynah.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The arguments an action takes: a JSON schema (shown to the LLM and turned into its grammar) and the
 * validator that every call passes through, from whichever route, before anything runs.
 */
public final class ArgumentSchema {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Strings are bounded so that grammar-constrained generation always ends and no argv is huge. */
    public static final int DEFAULT_MAX_LENGTH = 200;

    /** One named argument. {@code values} is non-empty for an enumeration. */
    public record Field(String name, String description, Type type, boolean required, double minimum,
                        double maximum, int maxLength, List<String> values) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            values = List.copyOf(values);
        }
    }

    public enum Type { STRING, INTEGER, NUMBER, BOOLEAN }

    private static final ArgumentSchema NONE = new ArgumentSchema(List.of());

    private final Map<String, Field> fields = new LinkedHashMap<>();

    private ArgumentSchema(List<Field> fields) {
        for (Field field : fields) {
            if (this.fields.put(field.name(), field) != null) {
                throw new IllegalArgumentException("argument \"" + field.name() + "\" is declared twice");
            }
        }
    }

    public static ArgumentSchema none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Field> fields() {
        return List.copyOf(fields.values());
    }

    public Field field(String name) {
        return fields.get(name);
    }

    /** The JSON schema: an object with these properties, the required ones listed, nothing else allowed. */
    public ObjectNode jsonSchema() {
        ObjectNode schema = NODES.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        List<String> required = new ArrayList<>();
        for (Field field : fields.values()) {
            ObjectNode property = properties.putObject(field.name());
            switch (field.type()) {
                case STRING -> {
                    property.put("type", "string");
                    if (!field.values().isEmpty()) {
                        field.values().forEach(property.putArray("enum")::add);
                    } else {
                        property.put("maxLength", field.maxLength());
                    }
                }
                case INTEGER, NUMBER -> {
                    property.put("type", field.type() == Type.INTEGER ? "integer" : "number");
                    if (field.type() == Type.INTEGER) {
                        property.put("minimum", (long) field.minimum()).put("maximum", (long) field.maximum());
                    } else {
                        property.put("minimum", field.minimum()).put("maximum", field.maximum());
                    }
                }
                case BOOLEAN -> property.put("type", "boolean");
            }
            property.put("description", field.description());
            if (field.required()) {
                required.add(field.name());
            }
        }
        required.forEach(schema.putArray("required")::add);
        schema.put("additionalProperties", false);
        return schema;
    }

    /**
     * Checks {@code json} against the schema and returns the typed arguments.
     *
     * @throws InvalidArgumentsException naming the first argument that is missing, unknown or out of range
     */
    public Arguments validate(JsonNode json) {
        if (json == null || json.isNull() || json.isMissingNode()) {
            json = NODES.objectNode();
        }
        if (!json.isObject()) {
            throw new InvalidArgumentsException("arguments must be a JSON object, got " + json.getNodeType());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : json.properties()) {
            Field field = fields.get(entry.getKey());
            if (field == null) {
                throw new InvalidArgumentsException("unknown argument \"" + entry.getKey() + "\""
                        + (fields.isEmpty() ? "; this action takes none" : "; expected " + fields.keySet()));
            }
            if (!entry.getValue().isNull()) {
                values.put(field.name(), value(field, entry.getValue()));
            }
        }
        for (Field field : fields.values()) {
            if (field.required() && !values.containsKey(field.name())) {
                throw new InvalidArgumentsException("missing " + field.description().toLowerCase() + " (\""
                        + field.name() + "\")");
            }
        }
        return new Arguments(values);
    }

    private static Object value(Field field, JsonNode node) {
        return switch (field.type()) {
            case STRING -> {
                if (!node.isTextual()) {
                    throw wrongType(field, "text", node);
                }
                yield text(field, node.asText());
            }
            case INTEGER -> {
                if (!node.isIntegralNumber() && !(node.isNumber() && node.asDouble() == Math.rint(node.asDouble()))) {
                    throw wrongType(field, "a whole number", node);
                }
                long value = node.asLong();
                inRange(field, value);
                yield value;
            }
            case NUMBER -> {
                if (!node.isNumber()) {
                    throw wrongType(field, "a number", node);
                }
                double value = node.asDouble();
                inRange(field, value);
                yield value;
            }
            case BOOLEAN -> {
                if (!node.isBoolean()) {
                    throw wrongType(field, "true or false", node);
                }
                yield node.asBoolean();
            }
        };
    }

    private static String text(Field field, String value) {
        if (value.indexOf('\0') >= 0) {
            throw new InvalidArgumentsException(field.name() + " contains a NUL character, which no command can"
                    + " receive; remove it");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(++i)))) {
                throw new InvalidArgumentsException(field.name() + " contains a broken Unicode character at "
                        + "position " + i + "; retype it");
            }
        }
        if (value.isBlank() && field.required()) {
            throw new InvalidArgumentsException(field.name() + " is empty; say what " + field.description()
                    .toLowerCase() + " you mean");
        }
        if (!field.values().isEmpty()) {
            for (String allowed : field.values()) {
                if (allowed.equalsIgnoreCase(value.strip())) {
                    return allowed;
                }
            }
            throw new InvalidArgumentsException(field.name() + " must be one of " + field.values() + ", got \""
                    + value + "\"");
        }
        int length = value.codePointCount(0, value.length());
        if (length > field.maxLength()) {
            throw new InvalidArgumentsException(field.name() + " is " + length + " characters long; the limit is "
                    + field.maxLength());
        }
        return value;
    }

    private static void inRange(Field field, double value) {
        if (value < field.minimum() || value > field.maximum()) {
            throw new InvalidArgumentsException(field.name() + " must be between " + format(field.minimum())
                    + " and " + format(field.maximum()) + ", got " + format(value));
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }

    private static InvalidArgumentsException wrongType(Field field, String expected, JsonNode node) {
        return new InvalidArgumentsException(field.name() + " must be " + expected + ", got " + node);
    }

    /** Declares arguments in the order they are shown to the model. */
    public static final class Builder {
        private final List<Field> fields = new ArrayList<>();

        private Builder() {
        }

        public Builder text(String name, String description, boolean required) {
            return text(name, description, required, DEFAULT_MAX_LENGTH);
        }

        public Builder text(String name, String description, boolean required, int maxLength) {
            fields.add(new Field(name, description, Type.STRING, required, 0, 0, maxLength, List.of()));
            return this;
        }

        public Builder integer(String name, String description, boolean required, long minimum, long maximum) {
            fields.add(new Field(name, description, Type.INTEGER, required, minimum, maximum, 0, List.of()));
            return this;
        }

        public Builder number(String name, String description, boolean required, double minimum, double maximum) {
            fields.add(new Field(name, description, Type.NUMBER, required, minimum, maximum, 0, List.of()));
            return this;
        }

        public Builder choice(String name, String description, boolean required, String... values) {
            fields.add(new Field(name, description, Type.STRING, required, 0, 0, 0, List.of(values)));
            return this;
        }

        public Builder flag(String name, String description, boolean required) {
            fields.add(new Field(name, description, Type.BOOLEAN, required, 0, 0, 0, List.of()));
            return this;
        }

        public ArgumentSchema build() {
            return fields.isEmpty() ? NONE : new ArgumentSchema(fields);
        }
    }
}
