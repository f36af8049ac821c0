package dev.mynah.rag.index;

import dev.mynah.rag.chunk.Chunk;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The on-disk document index (Lucene, one directory): chunks with their text and vectors, a record per file, and
 * in each commit's user data the embedder that made the vectors and the folders being indexed. A file's chunks and
 * its record change together, so a commit never claims a file is indexed when its chunks are not, and the last
 * commit is always a consistent index (a process killed mid-ingest loses only the work since that commit).
 */
public final class ChunkIndex implements AutoCloseable {
    private static final String EMBEDDER_KEY = "mynah.embedder";
    private static final String DIMENSIONS_KEY = "mynah.dimensions";
    private static final String ROOT_KEY_PREFIX = "mynah.root:";

    private final Path location;
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final String embedderId;
    private final int dimensions;
    private final SortedSet<Path> roots;

    private ChunkIndex(Path location, FSDirectory directory, IndexWriter writer, String embedderId, int dimensions,
                       SortedSet<Path> roots) throws IOException {
        this.location = location;
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, new SearcherFactory());
        this.embedderId = embedderId;
        this.dimensions = dimensions;
        this.roots = roots;
    }

    /**
     * Opens (creating if needed) the index in {@code location} for vectors of {@code dimensions} floats from the
     * embedder {@code embedderId}; {@code onChange} decides what happens if the index was built by another one.
     */
    public static ChunkIndex open(Path location, String embedderId, int dimensions, EmbedderChange onChange)
            throws IOException {
        if (dimensions < 1) {
            throw new IllegalArgumentException("an embedder must have at least one dimension, got " + dimensions);
        }
        Files.createDirectories(location);
        FSDirectory directory = FSDirectory.open(location);
        try {
            Map<String, String> committed = DirectoryReader.indexExists(directory)
                    ? SegmentInfos.readLatestCommit(directory).getUserData() : Map.of();
            String wanted = describe(embedderId, String.valueOf(dimensions));
            boolean fresh = committed.isEmpty();
            boolean mismatch = !fresh
                    && !wanted.equals(describe(committed.get(EMBEDDER_KEY), committed.get(DIMENSIONS_KEY)));
            if (mismatch && onChange == EmbedderChange.REFUSE) {
                throw new EmbedderMismatchException(location,
                        describe(committed.get(EMBEDDER_KEY), committed.get(DIMENSIONS_KEY)), wanted);
            }
            IndexWriterConfig config = new IndexWriterConfig(Schema.analyzer())
                    .setOpenMode(mismatch ? OpenMode.CREATE : OpenMode.CREATE_OR_APPEND);
            IndexWriter writer = openWriter(location, directory, config);
            SortedSet<Path> roots = new TreeSet<>();
            committed.keySet().stream()
                    .filter(key -> key.startsWith(ROOT_KEY_PREFIX))
                    .map(key -> Path.of(key.substring(ROOT_KEY_PREFIX.length())))
                    .forEach(roots::add);
            ChunkIndex index = new ChunkIndex(location, directory, writer, embedderId, dimensions, roots);
            if (fresh || mismatch) {
                index.commit();
            }
            return index;
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    private static IndexWriter openWriter(Path location, FSDirectory directory, IndexWriterConfig config)
            throws IOException {
        try {
            return new IndexWriter(directory, config);
        } catch (LockObtainFailedException e) {
            throw new IOException("the document index in " + location + " is in use by another Mynah process; "
                    + "quit that process (or wait for its indexing to finish) and try again", e);
        }
    }

    private static String describe(String embedderId, String dimensions) {
        return embedderId + " (" + dimensions + " dimensions)";
    }

    public Path location() {
        return location;
    }

    public String embedderId() {
        return embedderId;
    }

    public int dimensions() {
        return dimensions;
    }

    /** The folders being indexed, as committed or added since. */
    public synchronized Set<Path> roots() {
        return Set.copyOf(roots);
    }

    /** Adds a folder to the list kept in the index; it is saved by the next {@link #commit()}. */
    public synchronized void addRoot(Path root) {
        roots.add(root);
    }

    /** Removes a folder from the list kept in the index; it is saved by the next {@link #commit()}. */
    public synchronized void removeRoot(Path root) {
        roots.remove(root);
    }

    /** The record of every file the index knows, indexed or skipped, by path. */
    public Map<Path, FileRecord> files() throws IOException {
        return withSearcher(searcher -> {
            Map<Path, FileRecord> files = new LinkedHashMap<>();
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc hit : all(searcher, Schema.kind(Schema.FILE))) {
                FileRecord record = Schema.fileRecord(stored.document(hit.doc));
                files.put(record.path(), record);
            }
            return files;
        });
    }

    public Optional<FileRecord> file(Path path) throws IOException {
        return withSearcher(searcher -> {
            ScoreDoc[] hits = all(searcher, Schema.fileRecordOf(path));
            return hits.length == 0 ? Optional.empty()
                    : Optional.of(Schema.fileRecord(searcher.storedFields().document(hits[0].doc)));
        });
    }

    public int chunkCount() throws IOException {
        return withSearcher(searcher -> searcher.count(Schema.kind(Schema.CHUNK)));
    }

    /**
     * Vectors already in the index for chunks of {@code path} or of any file whose content has {@code sha256}: a
     * renamed, copied or edited file needs the model only for the chunks the index has not seen.
     */
    public Map<ChunkText, float[]> vectorsOf(Path path, String sha256) throws IOException {
        Query sameFileOrContent = new BooleanQuery.Builder()
                .add(Schema.kind(Schema.CHUNK), Occur.FILTER)
                .add(new TermQuery(Schema.allOf(path)), Occur.SHOULD)
                .add(new TermQuery(new Term(Schema.SHA256, sha256)), Occur.SHOULD)
                .setMinimumNumberShouldMatch(1)
                .build();
        return withSearcher(searcher -> {
            Map<ChunkText, float[]> vectors = new HashMap<>();
            StoredFields stored = searcher.storedFields();
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            for (ScoreDoc hit : all(searcher, sameFileOrContent)) {
                Document doc = stored.document(hit.doc, Set.of(Schema.TEXT, Schema.HEADING));
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
                FloatVectorValues values = leaf.reader().getFloatVectorValues(Schema.VECTOR);
                KnnVectorValues.DocIndexIterator iterator = values.iterator();
                int docInLeaf = hit.doc - leaf.docBase;
                if (iterator.advance(docInLeaf) == docInLeaf) {
                    vectors.put(Schema.chunkText(doc), values.vectorValue(iterator.index()).clone());
                }
            }
            return vectors;
        });
    }

    /** Replaces everything indexed for {@code record.path()} by these chunks (with their vectors, in order). */
    public void replaceFile(FileRecord record, List<Chunk> chunks, List<float[]> vectors) throws IOException {
        if (chunks.size() != vectors.size() || chunks.size() != record.chunks()) {
            throw new IllegalArgumentException(record.path() + ": " + chunks.size() + " chunks, " + vectors.size()
                    + " vectors and a record of " + record.chunks() + " chunks do not match");
        }
        List<Document> documents = new ArrayList<>(chunks.size() + 1);
        for (int i = 0; i < chunks.size(); i++) {
            float[] vector = vectors.get(i);
            if (vector.length != dimensions) {
                throw new IllegalArgumentException("the embedder gave a vector of " + vector.length
                        + " floats for " + record.path() + "; this index holds " + dimensions);
            }
            documents.add(Schema.chunkDocument(record.path(), record.sha256(), chunks.get(i), vector));
        }
        documents.add(Schema.fileDocument(record));
        writer.updateDocuments(Schema.allOf(record.path()), documents);
    }

    /** Replaces a file's record but keeps its chunks (its metadata changed, its content did not). */
    public void updateRecord(FileRecord record) throws IOException {
        writer.updateDocuments(Schema.fileRecordOf(record.path()), List.of(Schema.fileDocument(record)));
    }

    public void deleteFile(Path path) throws IOException {
        writer.deleteDocuments(Schema.allOf(path));
    }

    /** Makes every change so far durable, with the embedder and folder list, and visible to searches. */
    public synchronized void commit() throws IOException {
        Map<String, String> data = new HashMap<>();
        data.put(EMBEDDER_KEY, embedderId);
        data.put(DIMENSIONS_KEY, String.valueOf(dimensions));
        roots.forEach(root -> data.put(ROOT_KEY_PREFIX + root, ""));
        writer.setLiveCommitData(data.entrySet(), true);
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    /** Work done with an acquired searcher, which sees the index as of the last commit. */
    @FunctionalInterface
    interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    <T> T withSearcher(SearcherWork<T> work) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return work.apply(searcher);
        } finally {
            searchers.release(searcher);
        }
    }

    private static ScoreDoc[] all(IndexSearcher searcher, Query query) throws IOException {
        int count = searcher.count(query);
        return count == 0 ? new ScoreDoc[0] : searcher.search(query, count).scoreDocs;
    }

    /** Commits what was written and releases the index (and its lock). */
    @Override
    public void close() throws IOException {
        try (FSDirectory closing = directory; IndexWriter closingWriter = writer) {
            commit();
            searchers.close();
        }
    }
}
