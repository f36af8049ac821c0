package dev.mynah.actions.route;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/** A request to run one action with JSON arguments, from the fast path or the LLM; not yet validated. */
public record Call(String action, ObjectNode arguments) {
    public Call {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(arguments, "arguments");
    }
}
