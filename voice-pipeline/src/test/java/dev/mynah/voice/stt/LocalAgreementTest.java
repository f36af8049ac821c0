package dev.mynah.voice.stt;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LocalAgreementTest {
    private final LocalAgreement agreement = new LocalAgreement();

    @Test
    void aWordBecomesStableOnceTwoConsecutiveHypothesesAgreeOnItAndEverythingBefore() {
        assertEquals(new StreamingTranscriber.Partial("", "set a", 0.5), agreement.next(" set a", 0.5));
        assertEquals(new StreamingTranscriber.Partial("set a", "timer for", 1.0), agreement.next("set a timer for", 1.0));
        assertEquals(new StreamingTranscriber.Partial("set a timer", "four ten", 1.5),
                agreement.next("set a timer four ten", 1.5));
    }

    @Test
    void wordsCutOffByTheEndOfTheAudioAreNotStableUntilTheyAreWhole() {
        agreement.next("turn off the li", 1.0);
        StreamingTranscriber.Partial partial = agreement.next("turn off the lights", 1.5);

        assertEquals("turn off the", partial.stableText());
        assertEquals("lights", partial.unstableText());
        assertEquals("turn off the lights", partial.text());
    }

    @Test
    void stableWordsNeverChangeWhenLaterHypothesesContradictThem() {
        agreement.next("call mum now", 1.0);
        agreement.next("call mum now please", 1.5);
        agreement.next("fall mom now please thanks", 2.0);
        StreamingTranscriber.Partial partial = agreement.next("fall mom now please thanks", 2.5);

        assertEquals("call mum now", partial.stableText());
        assertEquals("please thanks", partial.unstableText());
    }

    @Test
    void silenceGivesEmptyText() {
        assertEquals(new StreamingTranscriber.Partial("", "", 0.5), agreement.next("", 0.5));
        assertEquals("", agreement.next("  ", 1.0).text());
    }
}
