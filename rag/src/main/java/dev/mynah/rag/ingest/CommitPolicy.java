package dev.mynah.rag.ingest;

import java.time.Duration;
import java.util.Objects;

/**
 * How often ingestion commits: after {@code files} files or {@code interval}, whichever comes first. Each commit
 * bounds what a crash can lose, and costs a flush and fsync.
 */
public record CommitPolicy(int files, Duration interval) {
    public static final CommitPolicy DEFAULT = new CommitPolicy(64, Duration.ofSeconds(10));

    public CommitPolicy {
        Objects.requireNonNull(interval, "interval");
        if (files < 1 || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("commit after at least 1 file and a positive interval, not "
                    + files + " files and " + interval);
        }
    }
}
