package dev.mynah.actions.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mynah.actions.Action;
import dev.mynah.actions.ActionRegistry;
import dev.mynah.actions.AssistantHooks;
import dev.mynah.actions.catalog.BuiltInActions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The user's {@code actions.json}: built-in actions switched off, and custom actions (see {@link CustomAction}).
 * Read forgivingly: every entry that is wrong is left out and described in {@link #problems()}, naming the
 * entry and the field, and the rest still works, so a typo never stops Mynah.
 *
 * <pre>{"disabled": ["restart"], "custom": [{"name": "garage_door", "description": "Open or close the garage.",
 *   "phrases": ["garage {state}"], "risk": "reversible", "reply": "Done.", "argv": ["garage-ctl", "{state}"]}]}</pre>
 */
public final class ActionsConfig {
    public static final String FILE_NAME = "actions.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEYS = Set.of("disabled", "custom");

    private final Set<String> disabled;
    private final List<CustomAction> custom;
    private final List<String> problems;

    private ActionsConfig(Set<String> disabled, List<CustomAction> custom, List<String> problems) {
        this.disabled = Set.copyOf(disabled);
        this.custom = List.copyOf(custom);
        this.problems = List.copyOf(problems);
    }

    /** Reads {@code file}, checking names against the built-in catalogue; a missing file is an empty config. */
    public static ActionsConfig load(Path file) {
        return load(file, BuiltInActions.registry(AssistantHooks.NONE));
    }

    /** Reads {@code file}, checking disabled and custom names against {@code builtIns}. */
    public static ActionsConfig load(Path file, ActionRegistry builtIns) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new ActionsConfig(Set.of(), List.of(), List.of());
        } catch (IOException e) {
            return new ActionsConfig(Set.of(), List.of(), List.of(file + " cannot be read (" + e.getMessage()
                    + "); no custom actions are loaded"));
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return new ActionsConfig(Set.of(), List.of(), List.of(file + " is not valid JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + " ("
                    + e.getOriginalMessage() + "); no custom actions are loaded"));
        }
        return read(root, file.getFileName().toString(), builtIns);
    }

    static ActionsConfig read(JsonNode root, String source, ActionRegistry builtIns) {
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            return new ActionsConfig(Set.of(), List.of(), List.of(source + " must hold a JSON object with"
                    + " \"disabled\" and \"custom\""));
        }
        for (var field : root.properties()) {
            if (!KEYS.contains(field.getKey())) {
                problems.add(source + ": unknown field \"" + field.getKey() + "\"; the fields are \"disabled\" and"
                        + " \"custom\"");
            }
        }
        Set<String> disabled = new LinkedHashSet<>();
        JsonNode disabledNode = root.path("disabled");
        if (!disabledNode.isMissingNode() && !disabledNode.isArray()) {
            problems.add(source + ": field \"disabled\" must be a list of action names");
        }
        for (JsonNode name : disabledNode.isArray() ? disabledNode : JSON.createArrayNode()) {
            if (!name.isTextual()) {
                problems.add(source + ": field \"disabled\": " + name + " is not an action name");
            } else if (builtIns.find(name.textValue()).isEmpty()) {
                problems.add(source + ": field \"disabled\": there is no built-in action called \""
                        + name.textValue() + "\"");
            } else {
                disabled.add(name.textValue());
            }
        }
        List<CustomAction> custom = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        JsonNode customNode = root.path("custom");
        if (!customNode.isMissingNode() && !customNode.isArray()) {
            problems.add(source + ": field \"custom\" must be a list of actions");
        }
        int index = 0;
        for (JsonNode entry : customNode.isArray() ? customNode : JSON.createArrayNode()) {
            String where = source + ": custom[" + index++ + "]";
            try {
                CustomAction action = CustomAction.read(entry, where);
                String name = action.action().name();
                if (builtIns.find(name).isPresent()) {
                    problems.add(where + " \"" + name + "\": field \"name\": a built-in action is already called"
                            + " that; choose another name (or disable the built-in and still choose another)");
                } else if (!names.add(name)) {
                    problems.add(where + " \"" + name + "\": field \"name\": another custom action has this name");
                } else {
                    custom.add(action);
                }
            } catch (CustomAction.Invalid e) {
                problems.add(e.getMessage());
            }
        }
        return new ActionsConfig(disabled, custom, problems);
    }

    /** The built-in actions the user switched off (only names that exist). */
    public Set<String> disabled() {
        return disabled;
    }

    /** The custom actions that are valid, in file order. */
    public List<Action> customActions() {
        return custom.stream().map(CustomAction::action).toList();
    }

    /** What is wrong in the file, one sentence per entry left out; empty when all is well. */
    public List<String> problems() {
        return problems;
    }

    /** The phrases of each custom action, by action name, for the fast-path router. */
    public Map<String, List<String>> phrases() {
        Map<String, List<String>> phrases = new LinkedHashMap<>();
        custom.forEach(c -> phrases.put(c.action().name(), c.phrases()));
        return phrases;
    }

    /** {@code builtIns} without the disabled actions, plus the custom ones. */
    public ActionRegistry apply(ActionRegistry builtIns) {
        return builtIns.without(disabled).with(customActions());
    }
}
