package dev.mynah.app;

import dev.mynah.rag.chunk.ChunkBudget;
import dev.mynah.rag.chunk.StructureChunker;
import dev.mynah.rag.embed.MiniLmEmbedder;
import dev.mynah.rag.index.ChunkIndex;
import dev.mynah.rag.index.EmbedderChange;
import dev.mynah.rag.index.EmbedderMismatchException;
import dev.mynah.rag.index.HybridSearcher;
import dev.mynah.rag.ingest.CommitPolicy;
import dev.mynah.rag.ingest.DocumentReader;
import dev.mynah.rag.ingest.IngestListener;
import dev.mynah.rag.ingest.Ingester;
import dev.mynah.rag.parse.ParseLimits;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The user's document index, opened with everything that works on it: the MiniLM embedder, an {@link Ingester}
 * reading every supported format and a {@link HybridSearcher}. It lives in {@code indexes/documents} of the app-data
 * directory and has one writer at a time: while one process has it open, another gets an "in use" error. Commands
 * that only search open it with {@link #openExisting}, which never creates an index.
 */
final class DocumentLibrary implements AutoCloseable {
    private final MiniLmEmbedder embedder;
    private final ChunkIndex index;
    private final Ingester ingester;
    private final HybridSearcher searcher;

    private DocumentLibrary(MiniLmEmbedder embedder, ChunkIndex index, IngestListener listener) {
        this.embedder = embedder;
        this.index = index;
        this.ingester = new Ingester(index, DocumentReader.parsing(ParseLimits.DEFAULT,
                new StructureChunker(embedder.tokenCounter(), ChunkBudget.DEFAULT)), embedder, listener,
                CommitPolicy.DEFAULT);
        this.searcher = new HybridSearcher(index, embedder);
    }

    /** Where the document index of {@code dirs} lives. */
    static Path location(AppDirectories dirs) {
        return dirs.indexes().resolve("documents");
    }

    /** True once a document index has been created in {@code dirs} (by {@code mynah index add}). */
    static boolean exists(AppDirectories dirs) throws IOException {
        Path location = location(dirs);
        if (!Files.isDirectory(location)) {
            return false;
        }
        try (FSDirectory directory = FSDirectory.open(location)) {
            return DirectoryReader.indexExists(directory);
        }
    }

    /**
     * Opens the index of {@code dirs}, creating it if needed, with ingestion reporting to {@code listener}. With
     * {@link EmbedderChange#REEMBED} an index built by another embedder is emptied (its folders kept) for a
     * reconcile to re-read; with {@link EmbedderChange#REFUSE} opening it fails with a message saying how to
     * re-embed.
     */
    static DocumentLibrary open(AppDirectories dirs, EmbedderChange onChange, IngestListener listener)
            throws IOException {
        MiniLmEmbedder embedder = MiniLmEmbedder.load();
        try {
            ChunkIndex index = ChunkIndex.open(location(dirs), embedder.id(), embedder.dimensions(), onChange);
            return new DocumentLibrary(embedder, index, listener);
        } catch (EmbedderMismatchException e) {
            embedder.close();
            throw new IllegalStateException(e.getMessage() + " To re-embed it, run `mynah index update`.", e);
        } catch (IOException | RuntimeException e) {
            embedder.close();
            throw e;
        }
    }

    /** Opens the index of {@code dirs} for searching, failing with a message when there is nothing to search. */
    static DocumentLibrary openExisting(AppDirectories dirs) throws IOException {
        return openExisting(dirs, EmbedderChange.REFUSE, IngestListener.NONE);
    }

    /**
     * Opens the index of {@code dirs} as {@link #open} does, but fails with a message saying what to do when there is
     * no index yet or it has no folders, instead of creating an empty one.
     */
    static DocumentLibrary openExisting(AppDirectories dirs, EmbedderChange onChange, IngestListener listener)
            throws IOException {
        if (!exists(dirs)) {
            throw new IllegalStateException("no documents are indexed yet (there is no index in "
                    + location(dirs) + "); add a folder first with `mynah index add DIR`");
        }
        DocumentLibrary library = open(dirs, onChange, listener);
        if (library.index.roots().isEmpty()) {
            library.close();
            throw new IllegalStateException("no folders are indexed; add one with `mynah index add DIR`");
        }
        return library;
    }

    MiniLmEmbedder embedder() {
        return embedder;
    }

    ChunkIndex index() {
        return index;
    }

    Ingester ingester() {
        return ingester;
    }

    HybridSearcher searcher() {
        return searcher;
    }

    /** Commits and releases the index (and its lock), then the model. */
    @Override
    public void close() throws IOException {
        try (MiniLmEmbedder closing = embedder) {
            index.close();
        }
    }
}
