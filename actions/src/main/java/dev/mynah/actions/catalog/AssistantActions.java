package dev.mynah.actions.catalog;

import dev.mynah.actions.Action;
import dev.mynah.actions.AssistantHooks;

import java.util.List;

/** TODO(helper): the assistant's own actions. */
final class AssistantActions {
    private AssistantActions() {
    }

    static List<Action> actions(AssistantHooks hooks) {
        return List.of();
    }
}
