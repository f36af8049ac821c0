package dev.mynah.actions;

import java.util.List;
import java.util.Objects;

/**
 * What an utterance was taken to mean: which route decided, the action (null when none), the validated plans
 * to run, and what to say when there is nothing to run (a rejection, the model's words, or "I can't do that").
 */
public record Decision(Route route, String action, List<Plan> plans, String reply) {

    /** Which part of Mynah decided. */
    public enum Route {
        FAST_PATH("fast-path"),
        LLM("llm"),
        NONE("none");

        private final String id;

        Route(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public Decision {
        Objects.requireNonNull(route, "route");
        plans = List.copyOf(plans);
        if (plans.isEmpty() && reply == null) {
            throw new IllegalArgumentException("a decision without plans needs a reply");
        }
    }
}
