package dev.mynah.rag.answer;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The words of a text that say what it is about, as the index analyses them: English words stemmed by
 * {@link EnglishAnalyzer}, Chinese words segmented by {@link SmartChineseAnalyzer}. Stop words go, and so do the
 * words every question has ("what", "how", "什么", "多少"), which would otherwise count as matches.
 */
final class QueryTerms {
    private static final List<String> ENGLISH_QUESTION_WORDS = List.of("what", "which", "who", "whom", "whose",
            "when", "where", "why", "how", "do", "does", "did", "can", "could", "should", "would", "i", "me", "my",
            "we", "our", "you", "your", "tell", "please", "much", "many");
    private static final List<String> CHINESE_QUESTION_WORDS = List.of("的", "了", "是", "吗", "呢", "吧", "啊",
            "什么", "怎么", "怎样", "如何", "多少", "多久", "哪", "哪里", "哪儿", "哪个", "哪些", "为什么", "谁", "几",
            "请问", "请", "告诉", "我", "我们", "你", "你们", "在", "有", "和", "与", "这", "那", "这个", "那个",
            "一个", "个", "能", "可以", "要", "会", "么");

    private static final Analyzer ENGLISH = new EnglishAnalyzer(stopWords(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET,
            ENGLISH_QUESTION_WORDS));
    private static final Analyzer CHINESE = new SmartChineseAnalyzer(stopWords(
            SmartChineseAnalyzer.getDefaultStopSet(), CHINESE_QUESTION_WORDS));

    private QueryTerms() {
    }

    private static CharArraySet stopWords(CharArraySet base, List<String> more) {
        CharArraySet words = new CharArraySet(base, true);
        words.addAll(more);
        return words;
    }

    /** The distinct terms of {@code text}: English stems, and Chinese words when it has Han characters. */
    static Set<String> of(String text) {
        Set<String> terms = new LinkedHashSet<>();
        // The English analysis splits Chinese into single characters; the Chinese analysis finds its words.
        analyse(ENGLISH, text, terms, term -> !hasHan(term));
        if (hasHan(text)) {
            analyse(CHINESE, text, terms, QueryTerms::hasHan);
        }
        return terms;
    }

    private static void analyse(Analyzer analyzer, String text, Set<String> terms,
                                Predicate<String> keep) {
        try (TokenStream tokens = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                String word = term.toString();
                if (keep.test(word)) {
                    terms.add(word);
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing text in memory cannot fail", e);
        }
    }

    static boolean hasHan(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
