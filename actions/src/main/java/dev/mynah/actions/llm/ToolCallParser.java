package dev.mynah.actions.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mynah.actions.Action;
import dev.mynah.actions.ActionRegistry;
import dev.mynah.actions.InvalidArgumentsException;
import dev.mynah.actions.route.Call;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a model's answer: the {@code <tool_call>} blocks in it (whitespace and {@code <think>} blocks
 * tolerated), each checked against the registry, or the plain reply when there is no call. Anything wrong
 * (malformed JSON, an unknown action, arguments that do not fit) makes the whole answer unusable, so nothing
 * runs; it never throws.
 */
public final class ToolCallParser {
    /** The answer read from the model's text. */
    public sealed interface Parsed permits Calls, LlmAnswer.Speech, LlmAnswer.Unusable {
    }

    /** Calls whose actions exist and whose arguments fit; {@code notice} is null unless calls were dropped. */
    public record Calls(List<Call> calls, String notice) implements Parsed {
        public Calls {
            calls = List.copyOf(calls);
        }
    }

    private static final Pattern THINK = Pattern.compile("<think>.*?</think>", Pattern.DOTALL);
    private static final Pattern CALL = Pattern.compile("<tool_call>(.*?)</tool_call>", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final ActionRegistry registry;

    public ToolCallParser(ActionRegistry registry) {
        this.registry = registry;
    }

    public Parsed parse(String output) {
        String text = THINK.matcher(output).replaceAll("");
        if (text.contains("<think>")) {
            return new LlmAnswer.Unusable("the model's answer ended while it was still thinking");
        }
        Matcher blocks = CALL.matcher(text);
        List<String> bodies = new ArrayList<>();
        int end = 0;
        while (blocks.find()) {
            bodies.add(blocks.group(1));
            end = blocks.end();
        }
        if (text.indexOf("<tool_call>", end) >= 0) {
            return new LlmAnswer.Unusable("the model's tool call was cut off before </tool_call>");
        }
        if (bodies.isEmpty()) {
            String speech = text.strip();
            return speech.isEmpty() ? new LlmAnswer.Unusable("the model gave an empty answer")
                    : new LlmAnswer.Speech(speech);
        }
        String notice = null;
        if (bodies.size() > ToolCallGrammar.MAX_CALLS) {
            notice = "The model asked for " + bodies.size() + " actions at once; only the first "
                    + ToolCallGrammar.MAX_CALLS + " were kept.";
            bodies = bodies.subList(0, ToolCallGrammar.MAX_CALLS);
        }
        List<Call> calls = new ArrayList<>();
        try {
            for (int i = 0; i < bodies.size(); i++) {
                calls.add(call(bodies.get(i), bodies.size() == 1 ? "the model's tool call" : "tool call " + (i + 1)));
            }
        } catch (Rejected e) {
            return new LlmAnswer.Unusable(e.getMessage());
        }
        return new Calls(calls, notice);
    }

    /** Why one call cannot be used; stays inside this class. */
    private static final class Rejected extends Exception {
        Rejected(String message) {
            super(message, null, false, false);
        }
    }

    private Call call(String body, String which) throws Rejected {
        JsonNode json;
        try {
            json = JSON.readTree(body.strip());
        } catch (JsonProcessingException e) {
            throw new Rejected(which + " is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (json == null || !json.isObject()) {
            throw new Rejected(which + " must be a JSON object with \"name\" and \"arguments\"");
        }
        for (var field : json.properties()) {
            String key = field.getKey();
            if (!Set.of("name", "arguments").contains(key)) {
                throw new Rejected(which + " has an unexpected field \"" + key + "\"");
            }
        }
        if (!json.path("name").isTextual()) {
            throw new Rejected(which + " names no action (\"name\" must be text)");
        }
        String name = json.get("name").textValue();
        Optional<Action> action = registry.find(name);
        if (action.isEmpty()) {
            throw new Rejected(which + " asks for \"" + name + "\", which is not an action Mynah has");
        }
        JsonNode arguments = json.path("arguments");
        if (arguments.isTextual()) {
            // Some models write the arguments as a JSON string holding the object.
            try {
                arguments = JSON.readTree(arguments.textValue());
            } catch (JsonProcessingException e) {
                throw new Rejected(which + " to " + name + " has arguments that are not valid JSON");
            }
        }
        if (arguments.isMissingNode() || arguments.isNull()) {
            arguments = JSON.createObjectNode();
        }
        if (!arguments.isObject()) {
            throw new Rejected(which + " to " + name + " must give its arguments as a JSON object");
        }
        try {
            action.get().arguments().validate(arguments);
        } catch (InvalidArgumentsException e) {
            throw new Rejected(which + " to " + name + " does not fit: " + e.getMessage());
        }
        return new Call(name, (ObjectNode) arguments);
    }
}
