package dev.mynah.rag.embed;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real all-MiniLM-L6-v2 on onnxruntime: vectors that carry meaning, and clear limits on input. */
class MiniLmEmbedderTest {
    private static MiniLmEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = MiniLmEmbedder.load();
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void aParaphraseIsCloserThanAnUnrelatedSentence() {
        assertCloser("How do I reset my password?", "Steps to change your login password",
                "The quarterly revenue grew by 5%");
        assertCloser("Where is the nearest train station?", "How can I get to the railway station from here?",
                "My cat likes to sleep on the warm sofa.");
        assertCloser("The printer is out of paper.", "Load more sheets into the printer tray.",
                "The recipe needs two cups of flour.");
    }

    /**
     * A limit to know, not a feature: the vocabulary has only 244 CJK ideographs, so most Chinese text is [UNK]
     * and sentences of the same length look alike. Chinese questions must be answered through BM25.
     */
    @Test
    void chineseOutsideTheVocabularyCannotBeToldApart() {
        float[] resetPassword = embedder.embed("如何重置密码");
        float[] revenueGrowth = embedder.embed("季度收入增长");
        assertArrayEquals(resetPassword, revenueGrowth, "both are six [UNK] tokens");
    }

    @Test
    void vectorsHave384DimensionsAndUnitLength() {
        float[] vector = embedder.embed("A short sentence.");
        assertEquals(384, vector.length);
        assertEquals(384, embedder.dimensions());
        assertEquals(1.0, Math.sqrt(dot(vector, vector)), 1e-5);
    }

    @Test
    void embedAllGivesEachTextTheVectorItGetsAlone() {
        List<String> texts = List.of("How do I reset my password?", "short",
                "A much longer sentence with many more tokens than the others, so that a padded batch would differ.",
                "如何重置我的密码？");
        List<float[]> together = embedder.embedAll(texts);

        assertEquals(texts.size(), together.size());
        for (int i = 0; i < texts.size(); i++) {
            assertArrayEquals(embedder.embed(texts.get(i)), together.get(i), 1e-5f, texts.get(i));
        }
    }

    @Test
    void theSameQueryAlwaysGetsTheSameVector() {
        String query = "How do I reset the password of my router?";
        float[] first = embedder.embed(query);
        long[] nanos = new long[300];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            float[] again = embedder.embed(query);
            nanos[i] = System.nanoTime() - start;
            assertArrayEquals(first, again);
        }
        Arrays.sort(nanos);
        System.out.printf("single query embed on %d threads: median %.2f ms, p90 %.2f ms over %d runs%n",
                embedder.threads(), nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 9 / 10] / 1e6, nanos.length);
    }

    @Test
    void aTextLongerThanTheLimitIsEmbeddedAsItsFirst254Tokens() {
        List<String> words = new ArrayList<>();
        String[] vocabulary = {"the", "river", "flows", "north", "past", "old", "mill", "and", "green", "hills"};
        for (int i = 0; i < 400; i++) {
            words.add(vocabulary[(i * 7) % vocabulary.length]);
        }
        String head = String.join(" ", words.subList(0, 254));
        String whole = String.join(" ", words);
        assertEquals(254, embedder.tokenCounter().count(head), "one token per word");

        assertArrayEquals(embedder.embed(head), embedder.embed(whole));
        assertArrayEquals(embedder.embed(head), embedder.embed(head + " completely different ending words"));
        assertFalse(Arrays.equals(embedder.embed(head), embedder.embed(String.join(" ", words.subList(0, 253)))),
                "the 254th token still counts");
    }

    @Test
    void aMegabyteOfTextIsTruncatedInsteadOfExhaustingMemory() {
        String sentence = "Backups run every night at two and keep thirty days of history. ";
        String megabyte = sentence.repeat(1_048_576 / sentence.length() + 1);
        assertTrue(megabyte.length() > 1_000_000);

        float[] vector = embedder.embed(megabyte);
        assertArrayEquals(embedder.embed(sentence.repeat(25)), vector, "both are cut after 254 tokens");

        assertArrayEquals(embedder.embed("[UNK]"), embedder.embed("x".repeat(1_048_576)), "a 1 MB word is one [UNK]");
    }

    @Test
    void nulAndZeroWidthCharactersDoNotChangeTheVector() {
        assertArrayEquals(embedder.embed("password reset"), embedder.embed("pass\u0000word\u200B reset\u0000"));
    }

    @Test
    void textWithoutWordsIsRefusedWithAMessageSayingWhy() {
        for (String empty : List.of("", "   \n\t", "\u0000\u0000", "\u200B")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> embedder.embed(empty));
            assertTrue(e.getMessage().startsWith("Nothing to embed: the text has no words"), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> embedder.embed("\u0000"));
        assertEquals("Nothing to embed: the text has no words (it is empty or only whitespace and control "
                + "characters: \"\\u0000\"). Leave such text out.", e.getMessage());
    }

    @Test
    void theIdNamesModelPoolingNormalisationAndLimit() {
        assertEquals("all-minilm-l6-v2-q/mean-pooling/l2-normalized/254-tokens", embedder.id());
        assertEquals(254, embedder.maxTokens());
        assertEquals(4, embedder.tokenCounter().count("Hello, world!"), "content tokens, [CLS] and [SEP] not counted");
    }

    @Test
    void theThreadCountIsConfigurableAndDoesNotChangeTheVector() {
        try (MiniLmEmbedder single = MiniLmEmbedder.load(1)) {
            assertEquals(1, single.threads());
            assertArrayEquals(embedder.embed("Thread counts change speed, not meaning."),
                    single.embed("Thread counts change speed, not meaning."), 1e-5f);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MiniLmEmbedder.load(0));
        assertEquals("threads must be at least 1, not 0", e.getMessage());
    }

    @Test
    void aClosedEmbedderRefusesWorkAndClosingTwiceIsHarmless() {
        MiniLmEmbedder closed = MiniLmEmbedder.load(1);
        closed.close();
        closed.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> closed.embed("hello"));
        assertEquals("This MiniLmEmbedder is closed; load a new one", e.getMessage());
        assertEquals(384, embedder.embed("The shared environment still serves other sessions.").length);
    }

    private static void assertCloser(String query, String paraphrase, String unrelated) {
        float[] q = embedder.embed(query);
        double near = dot(q, embedder.embed(paraphrase));
        double far = dot(q, embedder.embed(unrelated));
        System.out.printf("cos(%s, %s) = %.3f; cos(…, %s) = %.3f%n", query, paraphrase, near, unrelated, far);
        assertTrue(near > far + 0.2, "\"" + query + "\" should be much closer to \"" + paraphrase + "\" (" + near
                + ") than to \"" + unrelated + "\" (" + far + ")");
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }
}
