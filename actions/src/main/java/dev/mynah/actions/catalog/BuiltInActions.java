package dev.mynah.actions.catalog;

import dev.mynah.actions.Action;
import dev.mynah.actions.ActionRegistry;
import dev.mynah.actions.AssistantHooks;

import java.util.ArrayList;
import java.util.List;

/** Every action that ships with Mynah, grouped as the user thinks of them. */
public final class BuiltInActions {
    private BuiltInActions() {
    }

    public static ActionRegistry registry(AssistantHooks hooks) {
        List<Action> all = new ArrayList<>();
        all.addAll(AppActions.actions());
        all.addAll(SystemActions.actions());
        all.addAll(MediaActions.actions());
        all.addAll(WebActions.actions());
        all.addAll(ProductivityActions.actions());
        all.addAll(FileActions.actions());
        all.addAll(CommunicationActions.actions());
        all.addAll(InformationActions.actions());
        all.addAll(AssistantActions.actions(hooks));
        return ActionRegistry.of(all);
    }
}
