package dev.mynah.nativelibs.sherpa;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where a text is cut into synthesis pieces: only inside long sentences, at clauses, else at word boundaries. */
class ClauseChunkerTest {

    private static List<String> pieces(String text) {
        List<String> pieces = ClauseChunker.pieces(text);
        assertEquals(text, String.join("", pieces), "the pieces joined give back the text");
        return pieces;
    }

    private static void assertEachAtMostMaxLength(List<String> pieces) {
        for (String piece : pieces) {
            int length = ClauseChunker.spokenLength(piece, 0, piece.length());
            assertTrue(length <= ClauseChunker.MAX_LENGTH, "\"" + piece + "\" is " + length + " long");
        }
    }

    @Test
    void shortSentencesStayWholeAndTogether() {
        String text = "Good morning. It is seven degrees and cloudy outside, with rain later. Would you like the news?";
        assertEquals(List.of(text), pieces(text));
    }

    @Test
    void sentencesAreMeasuredOneByOneSoShortSentencesTogetherLongerThanAPieceStayWhole() {
        String text = "I wanted to go to the park with you today, but I can't. Maybe we can go there together"
                + " tomorrow, after lunch!";
        assertTrue(text.length() > ClauseChunker.MAX_LENGTH);
        assertEquals(List.of(text), pieces(text));
    }

    @Test
    void aLongSentenceIsCutAfterItsClausesKeepingThePunctuation() {
        assertEquals(List.of("When you get to the station, take the second exit on the left, ",
                        "walk past the bakery and the bank, ",
                        "and you will see the museum on your right."),
                pieces("When you get to the station, take the second exit on the left, walk past the bakery and the"
                        + " bank, and you will see the museum on your right."));
    }

    @Test
    void semicolonsColonsAndDashesEndClausesToo() {
        assertEquals(List.of("The forecast for tomorrow is mixed; ",
                        "sunny in the morning — cloudy by noon — ",
                        "and in the evening: rain, wind and falling temperatures."),
                pieces("The forecast for tomorrow is mixed; sunny in the morning — cloudy by noon — and in the"
                        + " evening: rain, wind and falling temperatures."));
    }

    @Test
    void aShortClauseJoinsTheNextAndAShortTailStaysWithThePieceBeforeIt() {
        assertEquals(List.of("Yes, when you get to the station after the long walk through the old town, ",
                        "take the second exit on the left and keep walking until the river, ok?"),
                pieces("Yes, when you get to the station after the long walk through the old town, take the second"
                        + " exit on the left and keep walking until the river, ok?"));
    }

    @Test
    void numbersAndTimesAreNeverCut() {
        List<String> pieces = pieces("The company sold 1,000 units at 10:30 on Monday and another 2,500 units"
                + " later that week to customers who had been waiting since January for them.");
        assertEquals(List.of("The company sold 1,000 units at 10:30 on Monday and another 2,500 units ",
                "later that week to customers who had been waiting since January for them."), pieces);
    }

    @Test
    void abbreviationsAndInitialsNeitherEndASentenceNorAreCutFromTheirWord() {
        String sentence = "Dr. Smith and Mr. J. R. Jones of the U.S. Geological Survey met Prof. Brown at the"
                + " conference in Vienna to talk about rivers and lakes and glaciers.";
        List<String> pieces = pieces(sentence);
        assertEquals(2, pieces.size(), "one long sentence, cut once: " + pieces);
        assertEquals("Dr. Smith and Mr. J. R. Jones of the U.S. Geological Survey met ", pieces.getFirst());
        assertEquals("Prof. Brown at the conference in Vienna to talk about rivers and lakes and glaciers.",
                pieces.getLast());
    }

    @Test
    void theSentencesAroundALongOneAreNotCut() {
        List<String> pieces = pieces("Okay. When you get to the station, take the second exit on the left, walk past"
                + " the bakery and the bank, and you will see the museum on your right. Thanks! Bye.");
        assertEquals(List.of("Okay. When you get to the station, take the second exit on the left, ",
                "walk past the bakery and the bank, ",
                "and you will see the museum on your right. Thanks! Bye."), pieces);
    }

    @Test
    void aVeryLongSentenceWithoutPunctuationIsCutAtWordBoundariesIntoNearlyEqualPieces() {
        String words = "and the river kept on flowing past the old mill ";
        String sentence = "It rained all night " + words.repeat(8) + "until morning.";
        List<String> pieces = pieces(sentence);
        assertEquals(5, pieces.size(), "" + pieces);
        assertEachAtMostMaxLength(pieces);
        for (String piece : pieces) {
            assertTrue(piece.length() > 60, "nearly equal, not a full piece and a scrap: " + pieces);
            assertTrue(piece.endsWith(" ") || piece.endsWith("."), "cut between words: \"" + piece + "\"");
        }
    }

    @Test
    void aLongChineseSentenceIsCutAfterItsFullWidthClauseMarks() {
        assertEquals(List.of("我们今天下午去公园散步，", "然后在湖边的咖啡馆喝了一杯茶，", "看着孩子们在草地上放风筝、",
                        "踢足球、追蝴蝶，一直玩到太阳下山才回家。"),
                pieces("我们今天下午去公园散步，然后在湖边的咖啡馆喝了一杯茶，看着孩子们在草地上放风筝、踢足球、追蝴蝶，一直玩到太阳下山才回家。"));
    }

    @Test
    void aChineseCharacterCountsAsThreeLettersSoShortChineseSentencesStayWhole() {
        assertEquals(3 * 6 + 1, ClauseChunker.spokenLength("今天天气很好。", 0, 7));
        String text = "你好世界。今天天气很好，我们去公园散步吧。";
        assertEquals(List.of(text), pieces(text));
    }

    @Test
    void chineseWithoutPunctuationIsCutBetweenCharacters() {
        List<String> pieces = pieces("我们今天下午去公园散步然后在湖边的咖啡馆喝了一杯茶看着孩子们在草地上放风筝踢足球追蝴蝶一直玩到太阳下山才回家");
        assertEquals(2, pieces.size(), "" + pieces);
        assertEachAtMostMaxLength(pieces);
    }

    @Test
    void aWordLongerThanAPieceStaysWhole() {
        String url = "https://example.com/" + "a/very/long/path/".repeat(8) + "end";
        String text = "Open " + url + " now.";
        assertEquals(List.of(text), pieces(text));
    }

    @Test
    void blankAndEmptyTextAreOnePiece() {
        assertEquals(List.of(""), pieces(""));
        assertEquals(List.of("   "), pieces("   "));
    }
}
