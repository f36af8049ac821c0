package dev.mynah.rag.index;

import dev.mynah.rag.chunk.Chunk;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * The layout of the index: one document per chunk (text analysed twice, for English and for Chinese, plus its
 * vector) and one bookkeeping document per file, told apart by {@link #KIND}; every document carries its file's
 * {@link #PATH}, so replacing or deleting a file is one delete by path.
 */
final class Schema {
    static final String KIND = "kind";
    static final String CHUNK = "chunk";
    static final String FILE = "file";
    static final String PATH = "path";
    static final String SHA256 = "sha256";

    static final String TEXT = "text";
    static final String TEXT_ZH = "text_zh";
    static final String VECTOR = "vector";
    static final String PAGE = "page";
    static final String HEADING = "heading";
    static final String START = "start";
    static final String END = "end";
    static final String ORDINAL = "ordinal";

    static final String SIZE = "size";
    static final String MODIFIED = "modified_nanos";
    static final String EMBEDDER = "embedder";
    static final String INDEXED_AT = "indexed_at_millis";
    static final String CHUNKS = "chunks";
    static final String SKIP_REASON = "skip_reason";

    // Vectors are unit length (Embedder's contract), so the dot product is the cosine without the division.
    static final VectorSimilarityFunction SIMILARITY = VectorSimilarityFunction.DOT_PRODUCT;

    private Schema() {
    }

    /**
     * English stemming for {@link #TEXT}, SmartChineseAnalyzer's word segmentation for {@link #TEXT_ZH}. The Chinese
     * analysis also drops English stop words: it stems English text too, and "the" must not match every chunk.
     */
    static Analyzer analyzer() {
        CharArraySet stopWords = new CharArraySet(SmartChineseAnalyzer.getDefaultStopSet(), false);
        stopWords.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        return new PerFieldAnalyzerWrapper(new EnglishAnalyzer(),
                Map.of(TEXT_ZH, new SmartChineseAnalyzer(stopWords)));
    }

    static Query kind(String kind) {
        return new TermQuery(new Term(KIND, kind));
    }

    static Query fileRecordOf(Path path) {
        return new BooleanQuery.Builder()
                .add(kind(FILE), Occur.FILTER)
                .add(new TermQuery(new Term(PATH, key(path))), Occur.FILTER)
                .build();
    }

    static Term allOf(Path path) {
        return new Term(PATH, key(path));
    }

    static String key(Path path) {
        return path.toString();
    }

    static Document chunkDocument(Path path, String sha256, Chunk chunk, float[] vector) {
        Document doc = new Document();
        doc.add(new StringField(KIND, CHUNK, Field.Store.NO));
        doc.add(new StringField(PATH, key(path), Field.Store.YES));
        doc.add(new StringField(SHA256, sha256, Field.Store.NO));
        doc.add(new TextField(TEXT, chunk.text(), Field.Store.YES));
        doc.add(new TextField(TEXT_ZH, chunk.text(), Field.Store.NO));
        doc.add(new KnnFloatVectorField(VECTOR, vector, SIMILARITY));
        if (chunk.page() != null) {
            doc.add(new StoredField(PAGE, chunk.page()));
        }
        chunk.headings().forEach(heading -> doc.add(new StoredField(HEADING, heading)));
        doc.add(new StoredField(START, chunk.start()));
        doc.add(new StoredField(END, chunk.end()));
        doc.add(new StoredField(ORDINAL, chunk.ordinal()));
        return doc;
    }

    static ChunkText chunkText(Document doc) {
        return new ChunkText(Arrays.asList(doc.getValues(HEADING)), doc.get(TEXT));
    }

    static SearchHit hit(Document doc, float score) {
        IndexableField page = doc.getField(PAGE);
        return new SearchHit(Path.of(doc.get(PATH)),
                page == null ? null : page.numericValue().intValue(),
                Arrays.asList(doc.getValues(HEADING)),
                doc.get(TEXT),
                doc.getField(START).numericValue().intValue(),
                doc.getField(END).numericValue().intValue(),
                doc.getField(ORDINAL).numericValue().intValue(),
                score);
    }

    static Document fileDocument(FileRecord record) {
        Document doc = new Document();
        doc.add(new StringField(KIND, FILE, Field.Store.NO));
        doc.add(new StringField(PATH, key(record.path()), Field.Store.YES));
        doc.add(new StringField(SHA256, record.sha256(), Field.Store.YES));
        doc.add(new StoredField(SIZE, record.size()));
        doc.add(new StoredField(MODIFIED, record.modifiedNanos()));
        doc.add(new StoredField(EMBEDDER, record.embedderId()));
        doc.add(new StoredField(INDEXED_AT, record.indexedAt().toEpochMilli()));
        doc.add(new StoredField(CHUNKS, record.chunks()));
        if (record.skipReason() != null) {
            doc.add(new StoredField(SKIP_REASON, record.skipReason()));
        }
        return doc;
    }

    static FileRecord fileRecord(Document doc) {
        return new FileRecord(Path.of(doc.get(PATH)),
                doc.getField(SIZE).numericValue().longValue(),
                doc.getField(MODIFIED).numericValue().longValue(),
                doc.get(SHA256),
                doc.get(EMBEDDER),
                Instant.ofEpochMilli(doc.getField(INDEXED_AT).numericValue().longValue()),
                doc.getField(CHUNKS).numericValue().intValue(),
                doc.get(SKIP_REASON));
    }
}
