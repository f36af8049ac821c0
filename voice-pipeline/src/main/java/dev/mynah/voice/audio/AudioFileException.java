package dev.mynah.voice.audio;

import java.nio.file.Path;

/** An audio file that cannot be used; the message names the file and what to do. */
public final class AudioFileException extends Exception {
    public AudioFileException(Path file, String reason) {
        super("Cannot use audio " + file + ": " + reason + ".");
    }
}
