package dev.mynah.rag.eval;

import dev.mynah.rag.chunk.ChunkBudget;
import dev.mynah.rag.chunk.StructureChunker;
import dev.mynah.rag.embed.MiniLmEmbedder;
import dev.mynah.rag.index.ChunkIndex;
import dev.mynah.rag.index.EmbedderChange;
import dev.mynah.rag.index.HybridSearcher;
import dev.mynah.rag.index.Retrieval;
import dev.mynah.rag.index.SearchHit;
import dev.mynah.rag.ingest.CommitPolicy;
import dev.mynah.rag.ingest.DocumentReader;
import dev.mynah.rag.ingest.IngestListener;
import dev.mynah.rag.ingest.Ingester;
import dev.mynah.rag.parse.DocumentParsers;
import dev.mynah.rag.parse.ParseLimits;
import dev.mynah.rag.parse.Section;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Retrieval quality over a real corpus no one here wrote: the English Debian Reference (Debian package
 * {@code debian-reference-en}, its HTML files), indexed with the real parsers, chunker, MiniLM model and Lucene,
 * asked the independent question set {@code debian-reference-questions.tsv} by BM25 alone, vectors alone and
 * hybrid. A hit is correct as {@link EvaluationQuestion#isAnsweredBy} says. The target (issue 5): hybrid recall@5 of
 * at least 0.90 and no worse than either method alone, over the whole set, the 11 Chinese questions (asked of an
 * English corpus) included; the table also shows the English questions alone.
 */
class DebianReferenceEvaluationTest {
    private static final Path REFERENCE = Path.of("/usr/share/debian-reference");
    private static final String QUESTIONS = "debian-reference-questions.tsv";
    private static final int K = 5;

    @TempDir
    static Path temp;
    private static Path corpus;
    private static List<EvaluationQuestion> questions;
    private static final Map<Retrieval, List<List<SearchHit>>> results = new EnumMap<>(Retrieval.class);

    @BeforeAll
    static void indexTheReferenceAndAskEveryQuestion() throws IOException {
        corpus = copyHtmlChapters(Files.createDirectories(temp.resolve("debian-reference")));
        questions = EvaluationQuestion.readTsv(QUESTIONS);
        try (MiniLmEmbedder embedder = MiniLmEmbedder.load();
             ChunkIndex index = ChunkIndex.open(temp.resolve("index"), embedder.id(), embedder.dimensions(),
                     EmbedderChange.REFUSE)) {
            DocumentReader reader = DocumentReader.parsing(ParseLimits.DEFAULT,
                    new StructureChunker(embedder.tokenCounter(), ChunkBudget.DEFAULT));
            new Ingester(index, reader, embedder, IngestListener.NONE, CommitPolicy.DEFAULT).addRoot(corpus);
            HybridSearcher searcher = new HybridSearcher(index, embedder);
            for (Retrieval retrieval : Retrieval.values()) {
                List<List<SearchHit>> answers = new ArrayList<>();
                for (EvaluationQuestion question : questions) {
                    answers.add(searcher.search(question.question(), K, retrieval));
                }
                results.put(retrieval, answers);
            }
            System.out.printf(Locale.ROOT, "Debian Reference: %d HTML files, %d chunks, %d questions%n",
                    fileCount(), index.chunkCount(), questions.size());
        }
        System.out.println(table());
        System.out.println(misses());
    }

    /** The package's HTML chapters alone: its PDF and plain-text editions would answer every question twice. */
    private static Path copyHtmlChapters(Path into) throws IOException {
        if (!Files.isRegularFile(REFERENCE.resolve("ch01.en.html"))) {
            throw new IllegalStateException("the evaluation corpus is missing: install the Debian package "
                    + "debian-reference-en (apt-get install debian-reference-en), which puts the Debian Reference in "
                    + REFERENCE);
        }
        try (Stream<Path> files = Files.list(REFERENCE)) {
            for (Path file : files.filter(file -> file.getFileName().toString().endsWith(".en.html")).toList()) {
                Files.copy(file, into.resolve(file.getFileName()));
            }
        }
        return into.toRealPath();
    }

    private static long fileCount() throws IOException {
        try (Stream<Path> files = Files.list(corpus)) {
            return files.count();
        }
    }

    @Test
    void everyQuestionNamesAHeadingOfItsFile() throws Exception {
        assertTrue(questions.size() >= 60, "the issue asks for at least 60 questions, found " + questions.size());
        List<String> unknown = new ArrayList<>();
        for (EvaluationQuestion question : questions) {
            Path file = corpus.resolve(question.file());
            boolean found = Files.isRegularFile(file) && DocumentParsers.parse(file, ParseLimits.DEFAULT).sections()
                    .stream().map(Section::headings).anyMatch(headings -> headings.contains(question.section()));
            if (!found) {
                unknown.add(question.file() + " has no heading \"" + question.section() + "\"");
            }
        }
        assertEquals(List.of(), unknown, "questions whose answer is nowhere in the corpus cannot be scored");
    }

    @Test
    void hybridFindsTheAnsweringSectionInTheTopFiveForNineQuestionsInTen() {
        RetrievalScore hybrid = score(Retrieval.HYBRID, all());

        assertTrue(hybrid.recall() >= 0.90, "hybrid recall@5 is " + hybrid.recall() + "\n" + table());
    }

    @Test
    void hybridRecallIsAtLeastThatOfEitherMethodAlone() {
        double hybrid = score(Retrieval.HYBRID, all()).recall();

        assertTrue(hybrid >= score(Retrieval.BM25, all()).recall(), table());
        assertTrue(hybrid >= score(Retrieval.VECTOR, all()).recall(), table());
    }

    private static List<Integer> englishOnly() {
        return IntStream.range(0, questions.size()).filter(i -> !questions.get(i).isChinese()).boxed().toList();
    }

    private static List<Integer> all() {
        return IntStream.range(0, questions.size()).boxed().toList();
    }

    /** The score of {@code retrieval} over the questions at these positions of the set. */
    private static RetrievalScore score(Retrieval retrieval, List<Integer> subset) {
        return RetrievalScore.of(subset.stream().map(i -> rank(retrieval, i)).toList());
    }

    /** 1-based rank of the first hit answering question {@code i}, 0 when none of the top {@value #K} does. */
    private static int rank(Retrieval retrieval, int i) {
        List<SearchHit> hits = results.get(retrieval).get(i);
        for (int r = 0; r < hits.size(); r++) {
            if (questions.get(i).isAnsweredBy(hits.get(r))) {
                return r + 1;
            }
        }
        return 0;
    }

    private static String table() {
        List<Integer> english = englishOnly();
        List<Integer> all = all();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "| method | English (%d) recall@5 | English MRR | all (%d) recall@5 | all MRR |%n"
                        + "| --- | ---: | ---: | ---: | ---: |%n", english.size(), all.size()));
        for (Retrieval retrieval : Retrieval.values()) {
            RetrievalScore en = score(retrieval, english);
            RetrievalScore every = score(retrieval, all);
            out.append(String.format(Locale.ROOT, "| %s | %.3f (%d) | %.3f | %.3f (%d) | %.3f |%n",
                    retrieval.name().toLowerCase(Locale.ROOT), en.recall(), en.found(), en.mrr(),
                    every.recall(), every.found(), every.mrr()));
        }
        return out.toString();
    }

    private static String misses() {
        StringBuilder out = new StringBuilder();
        for (Retrieval retrieval : Retrieval.values()) {
            out.append("Missed by ").append(retrieval.name().toLowerCase(Locale.ROOT)).append(":\n");
            for (int i = 0; i < questions.size(); i++) {
                if (rank(retrieval, i) == 0) {
                    EvaluationQuestion question = questions.get(i);
                    List<SearchHit> hits = results.get(retrieval).get(i);
                    out.append("  ").append(question.question()).append("  [wanted ").append(question.file())
                            .append(" § ").append(question.section()).append("; first hit ")
                            .append(hits.isEmpty() ? "none" : describe(hits.getFirst())).append("]\n");
                }
            }
        }
        return out.toString();
    }

    private static String describe(SearchHit hit) {
        return hit.path().getFileName() + " § " + (hit.headings().isEmpty() ? "(no heading)" : hit.headings().getLast());
    }
}
