package dev.mynah.app;

import dev.mynah.rag.ingest.IngestEvent;
import dev.mynah.rag.ingest.IngestListener;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Shows ingestion as it goes (files done of total and the current file: one line rewritten in place on a terminal,
 * a line per file otherwise) and tallies what happened, for the summary printed at the end.
 */
final class IngestProgress implements IngestListener {
    private static final int TERMINAL_WIDTH = 80;
    private static final String SKIPPED_PREFIX = "skipped: ";

    /** A file left out or not read, with the reason shown to the user. */
    record Problem(Path file, String reason) {
    }

    private final PrintWriter progress;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private final List<Problem> skipped = new ArrayList<>();
    private final List<Problem> failed = new ArrayList<>();
    private int indexed;
    private int chunks;
    private int embedded;
    private int unchanged;
    private int removed;
    private boolean lineOpen;

    /** Progress goes to {@code progress}; {@code terminal} rewrites one line instead of printing one per file. */
    IngestProgress(PrintWriter progress, boolean terminal) {
        this.progress = progress;
        this.terminal = terminal;
    }

    /** True when standard input and output are an interactive terminal, where a line can be rewritten. */
    static boolean onTerminal() {
        return System.console() != null && System.console().isTerminal();
    }

    @Override
    public void on(IngestEvent event) {
        switch (event) {
            case IngestEvent.Progress p -> show(String.format(Locale.ROOT, "[%d/%d] %s", p.done() + 1, p.total(),
                    p.current()));
            case IngestEvent.Indexed i -> {
                indexed++;
                chunks += i.chunks();
                embedded += i.embedded();
            }
            case IngestEvent.Unchanged u -> unchanged++;
            case IngestEvent.Skipped s -> skipped.add(new Problem(s.file(), s.reason().startsWith(SKIPPED_PREFIX)
                    ? s.reason().substring(SKIPPED_PREFIX.length()) : s.reason()));
            case IngestEvent.Failed f -> failed.add(new Problem(f.file(), f.error()));
            case IngestEvent.Removed r -> removed++;
            case IngestEvent.Committed c -> {
            }
        }
    }

    private void show(String line) {
        if (terminal) {
            // Carriage return, then erase to the end of the line (ANSI), so a shorter path leaves no tail behind.
            progress.print("\r\u001b[K" + fit(line));
            lineOpen = true;
        } else {
            progress.println(line);
        }
        progress.flush();
    }

    /** Cuts the middle of a long line, keeping its start (the count) and its end (the file name). */
    private static String fit(String line) {
        if (line.length() < TERMINAL_WIDTH) {
            return line;
        }
        int keep = TERMINAL_WIDTH - 2;
        int head = Math.min(line.indexOf(' ') + 1, keep / 2);
        return line.substring(0, head) + "…" + line.substring(line.length() - (keep - head));
    }

    /** Clears the progress line, if one is showing. */
    void finish() {
        if (lineOpen) {
            progress.print("\r\u001b[K");
            progress.flush();
            lineOpen = false;
        }
    }

    /** The files left out and why, then one line of counts and the time taken. */
    void printSummary(PrintWriter out) {
        finish();
        if (!skipped.isEmpty()) {
            out.println("Skipped " + count(skipped.size(), "file") + ":");
            skipped.forEach(problem -> out.println("  " + problem.file() + ": " + problem.reason()));
        }
        if (!failed.isEmpty()) {
            out.println("Could not read " + count(failed.size(), "file")
                    + " (what was indexed for them is kept; the next update tries again):");
            failed.forEach(problem -> out.println("  " + problem.file() + ": " + problem.reason()));
        }
        double seconds = Duration.ofNanos(System.nanoTime() - startNanos).toMillis() / 1000.0;
        out.printf(Locale.ROOT, "Indexed %s (%s, %d embedded), %d unchanged, %d skipped, %d failed, "
                + "%d removed in %.1f s.%n", count(indexed, "file"), count(chunks, "chunk"), embedded, unchanged,
                skipped.size(), failed.size(), removed, seconds);
    }

    int removed() {
        return removed;
    }

    /** "1 file", "2 files". */
    static String count(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
