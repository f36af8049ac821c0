package dev.mynah.actions.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mynah.actions.Action;
import dev.mynah.actions.ActionRegistry;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The registry's actions as Qwen3 tools, written exactly as Qwen3's chat template writes them (Python's
 * {@code json.dumps} with {@code ensure_ascii=False}), and the system prompt of the voice assistant.
 */
public final class ToolCatalog {
    public static final String SYSTEM_PROMPT = "You are Mynah, a voice assistant on the user's computer. When one"
            + " of the tools does what the user asks, answer with exactly one tool call and nothing else. When no"
            + " tool fits, answer in one or two short sentences that can be spoken aloud.";

    private ToolCatalog() {
    }

    /** One JSON object per action, in registry order. */
    public static List<String> toolsJson(ActionRegistry registry) {
        return registry.actions().stream().map(ToolCatalog::toolJson).toList();
    }

    static String toolJson(Action action) {
        ObjectNode function = JsonNodeFactory.instance.objectNode()
                .put("name", action.name())
                .put("description", action.description());
        function.set("parameters", action.arguments().jsonSchema());
        ObjectNode tool = JsonNodeFactory.instance.objectNode().put("type", "function");
        tool.set("function", function);
        return pythonJson(tool);
    }

    /** {@code json.dumps(value, ensure_ascii=False)}: ", " and ": " separators, Python's float notation. */
    static String pythonJson(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonNode> entry : node.properties()) {
                    out.append(first ? "" : ", ");
                    first = false;
                    string(entry.getKey(), out);
                    out.append(": ");
                    write(entry.getValue(), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    out.append(i == 0 ? "" : ", ");
                    write(node.get(i), out);
                }
                out.append(']');
            }
            case STRING -> string(node.textValue(), out);
            case NUMBER -> out.append(node.isIntegralNumber() ? node.bigIntegerValue().toString()
                    : pythonFloat(node.doubleValue()));
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("cannot write a " + node.getNodeType() + " as JSON");
        }
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Python's {@code repr(float)}: shortest digits, plain between 1e-4 and 1e16, else d.ddde+XX. */
    static String pythonFloat(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        int exponent = exact.precision() - exact.scale() - 1;
        if (exponent >= -4 && exponent < 16) {
            String plain = exact.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        String digits = exact.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (value < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                + String.format("%02d", Math.abs(exponent));
    }
}
