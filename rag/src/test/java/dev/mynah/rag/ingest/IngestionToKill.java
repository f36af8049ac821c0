package dev.mynah.rag.ingest;

import dev.mynah.rag.index.ChunkIndex;
import dev.mynah.rag.index.EmbedderChange;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The child JVM of {@link CrashRecoveryTest}: ingests a folder committing every 3 files and prints its events; the
 * read after the first {@code reads} hangs, so the parent kills it with those files indexed and the last few
 * of them not yet committed. Arguments: index folder, documents folder, reads.
 */
public final class IngestionToKill {
    private IngestionToKill() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path indexDir = Path.of(args[0]);
        Path folder = Path.of(args[1]);
        int reads = Integer.parseInt(args[2]);
        CountingEmbedder embedder = new CountingEmbedder();
        CountingReader parsing = new CountingReader(embedder.tokenCounter());
        AtomicInteger done = new AtomicInteger();
        CountDownLatch never = new CountDownLatch(1);
        DocumentReader hangingReader = file -> {
            if (done.getAndIncrement() == reads) {
                say("stalled reading " + file);
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return parsing.read(file);
        };
        try (ChunkIndex index = ChunkIndex.open(indexDir, embedder.id(), embedder.dimensions(),
                EmbedderChange.REFUSE)) {
            Ingester ingester = new Ingester(index, hangingReader, embedder, event -> {
                switch (event) {
                    case IngestEvent.Indexed indexed -> say("indexed " + indexed.file());
                    case IngestEvent.Committed committed -> say("committed " + committed.done());
                    default -> {
                    }
                }
            }, new CommitPolicy(3, Duration.ofHours(1)));
            ingester.addRoot(folder);
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
