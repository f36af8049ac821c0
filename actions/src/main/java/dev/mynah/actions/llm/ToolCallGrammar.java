package dev.mynah.actions.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mynah.actions.Action;
import dev.mynah.actions.ActionRegistry;
import dev.mynah.nativelibs.llama.JsonSchemaGrammar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The GBNF grammar that lets the model answer only with tool calls that fit: {@code <tool_call>} blocks in
 * Qwen3's format, each naming one of the registry's actions with arguments valid for that action's schema
 * (one alternative per action, so a name can never carry another action's arguments).
 *
 * <p>With {@link Answers#CALLS_OR_SPEECH} the grammar also allows a short plain-text answer instead, which
 * starts with anything but {@code <} and never contains it. The choice is the model's own first token: the
 * binding checks the grammar lazily, so a model that starts {@code <tool_call>} is held to a valid call, and one
 * that starts a sentence gives a spoken answer to chit-chat instead of a forced, random action. One pass, no
 * second generation. {@link Answers#CALLS_ONLY} is for when the caller already knows an action is wanted.
 *
 * <p>Everything is bounded (strings, numbers, at most {@value #MAX_CALLS} calls, {@value #MAX_SPEECH} characters
 * of speech), so generation always ends within {@link #longestAnswer()} tokens.
 */
public final class ToolCallGrammar {
    /** Whether the model may answer in words instead of calling an action. */
    public enum Answers { CALLS_ONLY, CALLS_OR_SPEECH }

    public static final int MAX_CALLS = 3;
    public static final int MAX_SPEECH = 400;
    /** Longer text arguments are cut to this in the grammar: nobody dictates more in one breath. */
    static final int MAX_STRING = 1000;
    static final String OPEN = "<tool_call>\n{\"name\": ";
    static final String CLOSE = "}\n</tool_call>";

    private final String gbnf;
    private final int longestAnswer;

    private ToolCallGrammar(String gbnf, int longestAnswer) {
        this.gbnf = gbnf;
        this.longestAnswer = longestAnswer;
    }

    public static ToolCallGrammar of(ActionRegistry registry, Answers answers) {
        if (registry.actions().isEmpty()) {
            throw new IllegalArgumentException("there are no actions to call; the registry is empty");
        }
        JsonSchemaGrammar grammar = JsonSchemaGrammar.builder(JsonSchemaGrammar.Layout.PYTHON);
        grammar.rule("root", answers == Answers.CALLS_OR_SPEECH ? "calls | speech" : "calls");
        grammar.rule("calls", "call (\"\\n\" call){0," + (MAX_CALLS - 1) + "}");
        grammar.rule("call", JsonSchemaGrammar.literal(OPEN) + " tool " + JsonSchemaGrammar.literal(CLOSE));
        List<String> tools = new ArrayList<>();
        int longestCall = 0;
        for (Action action : registry.actions()) {
            String rule = "tool-" + action.name().replace('_', '-');
            ObjectNode schema = capped(action.arguments().jsonSchema());
            String prefix = "\"" + action.name() + "\", \"arguments\": ";
            grammar.rule(rule, JsonSchemaGrammar.literal(prefix) + " " + rule + "-arguments");
            grammar.define(rule + "-arguments", schema);
            tools.add(rule);
            longestCall = Math.max(longestCall, OPEN.length() + prefix.length() + longest(schema) + CLOSE.length());
        }
        grammar.rule("tool", String.join(" | ", tools));
        int longest = MAX_CALLS * (longestCall + 1);
        if (answers == Answers.CALLS_OR_SPEECH) {
            // Speech is any text without '<' (which would start a call) and without control characters but
            // newline; it starts with a visible character.
            grammar.rule("speech", "[^<\\x00-\\x20\\x7F] [^<\\x00-\\x09\\x0B-\\x1F\\x7F]{0," + (MAX_SPEECH - 1) + "}");
            longest = Math.max(longest, MAX_SPEECH);
        }
        return new ToolCallGrammar(grammar.gbnf(), longest);
    }

    public String gbnf() {
        return gbnf;
    }

    /** An upper bound on the answer's length in characters, and so in tokens, since a token is at least one. */
    public int longestAnswer() {
        return longestAnswer;
    }

    private static ObjectNode capped(ObjectNode schema) {
        for (JsonNode property : schema.path("properties")) {
            if (property.has("maxLength") && property.get("maxLength").asInt() > MAX_STRING) {
                ((ObjectNode) property).put("maxLength", MAX_STRING);
            }
        }
        return schema;
    }

    /** The longest arguments object the grammar allows for {@code schema}, in characters. */
    private static int longest(ObjectNode schema) {
        int length = 2;
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            JsonNode field = property.getValue();
            int value;
            if (field.has("enum")) {
                value = 0;
                for (JsonNode option : field.get("enum")) {
                    value = Math.max(value, option.toString().length());
                }
            } else {
                value = switch (field.path("type").asText()) {
                    case "string" -> 2 + 2 * field.path("maxLength").asInt(); // every character may be escaped
                    case "boolean" -> 5;
                    default -> 1 + 16 + 7; // sign, up to 16 digits, a fraction
                };
            }
            length += property.getKey().length() + 4 + value + 2;
        }
        return length;
    }
}
