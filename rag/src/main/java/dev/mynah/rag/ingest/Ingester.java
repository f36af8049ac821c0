package dev.mynah.rag.ingest;

import dev.mynah.rag.chunk.Chunk;
import dev.mynah.rag.chunk.TokenCounter;
import dev.mynah.rag.embed.Embedder;
import dev.mynah.rag.index.ChunkIndex;
import dev.mynah.rag.index.ChunkText;
import dev.mynah.rag.index.EmbedderMismatchException;
import dev.mynah.rag.index.FileRecord;
import dev.mynah.rag.parse.DocumentSkippedException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Keeps the index in step with the user's folders. A file is hashed only when its size or modification time
 * changed, and read (parsed, chunked) only when its SHA-256 changed too; a chunk whose text the index already holds
 * for the same file or the same content (a rename, a copy, an unchanged paragraph of an edited file) keeps its
 * vector instead of being embedded again. Work is committed in batches ({@link CommitPolicy}), each file's chunks
 * together with its record, so a killed process leaves a consistent index and the next run finishes the rest.
 */
public final class Ingester {
    private final ChunkIndex index;
    private final DocumentReader reader;
    private final Embedder embedder;
    private final TokenCounter tokens;
    private final IngestListener listener;
    private final CommitPolicy commits;

    public Ingester(ChunkIndex index, DocumentReader reader, Embedder embedder, IngestListener listener,
                    CommitPolicy commits) {
        if (!index.embedderId().equals(embedder.id()) || index.dimensions() != embedder.dimensions()) {
            throw new EmbedderMismatchException(index.location(), index.embedderId(), embedder.id());
        }
        this.index = index;
        this.reader = reader;
        this.embedder = embedder;
        this.tokens = embedder.tokenCounter();
        this.listener = listener;
        this.commits = commits;
    }

    public Set<Path> roots() {
        return index.roots();
    }

    void report(IngestEvent event) {
        listener.on(event);
    }

    /** Adds {@code folder} to the indexed folders and indexes what it holds; returns the folder as recorded. */
    public synchronized Path addRoot(Path folder) throws IOException {
        Path root;
        try {
            root = folder.toRealPath();
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(folder.toString(), null, "there is no such folder to index");
        }
        if (!Files.isDirectory(root)) {
            throw new NotDirectoryException(folder + " is a file, not a folder; add the folder that holds it");
        }
        index.addRoot(root);
        index.commit();
        sync(List.of(root));
        return root;
    }

    /** Drops {@code folder} from the indexed folders, with every file of it not also under another indexed folder. */
    public synchronized void removeRoot(Path folder) throws IOException {
        Path root = recordedRoot(folder);
        index.removeRoot(root);
        for (Path file : index.files().keySet()) {
            if (file.startsWith(root) && !underRoot(file)) {
                index.deleteFile(file);
                listener.on(new IngestEvent.Removed(file));
            }
        }
        index.commit();
    }

    private Path recordedRoot(Path folder) {
        Set<Path> roots = index.roots();
        Path absolute = folder.toAbsolutePath().normalize();
        if (roots.contains(absolute)) {
            return absolute;
        }
        try {
            Path real = folder.toRealPath();
            if (roots.contains(real)) {
                return real;
            }
        } catch (IOException e) {
            // The folder is gone from disk; only its recorded name can match, and did not.
        }
        throw new IllegalArgumentException(folder + " is not an indexed folder; the indexed folders are "
                + (roots.isEmpty() ? "none" : roots));
    }

    /**
     * Brings the whole index up to date with the folders: new and changed files are indexed, deleted ones removed.
     * A folder that is missing (an unplugged drive) keeps its files in the index and is reported as failed.
     */
    public synchronized void reconcile() throws IOException {
        List<Path> present = new ArrayList<>();
        for (Path root : index.roots()) {
            if (Files.isDirectory(root)) {
                present.add(root);
            } else {
                listener.on(new IngestEvent.Failed(root, "the folder is missing; its files stay in the index "
                        + "until it is back or removed from the indexed folders"));
            }
        }
        sync(present);
    }

    /**
     * Brings these paths up to date (files or folders, created, changed or deleted); paths outside the indexed
     * folders, or hidden inside them, are ignored.
     */
    public synchronized void update(Collection<Path> paths) throws IOException {
        List<Path> scopes = paths.stream().filter(this::isIndexable).toList();
        if (!scopes.isEmpty()) {
            sync(scopes);
        }
    }

    /** Where the index keeps its files; never ingested or watched, even inside an added folder. */
    Path indexLocation() {
        return index.location();
    }

    private boolean isIndexable(Path path) {
        return !path.startsWith(index.location())
                && index.roots().stream().anyMatch(root -> path.startsWith(root) && !hiddenBelow(root, path));
    }

    private static boolean hiddenBelow(Path root, Path path) {
        for (Path name : root.relativize(path)) {
            if (FolderWalk.isHidden(name)) {
                return true;
            }
        }
        return false;
    }

    private boolean underRoot(Path file) {
        return index.roots().stream().anyMatch(file::startsWith);
    }

    private void sync(Collection<Path> scopes) throws IOException {
        FolderWalk walk = FolderWalk.of(scopes, listener, index.location());
        Map<Path, FileRecord> indexed = index.files();
        List<Path> toRead = walk.files().entrySet().stream()
                .filter(entry -> {
                    FileRecord record = indexed.get(entry.getKey());
                    return record == null || record.isStale(entry.getValue().size(), entry.getValue().modifiedNanos());
                })
                .map(Map.Entry::getKey)
                .toList();
        // Deletions come last: a file renamed within this batch still finds its old vectors by content.
        List<Path> gone = indexed.keySet().stream()
                .filter(file -> !underRoot(file) || (scopes.stream().anyMatch(file::startsWith)
                        && !walk.files().containsKey(file) && !walk.couldNotSee(file)))
                .toList();
        Batch batch = new Batch(toRead.size());
        for (Path file : toRead) {
            listener.on(new IngestEvent.Progress(batch.done, batch.total, file));
            ingest(file, walk.files().get(file), indexed.get(file));
            batch.fileDone();
        }
        for (Path file : gone) {
            index.deleteFile(file);
            listener.on(new IngestEvent.Removed(file));
            batch.dirty = true;
        }
        if (batch.dirty) {
            batch.commit();
        }
    }

    private void ingest(Path file, FolderWalk.FileState state, FileRecord previous) throws IOException {
        String sha256;
        List<Chunk> chunks;
        try {
            sha256 = sha256(file);
            if (previous != null && previous.sha256().equals(sha256)) {
                index.updateRecord(new FileRecord(file, state.size(), state.modifiedNanos(), sha256,
                        previous.embedderId(), previous.indexedAt(), previous.chunks(), previous.skipReason()));
                listener.on(new IngestEvent.Unchanged(file));
                return;
            }
            Optional<List<Chunk>> read = readChunks(file, state, sha256);
            if (read.isEmpty()) {
                return;
            }
            chunks = read.get();
        } catch (NoSuchFileException e) {
            if (previous != null) {
                index.deleteFile(file);
                listener.on(new IngestEvent.Removed(file));
            }
            return;
        } catch (IOException e) {
            listener.on(new IngestEvent.Failed(file, "cannot read it: " + FolderWalk.describe(e)));
            return;
        }
        Map<ChunkText, float[]> vectors = new HashMap<>(index.vectorsOf(file, sha256));
        List<ChunkText> texts = chunks.stream().map(chunk -> new ChunkText(chunk.headings(), chunk.text())).toList();
        List<ChunkText> unseen = texts.stream().filter(text -> !vectors.containsKey(text)).distinct().toList();
        List<float[]> embedded = unseen.isEmpty() ? List.of()
                : embedder.embedAll(unseen.stream().map(ChunkText::forEmbedding).toList());
        IntStream.range(0, unseen.size()).forEach(i -> vectors.put(unseen.get(i), embedded.get(i)));
        index.replaceFile(record(file, state, sha256, chunks.size(), null), chunks,
                texts.stream().map(vectors::get).toList());
        listener.on(new IngestEvent.Indexed(file, chunks.size(), unseen.size()));
    }

    /** The file's chunks worth embedding, or none when the reader refused it (then it is recorded as skipped). */
    private Optional<List<Chunk>> readChunks(Path file, FolderWalk.FileState state, String sha256) throws IOException {
        try {
            // A chunk with no tokens would embed to a vector that says nothing about it. Some counters include the
            // model's special tokens, which even empty text has.
            int none = tokens.count("");
            return Optional.of(reader.read(file).stream().filter(chunk -> tokens.count(chunk.text()) > none).toList());
        } catch (DocumentSkippedException e) {
            index.replaceFile(record(file, state, sha256, 0, e.reason()), List.of(), List.of());
            listener.on(new IngestEvent.Skipped(file, e.reason()));
            return Optional.empty();
        }
    }

    private FileRecord record(Path file, FolderWalk.FileState state, String sha256, int chunks, String skipReason) {
        return new FileRecord(file, state.size(), state.modifiedNanos(), sha256, embedder.id(), Instant.now(), chunks,
                skipReason);
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Counts files of one sync and commits when the policy says so. */
    private final class Batch {
        private final int total;
        private int done;
        private int sinceCommit;
        private long lastCommitNanos = System.nanoTime();
        private boolean dirty;

        Batch(int total) {
            this.total = total;
        }

        void fileDone() throws IOException {
            done++;
            sinceCommit++;
            dirty = true;
            if (sinceCommit >= commits.files() || System.nanoTime() - lastCommitNanos >= commits.interval().toNanos()) {
                commit();
            }
        }

        void commit() throws IOException {
            index.commit();
            listener.on(new IngestEvent.Committed(done, total));
            sinceCommit = 0;
            lastCommitNanos = System.nanoTime();
            dirty = false;
        }
    }
}
