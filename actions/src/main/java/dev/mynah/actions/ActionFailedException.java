package dev.mynah.actions;

/** An action that was started and did not work; the message is plain language a person can act on. */
public final class ActionFailedException extends Exception {
    public ActionFailedException(String message) {
        super(message);
    }

    public ActionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
