package dev.mynah.actions.catalog;

import dev.mynah.actions.Action;

import java.util.List;

/** TODO(helper): the actions of this group. */
final class MediaActions {
    private MediaActions() {
    }

    static List<Action> actions() {
        return List.of();
    }
}
