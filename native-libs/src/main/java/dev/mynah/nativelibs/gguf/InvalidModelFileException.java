package dev.mynah.nativelibs.gguf;

import java.nio.file.Path;

/** A model file that must not reach a native engine; the message names the file and what to do. */
public final class InvalidModelFileException extends Exception {
    private final Path path;

    public InvalidModelFileException(Path path, String reason) {
        super("Cannot use model " + path + ": " + reason + ".");
        this.path = path;
    }

    public Path path() {
        return path;
    }
}
