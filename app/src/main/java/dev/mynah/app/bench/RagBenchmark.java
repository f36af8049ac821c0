package dev.mynah.app.bench;

import dev.mynah.rag.chunk.ChunkBudget;
import dev.mynah.rag.chunk.StructureChunker;
import dev.mynah.rag.embed.BorrowedEmbedder;
import dev.mynah.rag.embed.Embedder;
import dev.mynah.rag.embed.MiniLmEmbedder;
import dev.mynah.rag.index.ChunkIndex;
import dev.mynah.rag.index.EmbedderChange;
import dev.mynah.rag.index.HybridSearcher;
import dev.mynah.rag.index.Retrieval;
import dev.mynah.rag.ingest.CommitPolicy;
import dev.mynah.rag.ingest.DocumentReader;
import dev.mynah.rag.ingest.IngestEvent;
import dev.mynah.rag.ingest.IngestListener;
import dev.mynah.rag.ingest.Ingester;
import dev.mynah.rag.parse.DocumentParsers;
import dev.mynah.rag.parse.DocumentSkippedException;
import dev.mynah.rag.parse.ParseLimits;
import dev.mynah.rag.parse.Section;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Document search speed. Ingest throughput: the corpus ingested into a fresh index (walk, hash, parse, chunk,
 * embed with MiniLM, write, commit), counted in bytes of the files read and in chunks. Query latency: over a bigger
 * index (the corpus plus the extra document sets) kept in the cache and brought up to date incrementally, so only a
 * first run, or a changed corpus or embedder, pays for embedding it. Queries are made from the corpus's own section
 * headings, as keywords and as questions; "search alone" looks their vectors up in a table computed beforehand, so
 * it times Lucene and nothing else.
 */
public final class RagBenchmark {
    /** The Debian Reference's HTML chapters (Debian package debian-reference-en). */
    public static final String DEFAULT_CORPUS = "/usr/share/debian-reference/*.en.html";
    /**
     * The Debian Administrator's Handbook (Debian package debian-handbook) in English, Chinese, French and German:
     * with the Debian Reference, about 11,000 chunks of real documentation.
     */
    public static final List<String> DEFAULT_EXTRAS = Stream.of("en-US", "zh-CN", "fr-FR", "de-DE")
            .map(language -> "/usr/share/doc/debian-handbook/html/" + language + "/*.html")
            .toList();
    private static final int K = 5;
    private static final int WARM_UP_QUERIES = 300;
    private static final Pattern SECTION_NUMBER = Pattern.compile("^(?:(?:Chapter|Appendix)\\s+)?[0-9A-Z][0-9]*(?:\\.[0-9]+)*\\.\\s+");

    private RagBenchmark() {
    }

    /** What to measure: the ingest corpus, the extra sets for the latency index, how many queries, where to cache. */
    public record Settings(FileSet corpus, List<FileSet> extras, int queries, Path cache) {
        public Settings {
            extras = List.copyOf(extras);
            if (queries < 1) {
                throw new IllegalArgumentException("--queries must be at least 1, not " + queries);
            }
        }
    }

    /** The files of one folder whose names match a glob, written as {@code /folder/*.html}. */
    public record FileSet(Path folder, String glob) {
        /** {@code spec} is a folder (all its files) or a folder and a file-name glob. */
        public static FileSet parse(String spec) {
            Path path = Path.of(spec);
            if (Files.isDirectory(path)) {
                return new FileSet(path, "*");
            }
            Path folder = path.getParent();
            if (folder == null || path.getFileName() == null) {
                throw new IllegalArgumentException("\"" + spec + "\" names no folder; write FOLDER or FOLDER/GLOB, "
                        + "for example /usr/share/debian-reference/*.en.html");
            }
            return new FileSet(folder, path.getFileName().toString());
        }

        /** The matching regular files, sorted; an error naming the set when there are none. */
        public List<Path> files(String installHint) throws IOException {
            List<Path> files = new ArrayList<>();
            if (Files.isDirectory(folder)) {
                try (DirectoryStream<Path> matching = Files.newDirectoryStream(folder, glob)) {
                    matching.forEach(file -> {
                        if (Files.isRegularFile(file)) {
                            files.add(file);
                        }
                    });
                }
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException("no files match " + this + "; " + installHint);
            }
            files.sort(Comparator.naturalOrder());
            return files;
        }

        @Override
        public String toString() {
            return folder.resolve(glob).toString();
        }
    }

    /** Ingesting the corpus into a fresh index: files and bytes read, chunks indexed, wall time. */
    public record Ingest(int files, long bytes, int chunks, double seconds) {
        public double megabytesPerSecond() {
            return bytes / 1e6 / seconds;
        }

        public double chunksPerSecond() {
            return chunks / seconds;
        }
    }

    /** Median and 99th percentile of a series of timings. */
    public record Latency(double p50Millis, double p99Millis) {
        static Latency of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Latency(percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6);
        }

        /** Nearest rank: the smallest timing that at least {@code share} of all timings do not exceed. */
        private static long percentile(long[] sorted, double share) {
            return sorted[Math.max(0, (int) Math.ceil(share * sorted.length) - 1)];
        }
    }

    /**
     * Everything measured. {@code searchChunks} and {@code searchFiles} size the latency index; {@code indexReused}
     * says it came from the cache without reading any file again.
     */
    public record Report(Ingest ingest, int searchChunks, int searchFiles, boolean indexReused, int queries,
                         Latency bm25, Latency vector, Latency hybrid, Latency embedAndHybrid, boolean vectorApi) {
    }

    public static Report run(Settings settings, PrintWriter progress) throws IOException {
        List<Path> corpus = settings.corpus().files("install the Debian package debian-reference-en, or name "
                + "another corpus with --corpus 'FOLDER/*.html'");
        try (MiniLmEmbedder embedder = MiniLmEmbedder.load()) {
            Path staging = settings.cache().resolve("bench-rag");
            Path corpusCopy = stage(settings.corpus(), corpus, staging);
            progress.printf(Locale.ROOT, "ingesting %d files of %s into a fresh index…%n", corpus.size(),
                    settings.corpus());
            Ingest ingest = ingestFresh(corpusCopy, embedder);

            List<Path> roots = new ArrayList<>(List.of(corpusCopy));
            for (FileSet extra : settings.extras()) {
                roots.add(stage(extra, extra.files("install the Debian package debian-handbook, or name other "
                        + "documents with --extra 'FOLDER/*.html'"), staging));
            }
            try (ChunkIndex index = ChunkIndex.open(staging.resolve("index"), embedder.id(), embedder.dimensions(),
                    EmbedderChange.REEMBED)) {
                boolean reused = bringUpToDate(index, embedder, roots, progress);
                List<String> queries = queries(corpus, settings.queries());
                progress.printf(Locale.ROOT, "timing %d queries over %d chunks…%n", queries.size(),
                        index.chunkCount());
                return measure(index, embedder, queries, ingest, reused);
            }
        }
    }

    /**
     * Copies the set's files into a folder of the cache that holds exactly them (so that the index's folder is the
     * set); a file is copied again only when its size or modification time differs.
     */
    private static Path stage(FileSet set, List<Path> files, Path staging) throws IOException {
        Path folder = staging.resolve("corpus").resolve(shortHash(set.toString()) + "-"
                + set.folder().getFileName());
        Files.createDirectories(folder);
        Set<Path> wanted = new LinkedHashSet<>();
        for (Path file : files) {
            Path copy = folder.resolve(file.getFileName());
            wanted.add(copy);
            if (!Files.exists(copy) || Files.size(copy) != Files.size(file)
                    || !Files.getLastModifiedTime(copy).equals(Files.getLastModifiedTime(file))) {
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        try (Stream<Path> present = Files.list(folder)) {
            for (Path stale : present.filter(file -> !wanted.contains(file)).toList()) {
                Files.delete(stale);
            }
        }
        return folder.toRealPath();
    }

    private static Ingest ingestFresh(Path corpus, MiniLmEmbedder embedder) throws IOException {
        Path temp = Files.createTempDirectory("mynah-bench-rag");
        try {
            long bytes = 0;
            int files = 0;
            try (Stream<Path> list = Files.list(corpus)) {
                for (Path file : list.toList()) {
                    bytes += Files.size(file);
                    files++;
                }
            }
            try (ChunkIndex index = ChunkIndex.open(temp.resolve("index"), embedder.id(), embedder.dimensions(),
                    EmbedderChange.REFUSE)) {
                long start = System.nanoTime();
                new Ingester(index, reader(embedder), embedder, IngestListener.NONE, CommitPolicy.DEFAULT)
                        .addRoot(corpus);
                double seconds = (System.nanoTime() - start) / 1e9;
                return new Ingest(files, bytes, index.chunkCount(), seconds);
            }
        } finally {
            deleteTree(temp);
        }
    }

    /** Makes the cached index hold exactly {@code roots}, as they are now; true when nothing changed. */
    private static boolean bringUpToDate(ChunkIndex index, MiniLmEmbedder embedder, List<Path> roots,
                                         PrintWriter progress) throws IOException {
        AtomicInteger changes = new AtomicInteger();
        IngestListener listener = event -> {
            if (event instanceof IngestEvent.Progress(int done, int total, Path _)) {
                changes.incrementAndGet();
                if (done % 50 == 0) {
                    progress.printf(Locale.ROOT, "building the search index in the cache: %d of %d files%n",
                            done, total);
                }
            }
        };
        Ingester ingester = new Ingester(index, reader(embedder), embedder, listener, CommitPolicy.DEFAULT);
        for (Path old : index.roots()) {
            if (!roots.contains(old)) {
                ingester.removeRoot(old);
                changes.incrementAndGet();
            }
        }
        for (Path root : roots) {
            if (!index.roots().contains(root)) {
                ingester.addRoot(root);
            }
        }
        ingester.reconcile();
        return changes.get() == 0;
    }

    private static DocumentReader reader(Embedder embedder) {
        return DocumentReader.parsing(ParseLimits.DEFAULT,
                new StructureChunker(embedder.tokenCounter(), ChunkBudget.DEFAULT));
    }

    /**
     * {@code count} queries made from the corpus's section headings, without their numbers: each heading as
     * keywords and as a question, shuffled with a fixed seed and repeated as needed.
     */
    static List<String> queries(List<Path> corpus, int count) throws IOException {
        Set<String> headings = new LinkedHashSet<>();
        for (Path file : corpus) {
            try {
                for (Section section : DocumentParsers.parse(file, ParseLimits.DEFAULT).sections()) {
                    if (!section.headings().isEmpty()) {
                        String heading = SECTION_NUMBER.matcher(section.headings().getLast()).replaceFirst("").strip();
                        if (heading.codePoints().anyMatch(Character::isLetter)) {
                            headings.add(heading);
                        }
                    }
                }
            } catch (DocumentSkippedException e) {
                // A file the parsers refuse has no headings to ask about; the ingest reports it.
            }
        }
        if (headings.isEmpty()) {
            throw new IllegalArgumentException("the corpus has no section headings to make queries from; "
                    + "use documents with headings (HTML, Markdown)");
        }
        List<String> distinct = new ArrayList<>();
        for (String heading : headings) {
            distinct.add(heading);
            distinct.add("how do I deal with " + heading.toLowerCase(Locale.ROOT) + "?");
        }
        Collections.shuffle(distinct, new Random(20261124L));
        List<String> queries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            queries.add(distinct.get(i % distinct.size()));
        }
        return queries;
    }

    private static Report measure(ChunkIndex index, MiniLmEmbedder embedder, List<String> queries, Ingest ingest,
                                  boolean reused) throws IOException {
        Map<String, float[]> vectors = new HashMap<>();
        queries.forEach(query -> vectors.computeIfAbsent(query, embedder::embed));
        HybridSearcher searchOnly = new HybridSearcher(index, new RememberedEmbeddings(embedder, vectors));
        HybridSearcher embedding = new HybridSearcher(index, embedder);
        List<String> warmUp = queries.subList(0, Math.min(WARM_UP_QUERIES, queries.size()));
        for (Retrieval retrieval : Retrieval.values()) {
            time(searchOnly, warmUp, retrieval);
        }
        time(embedding, warmUp, Retrieval.HYBRID);
        return new Report(ingest, index.chunkCount(), index.files().size(), reused, queries.size(),
                time(searchOnly, queries, Retrieval.BM25),
                time(searchOnly, queries, Retrieval.VECTOR),
                time(searchOnly, queries, Retrieval.HYBRID),
                time(embedding, queries, Retrieval.HYBRID),
                ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
    }

    private static Latency time(HybridSearcher searcher, List<String> queries, Retrieval retrieval)
            throws IOException {
        long[] nanos = new long[queries.size()];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            if (searcher.search(queries.get(i), K, retrieval).isEmpty()) {
                throw new IllegalStateException("no result for \"" + queries.get(i) + "\" by " + retrieval
                        + ": the benchmark index is empty or broken; delete it from the cache and run again");
            }
            nanos[i] = System.nanoTime() - start;
        }
        return Latency.of(nanos);
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** MiniLM's identity with the query vectors computed beforehand, so a search times the index alone. */
    private static final class RememberedEmbeddings extends BorrowedEmbedder {
        private final Map<String, float[]> vectors;

        RememberedEmbeddings(Embedder model, Map<String, float[]> vectors) {
            super(model);
            this.vectors = Map.copyOf(vectors);
        }

        @Override
        public float[] embed(String text) {
            float[] vector = vectors.get(text);
            if (vector == null) {
                throw new IllegalStateException("no vector was computed beforehand for \"" + text + "\"");
            }
            return vector;
        }
    }
}
