package dev.mynah.voice.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WordErrorRateTest {

    @Test
    void identicalTextIgnoringCaseAndPunctuationHasNoErrors() {
        assertEquals(0.0, WordErrorRate.of("Ask not what your country can do for you.",
                "ask not, what your COUNTRY can do for you"));
    }

    @Test
    void countsSubstitutionsInsertionsAndDeletionsAgainstTheReferenceLength() {
        // reference: 4 words; one substitution (cat->hat), one deletion (the), one insertion (big)
        assertEquals(3 / 4.0, WordErrorRate.of("the cat sat down", "hat sat big down"), 1e-12);
        assertEquals(1.0, WordErrorRate.of("turn it up", ""), 1e-12);
        assertEquals(2.0, WordErrorRate.of("stop", "stop it now"), 1e-12);
    }

    @Test
    void keepsApostrophesInsideWordsAndChineseCharacters() {
        assertEquals(List.of("don't", "stop", "音量"), WordErrorRate.words("Don't stop! 音量"));
    }

    @Test
    void refusesAnEmptyReference() {
        assertThrows(IllegalArgumentException.class, () -> WordErrorRate.of(" ... ", "anything"));
    }
}
