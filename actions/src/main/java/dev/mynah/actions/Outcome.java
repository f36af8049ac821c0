package dev.mynah.actions;

import java.util.Objects;

/** What happened when a plan was executed, with the sentence to say to the user. */
public record Outcome(Status status, String reply, String output) {
    public enum Status { DONE, NEEDS_CONFIRMATION, FAILED, NOT_AVAILABLE }

    public Outcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reply, "reply");
    }

    public boolean done() {
        return status == Status.DONE;
    }
}
