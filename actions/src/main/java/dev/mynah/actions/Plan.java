package dev.mynah.actions;

import java.util.List;
import java.util.Objects;

/**
 * A validated call ready to run: the action, its arguments, the desktop, the steps that would run there (empty
 * when the action has no implementation on that desktop) and the read-only check, if any, whose {@code true}
 * makes a usually harmless action wait for confirmation.
 */
public record Plan(Action action, Arguments arguments, Os os, List<Step> steps, List<Step> confirmationCheck) {
    public Plan {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(os, "os");
        steps = List.copyOf(steps);
        confirmationCheck = List.copyOf(confirmationCheck);
    }

    public boolean available() {
        return action.runsOn(os);
    }

    public Risk risk() {
        return action.risk();
    }

    public boolean needsConfirmation() {
        return action.risk().needsConfirmation();
    }

    /** The question asked before a risky action runs, or null when the action never asks. */
    public String confirmationPrompt() {
        return action.confirmationPrompt() == null ? null : Action.fill(action.confirmationPrompt(), arguments, null);
    }

    public String unavailableReason() {
        return "\"" + action.name() + "\" is not available on " + (os == Os.MACOS ? "macOS" : "Linux") + ".";
    }
}
