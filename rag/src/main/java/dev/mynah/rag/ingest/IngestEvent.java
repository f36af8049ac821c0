package dev.mynah.rag.ingest;

import java.nio.file.Path;

/** What ingestion reports as it goes, for a progress bar and for the list of files it left out. */
public sealed interface IngestEvent {
    /** About to read {@code current}, the {@code done + 1}-th of {@code total} files that need reading. */
    record Progress(int done, int total, Path current) implements IngestEvent {
    }

    /** {@code file} is searchable as {@code chunks} chunks, of which {@code embedded} needed the model. */
    record Indexed(Path file, int chunks, int embedded) implements IngestEvent {
    }

    /** {@code file} was read before and its content has not changed, only its size or time stamp. */
    record Unchanged(Path file) implements IngestEvent {
    }

    /** {@code file} is left out of the index, for {@code reason}. */
    record Skipped(Path file, String reason) implements IngestEvent {
    }

    /** {@code file} could not be read now; what was indexed for it stays, and the next run tries again. */
    record Failed(Path file, String error) implements IngestEvent {
    }

    /** {@code file} was deleted, moved away or is no longer under an indexed folder, and left the index. */
    record Removed(Path file) implements IngestEvent {
    }

    /** The work so far is durable: a crash from here on loses nothing before this point. */
    record Committed(int done, int total) implements IngestEvent {
    }
}
