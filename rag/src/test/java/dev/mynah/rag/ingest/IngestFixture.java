package dev.mynah.rag.ingest;

import dev.mynah.rag.index.ChunkIndex;
import dev.mynah.rag.index.EmbedderChange;
import dev.mynah.rag.index.HybridSearcher;
import dev.mynah.rag.index.Retrieval;
import dev.mynah.rag.index.SearchHit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * A real index in a temporary folder, fed from a real folder of text files by an {@link Ingester} with the
 * real parsers, chunker and MiniLM model, recording every event.
 */
public final class IngestFixture implements AutoCloseable {
    public final Path folder;
    public final Path indexDir;
    public final CountingEmbedder embedder = new CountingEmbedder();
    public final CountingReader reader = new CountingReader(embedder.tokenCounter());
    public final List<IngestEvent> events = new CopyOnWriteArrayList<>();
    public final ChunkIndex index;
    public final Ingester ingester;
    public final HybridSearcher searcher;

    public IngestFixture(Path temp) throws IOException {
        this(temp, new CommitPolicy(1000, Duration.ofMinutes(10)));
    }

    public IngestFixture(Path temp, CommitPolicy commits) throws IOException {
        this(temp, commits, UnaryOperator.identity());
    }

    /** With the {@link CountingReader} wrapped by {@code wrap}, to hold the ingester at a chosen file. */
    public IngestFixture(Path temp, CommitPolicy commits, UnaryOperator<DocumentReader> wrap) throws IOException {
        this.folder = Files.createDirectories(temp.resolve("docs")).toRealPath();
        this.indexDir = temp.resolve("index");
        this.index = ChunkIndex.open(indexDir, embedder.id(), embedder.dimensions(), EmbedderChange.REFUSE);
        this.ingester = new Ingester(index, wrap.apply(reader), embedder, events::add, commits);
        this.searcher = new HybridSearcher(index, embedder);
    }

    public Path write(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    /** The files of the best {@code k} chunks for {@code query}, best first. */
    public List<Path> files(String query, int k, Retrieval retrieval) throws IOException {
        return searcher.search(query, k, retrieval).stream().map(SearchHit::path).toList();
    }

    public <E extends IngestEvent> List<E> events(Class<E> kind) {
        return events.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    @Override
    public void close() throws IOException {
        index.close();
    }
}
