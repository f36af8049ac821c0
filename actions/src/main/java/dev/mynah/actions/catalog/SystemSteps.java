package dev.mynah.actions.catalog;

import dev.mynah.actions.ActionFailedException;
import dev.mynah.actions.ProcessRunner;
import dev.mynah.actions.Step;

import java.util.List;
import java.util.function.Function;

/**
 * Steps the app, system and media actions share: one that stops a call with a plain-language reason, and one
 * that runs a read-only command and turns its terse output into a sentence.
 */
final class SystemSteps {
    private SystemSteps() {
    }

    /** A step that fails with {@code reason}, for a call that cannot work (an app that is not installed). */
    static Step failing(String reason) {
        return Step.inProcess("stop: " + reason, () -> {
            throw new ActionFailedException(reason);
        });
    }

    /**
     * Runs {@code argv} and says {@code sentence} of its output. A plain {@link Step#run} would speak the raw
     * output (pmset's or nmcli's columns); this step runs the same argv and reads it.
     */
    static Step reading(Function<String, String> sentence, String... argv) {
        List<String> command = List.of(argv);
        return Step.inProcessWith("read the output of: " + String.join(" ", command),
                processes -> sentence.apply(output(processes, command)));
    }

    /** What {@code argv} prints; a failure becomes the runner's plain-language reason. */
    static String output(ProcessRunner processes, List<String> argv) throws ActionFailedException {
        return processes.run(argv, null, Step.DEFAULT_TIMEOUT).stdout();
    }
}
