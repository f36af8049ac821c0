package dev.mynah.rag.ingest;

/** Receives ingestion's events, on the thread doing the work. */
@FunctionalInterface
public interface IngestListener {
    IngestListener NONE = event -> {
    };

    void on(IngestEvent event);
}
