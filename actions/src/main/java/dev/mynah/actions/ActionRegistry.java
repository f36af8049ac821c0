package dev.mynah.actions;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every action Mynah knows, by name, and the one way to turn a call into a validated {@link Plan}. */
public final class ActionRegistry {
    private final Map<String, Action> actions = new LinkedHashMap<>();

    private ActionRegistry(Collection<Action> actions) {
        for (Action action : actions) {
            if (this.actions.put(action.name(), action) != null) {
                throw new IllegalArgumentException("two actions are named \"" + action.name() + "\"");
            }
        }
    }

    public static ActionRegistry of(Collection<Action> actions) {
        return new ActionRegistry(actions);
    }

    public List<Action> actions() {
        return List.copyOf(actions.values());
    }

    public Optional<Action> find(String name) {
        return Optional.ofNullable(actions.get(name));
    }

    /** The same registry without the actions the user switched off. */
    public ActionRegistry without(Set<String> disabled) {
        return new ActionRegistry(actions.values().stream().filter(a -> !disabled.contains(a.name())).toList());
    }

    /** This registry plus {@code more}; a name already taken is an error. */
    public ActionRegistry with(Collection<Action> more) {
        List<Action> all = new java.util.ArrayList<>(actions.values());
        all.addAll(more);
        return new ActionRegistry(all);
    }

    /**
     * Validates a call and works out what would run on {@code os}.
     *
     * @throws InvalidArgumentsException for an unknown action or arguments that do not fit its schema
     */
    public Plan plan(String name, JsonNode arguments, Os os) {
        Action action = actions.get(name);
        if (action == null) {
            throw new InvalidArgumentsException("there is no action called \"" + name + "\"");
        }
        Arguments validated = action.arguments().validate(arguments);
        List<Step> steps = action.implementation(os).map(i -> i.steps(validated)).orElse(List.of());
        List<Step> check = action.confirmationCheck(os).map(i -> i.steps(validated)).orElse(List.of());
        return new Plan(action, validated, os, steps, check);
    }
}
