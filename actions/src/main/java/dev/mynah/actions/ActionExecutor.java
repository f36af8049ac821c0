package dev.mynah.actions;

import java.util.Objects;

/**
 * Runs plans: refuses risky ones that were not confirmed, runs the steps in order, and answers with the
 * action's reply, or with a plain-language reason when something failed. It never routes or chains: what runs
 * is exactly the plan it was given.
 */
public final class ActionExecutor {
    private final ProcessRunner processes;

    public ActionExecutor(ProcessRunner processes) {
        this.processes = Objects.requireNonNull(processes, "processes");
    }

    public Outcome execute(Plan plan, boolean confirmed) {
        if (!plan.available()) {
            return new Outcome(Outcome.Status.NOT_AVAILABLE, plan.unavailableReason(), null);
        }
        String output = null;
        try {
            if (!confirmed && (plan.needsConfirmation() || checkSaysConfirm(plan))) {
                return new Outcome(Outcome.Status.NEEDS_CONFIRMATION, plan.confirmationPrompt(), null);
            }
            for (Step step : plan.steps()) {
                output = run(step);
            }
        } catch (ActionFailedException | IllegalArgumentException e) {
            String reason = e.getMessage();
            return new Outcome(Outcome.Status.FAILED, "That didn't work: " + reason
                    + (reason.endsWith(".") || reason.endsWith("?") || reason.endsWith("!") ? "" : "."), output);
        }
        return new Outcome(Outcome.Status.DONE, Action.fill(plan.action().reply(), plan.arguments(), output),
                output);
    }

    private boolean checkSaysConfirm(Plan plan) throws ActionFailedException {
        String answer = null;
        for (Step step : plan.confirmationCheck()) {
            answer = run(step);
        }
        return answer != null && answer.strip().equalsIgnoreCase("true");
    }

    private String run(Step step) throws ActionFailedException {
        return switch (step) {
            case Step.Run run -> processes.run(run.argv(), run.stdin(), run.timeout()).stdout();
            case Step.AppleScript script -> processes.run(script.argv(), null, script.timeout()).stdout();
            case Step.Spawn spawn -> {
                processes.spawn(spawn.argv());
                yield null;
            }
            case Step.InProcess work -> {
                try {
                    yield work.work().run(processes);
                } catch (ActionFailedException | RuntimeException e) {
                    throw e instanceof ActionFailedException failed ? failed
                            : new ActionFailedException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
                } catch (Exception e) {
                    throw new ActionFailedException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
                }
            }
        };
    }
}
