package dev.mynah.rag.index;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * What the index remembers about one file: its size, modification time (nanoseconds since the epoch) and SHA-256
 * when it was last looked at, the embedder that made its vectors, when it was indexed and how many chunks it gave.
 * {@code skipReason} is null for an indexed file and says why a file that could not be indexed was left out.
 */
public record FileRecord(Path path, long size, long modifiedNanos, String sha256, String embedderId,
                         Instant indexedAt, int chunks, String skipReason) {
    public FileRecord {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(embedderId, "embedderId");
        Objects.requireNonNull(indexedAt, "indexedAt");
        if (size < 0 || chunks < 0) {
            throw new IllegalArgumentException("negative size " + size + " or chunk count " + chunks);
        }
    }

    public boolean skipped() {
        return skipReason != null;
    }

    /** True when the file on disk may differ from what was indexed, so its content must be hashed again. */
    public boolean isStale(long currentSize, long currentModifiedNanos) {
        return size != currentSize || modifiedNanos != currentModifiedNanos;
    }
}
