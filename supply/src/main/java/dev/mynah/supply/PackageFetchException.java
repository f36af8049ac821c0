package dev.mynah.supply;

/** A pinned package could not be fetched, verified or unpacked; the message says what to do. */
public final class PackageFetchException extends Exception {
    public PackageFetchException(String message) {
        super(message);
    }

    public PackageFetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
