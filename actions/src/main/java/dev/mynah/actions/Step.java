package dev.mynah.actions;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * One thing an action does on this computer. Processes are always an argv list, never a shell line, so no
 * argument can become a command; AppleScript receives user text only as escaped string literals.
 */
public sealed interface Step {
    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** Runs a program, waits for it (at most {@code timeout}) and checks its exit status. */
    record Run(List<String> argv, String stdin, Duration timeout) implements Step {
        public Run {
            argv = List.copyOf(argv);
            if (argv.isEmpty()) {
                throw new IllegalArgumentException("empty argv");
            }
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    /** Runs AppleScript source with {@code osascript -e}; the source is one argv element. */
    record AppleScript(String source, Duration timeout) implements Step {
        public AppleScript {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(timeout, "timeout");
        }

        public List<String> argv() {
            return List.of("osascript", "-e", source);
        }
    }

    /** Starts a program that keeps running on its own (a GUI app, a timer) without waiting for it. */
    record Spawn(List<String> argv) implements Step {
        public Spawn {
            argv = List.copyOf(argv);
            if (argv.isEmpty()) {
                throw new IllegalArgumentException("empty argv");
            }
        }
    }

    /**
     * Work done inside Mynah (clock, arithmetic, addresses, or programs whose output needs reading before it can
     * be said); {@code description} says what, for dry runs. Programs it runs go through the executor's runner.
     */
    record InProcess(String description, Work work) implements Step {
        public InProcess {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(work, "work");
        }
    }

    /** The body of an in-process step; returns what the reply's {@code {result}} says. */
    @FunctionalInterface
    interface Work {
        String run(ProcessRunner processes) throws Exception;
    }

    static Step run(String... argv) {
        return new Run(List.of(argv), null, DEFAULT_TIMEOUT);
    }

    static Step run(List<String> argv) {
        return new Run(argv, null, DEFAULT_TIMEOUT);
    }

    static Step runWithInput(String stdin, String... argv) {
        return new Run(List.of(argv), stdin, DEFAULT_TIMEOUT);
    }

    static Step spawn(String... argv) {
        return new Spawn(List.of(argv));
    }

    static Step appleScript(String source) {
        return new AppleScript(source, DEFAULT_TIMEOUT);
    }

    /** AppleScript that may take longer than usual (typing a long text, say). */
    static Step appleScript(String source, Duration timeout) {
        return new AppleScript(source, timeout);
    }

    static Step inProcess(String description, Callable<String> work) {
        return new InProcess(description, processes -> work.call());
    }

    /** In-process work that runs programs itself, for instance to turn their output into a sentence. */
    static Step inProcessWith(String description, Work work) {
        return new InProcess(description, work);
    }

    /** The argv this step starts, or null for in-process work. */
    default List<String> argv() {
        return switch (this) {
            case Run run -> run.argv();
            case AppleScript script -> List.of("osascript", "-e", script.source());
            case Spawn spawn -> spawn.argv();
            case InProcess ignored -> null;
        };
    }
}
