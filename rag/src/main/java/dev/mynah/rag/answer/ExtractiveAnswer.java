package dev.mynah.rag.answer;

import dev.mynah.rag.index.SearchHit;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An answer made without a language model: the one to three sentences of the retrieved chunks that share the most
 * of the question's words, each followed by the {@code [n]} of the passage it comes from, and those passages as
 * {@link #sources()} numbered 1, 2, … in order of citation. The text is quoted, never obeyed: whatever a sentence
 * says, it is only shown. When no sentence matches enough of the question, the text says so and there are no
 * sources.
 */
public record ExtractiveAnswer(String text, List<Source> sources) {
    public static final String NOT_FOUND = "I couldn't find that in your documents.";

    /**
     * The share of the question's words (weighted by how rare each is among the candidate sentences) that a
     * sentence must contain to be an answer at all.
     */
    private static final double MIN_COVERAGE = 0.25;
    /** How much being in a better-ranked chunk adds to a sentence's score: a tie-breaker, never the reason. */
    private static final double RANK_WEIGHT = 0.15;
    private static final int MAX_SENTENCES = 3;
    private static final int MAX_SENTENCE_CHARS = 300;
    private static final int MAX_ANSWER_CHARS = 700;
    /**
     * A second or third sentence must match at least this share of what the best one matches, and share one of its
     * words: "how long is the warranty" must not add a sentence that only says "long".
     */
    private static final double FOLLOWER_SHARE = 0.6;
    private static final Pattern PARAGRAPH = Pattern.compile("\\n[ \\t\\x0B\\f\\r]*\\n");
    private static final Pattern BLANKS = Pattern.compile("\\s+");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\p{Punct}，、；：\\s]+$");

    public ExtractiveAnswer {
        sources = List.copyOf(sources);
    }

    public boolean found() {
        return !sources.isEmpty();
    }

    /** The answer to {@code question} from {@code hits}, best hit first. */
    public static ExtractiveAnswer from(String question, List<SearchHit> hits) {
        Set<String> asked = QueryTerms.of(question);
        if (asked.isEmpty()) {
            return new ExtractiveAnswer(NOT_FOUND, List.of());
        }
        List<Sentence> sentences = sentences(hits, asked);
        Map<String, Double> weights = weights(asked, sentences);
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        List<Scored> ranked = sentences.stream()
                .map(s -> new Scored(s, s.matched.stream().mapToDouble(weights::get).sum() / total))
                .sorted(Comparator.comparingDouble(Scored::score).reversed())
                .toList();
        if (ranked.isEmpty() || ranked.getFirst().coverage < MIN_COVERAGE) {
            return new ExtractiveAnswer(NOT_FOUND, List.of());
        }
        return cite(hits, pick(ranked));
    }

    private static List<Sentence> pick(List<Scored> ranked) {
        Scored best = ranked.getFirst();
        double enough = Math.max(MIN_COVERAGE, FOLLOWER_SHARE * best.coverage);
        List<Sentence> chosen = new ArrayList<>(List.of(best.sentence));
        int length = best.sentence.quote.length();
        for (Scored next : ranked.subList(1, ranked.size())) {
            if (chosen.size() == MAX_SENTENCES) {
                break;
            }
            boolean sameSubject = !Collections.disjoint(next.sentence.matched, best.sentence.matched);
            if (sameSubject && next.coverage >= enough && length + next.sentence.quote.length() <= MAX_ANSWER_CHARS) {
                chosen.add(next.sentence);
                length += next.sentence.quote.length();
            }
        }
        // Read as the documents read: by chunk rank, and in a chunk in the order the sentences were written.
        chosen.sort(Comparator.comparingInt(Sentence::rank).thenComparingInt(Sentence::start));
        return chosen;
    }

    private static ExtractiveAnswer cite(List<SearchHit> hits, List<Sentence> chosen) {
        Map<Integer, Source> byRank = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        for (Sentence sentence : chosen) {
            Source source = byRank.computeIfAbsent(sentence.rank,
                    rank -> new Source(byRank.size() + 1, hits.get(rank)));
            text.append(text.isEmpty() ? "" : " ").append(sentence.quote).append(" [").append(source.number())
                    .append(']');
        }
        return new ExtractiveAnswer(text.toString(), List.copyOf(byRank.values()));
    }

    /** Every sentence of the hits once (overlapping chunks repeat some), headings left out. */
    private static List<Sentence> sentences(List<SearchHit> hits, Set<String> asked) {
        List<Sentence> candidates = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int rank = 0; rank < hits.size(); rank++) {
            SearchHit hit = hits.get(rank);
            for (int[] span : spans(hit.text())) {
                String sentence = BLANKS.matcher(hit.text().substring(span[0], span[1])).replaceAll(" ").strip();
                if (sentence.isEmpty() || hit.headings().contains(sentence)
                        || !seen.add(hit.path() + "#" + (hit.start() + span[0]))) {
                    continue;
                }
                Set<String> matched = new HashSet<>(QueryTerms.of(sentence));
                matched.retainAll(asked);
                candidates.add(new Sentence(rank, span[0], quote(sentence), matched));
            }
        }
        return candidates;
    }

    /** Sentence ranges of {@code text}: paragraphs first (a heading line has no full stop), then sentences. */
    private static List<int[]> spans(String text) {
        List<int[]> spans = new ArrayList<>();
        Matcher paragraphs = PARAGRAPH.matcher(text);
        int from = 0;
        while (paragraphs.find()) {
            split(text, from, paragraphs.start(), spans);
            from = paragraphs.end();
        }
        split(text, from, text.length(), spans);
        return spans;
    }

    private static void split(String text, int start, int end, List<int[]> spans) {
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
        sentences.setText(text.substring(start, end));
        int from = sentences.first();
        for (int to = sentences.next(); to != BreakIterator.DONE; from = to, to = sentences.next()) {
            spans.add(new int[] {start + from, start + to});
        }
    }

    /** Rarer words weigh more: a word every sentence has says little about which one answers. */
    private static Map<String, Double> weights(Set<String> asked, List<Sentence> candidates) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String term : asked) {
            long containing = candidates.stream().filter(c -> c.matched.contains(term)).count();
            weights.put(term, Math.log(1 + (double) candidates.size() / Math.max(containing, 1)));
        }
        return weights;
    }

    private static String quote(String sentence) {
        if (sentence.length() <= MAX_SENTENCE_CHARS) {
            return sentence;
        }
        int space = sentence.lastIndexOf(' ', MAX_SENTENCE_CHARS);
        String cut = sentence.substring(0, space > MAX_SENTENCE_CHARS / 2 ? space : MAX_SENTENCE_CHARS);
        return TRAILING_PUNCTUATION.matcher(cut).replaceFirst("") + "…";
    }

    /** A sentence that might answer: its chunk's rank, where it starts in the chunk, its quoted text, the question's words in it. */
    private record Sentence(int rank, int start, String quote, Set<String> matched) {
    }

    private record Scored(Sentence sentence, double coverage) {
        double score() {
            return coverage + RANK_WEIGHT / (1 + sentence.rank);
        }
    }
}
