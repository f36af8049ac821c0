package dev.mynah.rag.embed;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The WordPiece tokenizer of all-MiniLM-L6-v2, on cases whose ids are known from BERT's uncased vocabulary. */
class WordPieceTokenizerTest {
    private static final WordPieceTokenizer TOKENIZER = MiniLmEmbedder.tokenizer();
    private static final int UNK = 100;
    private static final int CLS = 101;
    private static final int SEP = 102;

    @Test
    void wordsAndPunctuationBecomeTheirVocabularyIds() {
        // hello 7592, "," 1010, world 2088, "!" 999
        assertArrayEquals(new int[] {7592, 1010, 2088, 999}, TOKENIZER.encode("Hello, world!"));
    }

    @Test
    void anUnknownWordIsSplitIntoTheLongestKnownPieces() {
        // Greedy longest match from the left: una ##ffa ##ble (not the linguist's un ##aff ##able).
        assertArrayEquals(new int[] {14477, 20961, 3468}, TOKENIZER.encode("unaffable"));
    }

    @Test
    void textIsLowercasedAndAccentsAreStripped() {
        assertArrayEquals(new int[] {7668, 15743, 13746}, TOKENIZER.encode("CAFÉ naïve Résumé"));
        assertArrayEquals(TOKENIZER.encode("cafe"), TOKENIZER.encode("cafe\u0301"), "combining acute accent");
    }

    @Test
    void capitalSigmaBecomesFinalSigmaByUnicodesRuleNotJavas() {
        // "##ς" is 19579 and "##σ" 29733; Java's toLowerCase would give "σασ_x" here (the underscore joins words).
        assertArrayEquals(TOKENIZER.encode("σας_x"), TOKENIZER.encode("ΣΑΣ_X"));
        assertTrue(Arrays.stream(TOKENIZER.encode("ΣΑΣ_X")).anyMatch(id -> id == 19579));
        assertArrayEquals(TOKENIZER.encode("σασα"), TOKENIZER.encode("ΣΑΣΑ"));
    }

    @Test
    void nulControlAndZeroWidthCharactersAreDroppedWithoutSplittingTheWord() {
        assertArrayEquals(new int[] {20786}, TOKENIZER.encode("pass\u0000word"));
        assertArrayEquals(TOKENIZER.encode("password"), TOKENIZER.encode("pass\u200Bword\uFEFF"));
        assertArrayEquals(TOKENIZER.encode("password"), TOKENIZER.encode("pass\u000Bword"), "vertical tab is a control");
        assertArrayEquals(TOKENIZER.encode("password"), TOKENIZER.encode("pass\uE000word"), "private use");
        assertArrayEquals(TOKENIZER.encode("password"), TOKENIZER.encode("pass\uFFFDword"), "replacement character");
    }

    @Test
    void unicodeSpacesSeparateWords() {
        int[] expected = {2028, 2048, 2093, 2176};
        assertArrayEquals(expected, TOKENIZER.encode("one\u00A0two\u3000three\u2003four"));
        assertArrayEquals(expected, TOKENIZER.encode("\t one\r\ntwo \n three  four \t"));
    }

    @Test
    void everyChineseCharacterIsATokenOfItsOwn() {
        // 世 1745, 界 is not in the vocabulary, 和 1796, 平 1839
        assertArrayEquals(new int[] {1745, UNK, 1796, 1839}, TOKENIZER.encode("世界和平"));
        assertArrayEquals(new int[] {1745, 1796, 1839}, TOKENIZER.encode("世和平"));
    }

    @Test
    void ideographsBeyondTheBasicPlaneAreSplitOffToo() {
        // U+20000 (CJK Extension B) is not in the vocabulary: [UNK], and "abc" stays a word of its own, as in BERT's
        // Python tokenizer and Hugging Face's Rust one (transformers.js looks at UTF-16 units and would not split).
        assertArrayEquals(new int[] {UNK, 5925}, TOKENIZER.encode("\uD840\uDC00abc"));
    }

    @Test
    void unicodePunctuationIsSplitOff() {
        // « 1077, hello 7592, » 1090, — 1517, 「 1641, 世 1745, 」 1642, "." 1012
        assertArrayEquals(new int[] {1077, 7592, 1090, 1517, 1641, 1745, 1642, 1012}, TOKENIZER.encode("«hello»—「世」."));
    }

    @Test
    void aWordLongerThanOneHundredCharactersIsUnknown() {
        assertArrayEquals(new int[] {UNK}, TOKENIZER.encode("a".repeat(101)));
        assertArrayEquals(new int[] {UNK}, TOKENIZER.encode("😀".repeat(101)), "counted in code points");
        int[] hundred = TOKENIZER.encode("a".repeat(100));
        assertTrue(hundred.length > 1 && Arrays.stream(hundred).noneMatch(id -> id == UNK), Arrays.toString(hundred));
    }

    @Test
    void aWordWithAPieceOutsideTheVocabularyIsOneUnknownToken() {
        assertArrayEquals(new int[] {UNK}, TOKENIZER.encode("abc😀def"));
    }

    @Test
    void specialTokensAreRecognisedOnlyWhenWrittenExactly() {
        // a 1037, b 1038; "[sep]" is ordinary text: [ 1031, sep 19802, ] 1033
        assertArrayEquals(new int[] {1037, SEP, 1038}, TOKENIZER.encode("a[SEP]b"));
        assertArrayEquals(new int[] {CLS, 1037, UNK}, TOKENIZER.encode("[CLS] a [UNK]"));
        assertArrayEquals(new int[] {1031, 19802, 1033}, TOKENIZER.encode("[sep]"));
    }

    @Test
    void aLimitKeepsTheFirstTokensAndStopsThere() {
        String text = "the quick brown fox jumps over the lazy dog ".repeat(50);
        int[] all = TOKENIZER.encode(text);
        assertEquals(450, all.length);
        assertArrayEquals(Arrays.copyOf(all, 254), TOKENIZER.encode(text, 254));
        assertArrayEquals(new int[0], TOKENIZER.encode(text, 0));
    }

    @Test
    void theLimitMayCutAWordBetweenItsPieces() {
        assertArrayEquals(new int[] {14477, 20961}, TOKENIZER.encode("unaffable", 2));
    }

    @Test
    void theTokenCounterCountsContentTokensWithoutClsAndSep() {
        assertEquals(4, TOKENIZER.tokenCounter().count("Hello, world!"));
        assertEquals(0, TOKENIZER.tokenCounter().count(" \n\t\u0000"));
    }

    @Test
    void textWithoutWordsHasNoTokens() {
        assertArrayEquals(new int[0], TOKENIZER.encode(""));
        assertArrayEquals(new int[0], TOKENIZER.encode("  \u0000\u200B \r\n"));
    }

    @Test
    void theSpecialIdsAreBertsOwn() {
        assertEquals(CLS, TOKENIZER.clsId());
        assertEquals(SEP, TOKENIZER.sepId());
        assertEquals(UNK, TOKENIZER.unknownId());
    }

    @Test
    void aTokenizerJsonOfAnotherKindIsRefusedWithTheReason() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> WordPieceTokenizer.fromJson("{}"));
        assertEquals("Not a BERT WordPiece tokenizer.json: \"model\" is missing or not an object", missing.getMessage());

        IllegalArgumentException bpe = assertThrows(IllegalArgumentException.class,
                () -> WordPieceTokenizer.fromJson("{\"model\": {\"type\": \"BPE\", \"vocab\": {}}}"));
        assertEquals("Not a BERT WordPiece tokenizer.json: its model is BPE, not WordPiece", bpe.getMessage());

        IllegalArgumentException broken = assertThrows(IllegalArgumentException.class,
                () -> WordPieceTokenizer.fromJson("{\"model\": {\"type\": \"WordPiece\""));
        assertTrue(broken.getMessage().startsWith("tokenizer.json is not valid JSON: Unexpected end-of-input"),
                broken.getMessage());
    }

    @Test
    void aVocabularyWithoutTheSpecialTokensIsRefused() {
        String json = """
                {"model": {"type": "WordPiece", "vocab": {"[UNK]": 0, "a": 1}},
                 "normalizer": {"type": "BertNormalizer", "clean_text": true, "handle_chinese_chars": true,
                                "strip_accents": null, "lowercase": true},
                 "pre_tokenizer": {"type": "BertPreTokenizer"}}""";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WordPieceTokenizer.fromJson(json));
        assertEquals("Not a BERT WordPiece tokenizer.json: its vocabulary has no [CLS] token", e.getMessage());
        WordPieceTokenizer small = WordPieceTokenizer.fromJson(json.replace("\"a\": 1", "\"a\": 1, \"[CLS]\": 2, \"[SEP]\": 3"));
        assertArrayEquals(new int[] {1, 1, 0}, small.encode("A a b"));
    }
}
