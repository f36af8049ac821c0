package dev.mynah.rag.index;

import dev.mynah.rag.embed.Embedder;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.QueryBuilder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Finds the chunks that answer a query: BM25 over the English and the Chinese analysis of the text, nearest
 * neighbours of the query's embedding (HNSW), or both fused by reciprocal rank ({@link TopDocs#rrf}).
 */
public final class HybridSearcher {
    /**
     * Weighted reciprocal-rank fusion: a hit at rank r of a method contributes weight / (RRF_K + r). Vectors weigh
     * three times keywords, with a small k: on the Debian Reference evaluation this beats both methods alone,
     * where plain RRF (k = 60, equal weights) fell below vectors alone (BENCHMARKS.md, "Document search").
     */
    private static final int RRF_K = 10;
    private static final float KEYWORD_WEIGHT = 1f;
    private static final float VECTOR_WEIGHT = 3f;
    /** How much the weaker field's match adds to the stronger one when both analyses match. */
    private static final float FIELD_TIE_BREAKER = 0.1f;

    private final ChunkIndex index;
    private final Embedder embedder;
    private final QueryBuilder queries;

    public HybridSearcher(ChunkIndex index, Embedder embedder) {
        if (!index.embedderId().equals(embedder.id())) {
            throw new EmbedderMismatchException(index.location(), index.embedderId(), embedder.id());
        }
        this.index = index;
        this.embedder = embedder;
        this.queries = new QueryBuilder(Schema.analyzer());
    }

    /** The best {@code k} chunks for {@code query}, best first. */
    public List<SearchHit> search(String query, int k, Retrieval retrieval) throws IOException {
        if (k < 1) {
            throw new IllegalArgumentException("asked for " + k + " results; ask for at least 1");
        }
        if (query.isBlank()) {
            throw new IllegalArgumentException("the search query is empty; type the words to look for");
        }
        // HNSW explores more of the graph for a larger k, so even a vector-only search asks for more than it keeps.
        int candidates = Math.max(50, 4 * k);
        float[] embedding = retrieval == Retrieval.BM25 ? null : embedder.embed(query);
        return index.withSearcher(searcher -> {
            TopDocs top = switch (retrieval) {
                case BM25 -> keyword(searcher, query, k);
                case VECTOR -> nearest(searcher, embedding, candidates, k);
                case HYBRID -> fuse(k, keyword(searcher, query, candidates),
                        nearest(searcher, embedding, candidates, candidates));
            };
            StoredFields stored = searcher.storedFields();
            List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc doc : top.scoreDocs) {
                hits.add(Schema.hit(stored.document(doc.doc), doc.score));
            }
            return hits;
        });
    }

    private TopDocs keyword(IndexSearcher searcher, String query, int n) throws IOException {
        // The Chinese analysis only helps Chinese queries; for others it just splits words like "mp3" apart.
        Stream<String> fields = hasHan(query) ? Stream.of(Schema.TEXT, Schema.TEXT_ZH) : Stream.of(Schema.TEXT);
        List<Query> perField = fields
                .map(field -> queries.createBooleanQuery(field, query))
                .filter(Objects::nonNull)
                .toList();
        if (perField.isEmpty()) {
            // Only stop words or punctuation: nothing to match on.
            return new TopDocs(new TotalHits(0, TotalHits.Relation.EQUAL_TO), new ScoreDoc[0]);
        }
        return searcher.search(new DisjunctionMaxQuery(perField, FIELD_TIE_BREAKER), n);
    }

    private static TopDocs fuse(int k, TopDocs keyword, TopDocs vector) {
        Map<Integer, Float> scores = new HashMap<>();
        add(scores, keyword, KEYWORD_WEIGHT);
        add(scores, vector, VECTOR_WEIGHT);
        ScoreDoc[] top = scores.entrySet().stream()
                .sorted(Map.Entry.<Integer, Float>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(k)
                .map(entry -> new ScoreDoc(entry.getKey(), entry.getValue()))
                .toArray(ScoreDoc[]::new);
        return new TopDocs(new TotalHits(top.length, TotalHits.Relation.EQUAL_TO), top);
    }

    private static void add(Map<Integer, Float> scores, TopDocs ranked, float weight) {
        for (int rank = 0; rank < ranked.scoreDocs.length; rank++) {
            scores.merge(ranked.scoreDocs[rank].doc, weight / (RRF_K + rank + 1), Float::sum);
        }
    }

    private static boolean hasHan(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static TopDocs nearest(IndexSearcher searcher, float[] embedding, int candidates, int n)
            throws IOException {
        return searcher.search(new KnnFloatVectorQuery(Schema.VECTOR, embedding, candidates), n);
    }
}
