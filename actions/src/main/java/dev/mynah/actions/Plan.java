package dev.mynah.actions;

import java.util.List;
import java.util.Objects;

/**
 * A validated call ready to run: the action, its arguments, the desktop, the steps that would run there (empty
 * when the action has no implementation on that desktop), the read-only check, if any, whose {@code true}
 * makes a usually harmless action wait for confirmation, and {@code imposedConfirmation}: a reason, or null, why
 * this call waits for the user's yes whatever its risk.
 */
public record Plan(Action action, Arguments arguments, Os os, List<Step> steps, List<Step> confirmationCheck,
                   String imposedConfirmation) {
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

    public Plan(Action action, Arguments arguments, Os os, List<Step> steps, List<Step> confirmationCheck) {
        this(action, arguments, os, steps, confirmationCheck, null);
    }

    /**
     * The same call, run only after the user's yes whatever its risk. A turn that read the user's documents uses
     * this for every call it proposes: document text is data, and may carry instructions the user never gave.
     */
    public Plan confirmedOnlyBecause(String reason) {
        return new Plan(action, arguments, os, steps, confirmationCheck, Objects.requireNonNull(reason, "reason"));
    }

    public boolean needsConfirmation() {
        return imposedConfirmation != null || action.risk().needsConfirmation();
    }

    /** The question asked before the action runs, or null when it never asks. */
    public String confirmationPrompt() {
        if (imposedConfirmation != null) {
            return imposedConfirmation + " " + action.description() + " " + arguments + " Should I go ahead?";
        }
        return action.confirmationPrompt() == null ? null : Action.fill(action.confirmationPrompt(), arguments, null);
    }

    public String unavailableReason() {
        return "\"" + action.name() + "\" is not available on " + (os == Os.MACOS ? "macOS" : "Linux") + ".";
    }
}
