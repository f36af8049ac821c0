package dev.mynah.actions;

/** Arguments that do not fit an action's schema; the message says what to change. */
public final class InvalidArgumentsException extends IllegalArgumentException {
    public InvalidArgumentsException(String message) {
        super(message);
    }
}
