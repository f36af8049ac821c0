package dev.mynah.supply;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a build tool (git, cmake, a compiler) as an argv list and turns failure into a message naming what
 * to install. Standard error goes to a log file that the message points at.
 */
public final class ExternalCommand {
    private ExternalCommand() {
    }

    /**
     * Runs {@code command} in {@code directory} and returns its standard output.
     *
     * @param installHint what to install when the tool is missing or fails, e.g. "Debian: apt-get install cmake"
     */
    public static String run(List<String> command, Path directory, long timeoutMinutes, String installHint)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("mynah-" + Path.of(command.getFirst()).getFileName() + "-", ".log");
        Process process;
        try {
            process = new ProcessBuilder(command).directory(directory.toFile()).redirectError(log.toFile()).start();
        } catch (IOException e) {
            Files.deleteIfExists(log);
            throw new IOException(command.getFirst() + " is needed here but could not be started (" + e.getMessage()
                    + "); " + installHint, e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish within " + timeoutMinutes
                    + " minutes; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (exit " + process.exitValue() + "); see "
                    + log + ". " + installHint);
        }
        Files.delete(log);
        return output;
    }
}
