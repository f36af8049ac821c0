package dev.mynah.actions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts programs from an argv list (never through a shell), with a timeout, and turns a missing program, a
 * non-zero exit or an AppleScript error into a sentence that says what to do.
 */
public class ProcessRunner {
    private static final int OUTPUT_LIMIT = 1 << 20;
    private static final Duration OUTPUT_GRACE = Duration.ofSeconds(2);
    private static final Pattern APPLESCRIPT_ERROR = Pattern.compile("execution error: (.*?) \\((-?\\d+)\\)\\s*$",
            Pattern.DOTALL);
    /** The Debian package that provides each program a Linux action uses. */
    private static final Map<String, String> DEBIAN_PACKAGES = Map.ofEntries(
            Map.entry("pactl", "pulseaudio-utils"), Map.entry("xdotool", "xdotool"), Map.entry("xclip", "xclip"),
            Map.entry("notify-send", "libnotify-bin"), Map.entry("wmctrl", "wmctrl"),
            Map.entry("xdg-open", "xdg-utils"), Map.entry("gtk-launch", "libgtk-3-bin"),
            Map.entry("nmcli", "network-manager"), Map.entry("bluetoothctl", "bluez"),
            Map.entry("playerctl", "playerctl"), Map.entry("brightnessctl", "brightnessctl"),
            Map.entry("gnome-screenshot", "gnome-screenshot"), Map.entry("import", "imagemagick"),
            Map.entry("gsettings", "libglib2.0-bin"), Map.entry("loginctl", "systemd"),
            Map.entry("systemctl", "systemd"), Map.entry("xset", "x11-xserver-utils"),
            Map.entry("gio", "libglib2.0-bin"), Map.entry("locate", "plocate"),
            Map.entry("gnome-control-center", "gnome-control-center"),
            Map.entry("gnome-software", "gnome-software"), Map.entry("baobab", "baobab"),
            Map.entry("xsel", "xsel"), Map.entry("systemd-run", "systemd"));
    /** Programs some macOS actions use that macOS does not ship, with the Homebrew formula that provides them. */
    private static final Map<String, String> HOMEBREW_FORMULAE = Map.of("blueutil", "blueutil");

    private final Map<String, String> environment;

    /** Runs programs with Mynah's own environment. */
    public ProcessRunner() {
        this(Map.of());
    }

    /** Runs programs with Mynah's environment plus {@code environment} (a test's {@code DISPLAY}, say). */
    public ProcessRunner(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** What a finished program printed. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    /** Runs {@code argv} to completion and returns its output; a non-zero exit is an error. */
    public Result run(List<String> argv, String stdin, Duration timeout) throws ActionFailedException {
        Process process = start(argv, false);
        Output stdout = new Output(process.getInputStream());
        Output stderr = new Output(process.getErrorStream());
        Thread.ofVirtual().start(() -> feed(process.getOutputStream(), stdin));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new ActionFailedException(program(argv) + " did not finish within " + timeout.toSeconds()
                        + " s and was stopped");
            }
            // A program may leave a child behind that keeps our pipes open (xclip serving the selection does):
            // what it printed before exiting is all there is to read.
            Result result = new Result(process.exitValue(), stdout.text(), stderr.text());
            if (result.exitCode() != 0) {
                throw new ActionFailedException(explain(argv, result));
            }
            return result;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ActionFailedException(program(argv) + " was interrupted", e);
        } catch (ExecutionException e) {
            throw new ActionFailedException("could not read the output of " + program(argv), e.getCause());
        }
    }

    /** Starts {@code argv} and leaves it running on its own. */
    public void spawn(List<String> argv) throws ActionFailedException {
        start(argv, true);
    }

    private Process start(List<String> argv, boolean detached) throws ActionFailedException {
        for (String arg : argv) {
            if (arg.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("argv element contains NUL: " + argv);
            }
        }
        ProcessBuilder builder = new ProcessBuilder(argv);
        builder.environment().putAll(environment);
        if (detached) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
        }
        try {
            return builder.start();
        } catch (IOException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("error=2") || message.contains("No such file")) {
                String program = program(argv);
                String formula = HOMEBREW_FORMULAE.get(program);
                String packageName = DEBIAN_PACKAGES.get(program);
                String hint = formula != null ? "; install it with: brew install " + formula
                        : packageName != null ? "; install it with: sudo apt install " + packageName : "";
                throw new ActionFailedException(program + " is not installed" + hint, e);
            }
            throw new ActionFailedException("could not start " + program(argv) + ": " + message, e);
        }
    }

    static String explain(List<String> argv, Result result) {
        String stderr = result.stderr().strip();
        if (program(argv).equals("osascript")) {
            Matcher error = APPLESCRIPT_ERROR.matcher(stderr);
            if (error.find()) {
                String message = error.group(1).strip();
                return switch (error.group(2)) {
                    case "-1743" -> "macOS has not allowed Mynah to control that app: allow it in System Settings"
                            + " › Privacy & Security › Automation, then try again";
                    case "-1719", "-25211" -> "macOS has not given Mynah accessibility access: allow it in System"
                            + " Settings › Privacy & Security › Accessibility, then try again";
                    case "-600" -> "that app is not running";
                    case "-128" -> "cancelled";
                    default -> message;
                };
            }
        }
        String firstLine = stderr.isEmpty() ? "" : stderr.lines().findFirst().orElse("");
        return program(argv) + " failed (exit status " + result.exitCode() + ")"
                + (firstLine.isEmpty() ? "" : ": " + firstLine);
    }

    private static String program(List<String> argv) {
        String first = argv.getFirst();
        return first.substring(first.lastIndexOf('/') + 1);
    }

    /** Reads one of a program's output streams on a virtual thread, keeping at most {@link #OUTPUT_LIMIT} bytes. */
    private static final class Output {
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        private final CompletableFuture<Void> finished = new CompletableFuture<>();

        Output(InputStream stream) {
            Thread.ofVirtual().start(() -> {
                try (stream) {
                    byte[] buffer = new byte[8192];
                    for (int n = stream.read(buffer); n >= 0; n = stream.read(buffer)) {
                        synchronized (bytes) {
                            bytes.write(buffer, 0, Math.min(n, Math.max(0, OUTPUT_LIMIT - bytes.size())));
                        }
                    }
                    finished.complete(null);
                } catch (IOException e) {
                    finished.completeExceptionally(e);
                }
            });
        }

        /**
         * What was printed. A program may leave a child behind that keeps the pipe open (xclip serving the
         * selection does), so after a short grace period what arrived so far is all there is.
         */
        String text() throws InterruptedException, ExecutionException {
            try {
                finished.get(OUTPUT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                // Keep what arrived.
            }
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }

    private static void feed(OutputStream stream, String stdin) {
        try (stream) {
            if (stdin != null) {
                stream.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // The program exited without reading its input; its exit status tells what happened.
        }
    }
}
