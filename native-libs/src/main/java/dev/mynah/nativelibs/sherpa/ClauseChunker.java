package dev.mynah.nativelibs.sherpa;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cuts a text into the pieces a Piper voice synthesizes one engine call at a time, so that the first audio of a
 * long sentence comes sooner and a cancel stops the inference after the current piece. Only sentences longer than
 * {@link #MAX_LENGTH} are cut, after clause punctuation (, ; : – — and ，；：、, which stays with its clause) and,
 * where a clause is itself too long, at word boundaries; shorter sentences stay whole, with their natural prosody.
 * The pieces joined give back the text.
 */
final class ClauseChunker {
    /** Longer sentences are cut: 100 letters are about 7 s of English speech, too long to wait for its first audio. */
    static final int MAX_LENGTH = 100;
    /** A clause shorter than this joins the next: a few words alone lose their intonation and save little time. */
    static final int MIN_LENGTH = 30;

    private static final String SENTENCE_ENDS = ".!?…";
    private static final String WIDE_SENTENCE_ENDS = "。！？";
    private static final String CLAUSE_ENDS = ",;:–";
    private static final String UNSPACED_CLAUSE_ENDS = "—，；：、";
    private static final String CLOSERS = "\"'”’)]»」』）";
    private static final String OPENERS = "\"'“‘([«「『（";
    /** Words whose period ends no sentence; initials and dotted abbreviations (J., U.S., e.g.) are found by form. */
    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr",
            "vs", "cf", "approx");

    private ClauseChunker() {
    }

    /** The pieces of {@code text}, in order; one piece unless a sentence is longer than {@link #MAX_LENGTH}. */
    static List<String> pieces(String text) {
        List<Integer> cuts = new ArrayList<>();
        for (int start = 0, end; start < text.length(); start = end) {
            end = sentenceEnd(text, start);
            if (spokenLength(text, start, end) > MAX_LENGTH) {
                cutLongSentence(text, start, end, cuts);
            }
        }
        List<String> pieces = new ArrayList<>();
        int from = 0;
        for (int cut : cuts) {
            pieces.add(text.substring(from, cut));
            from = cut;
        }
        pieces.add(text.substring(from));
        return pieces;
    }

    /**
     * How long {@code text[from, to)} takes to say, in Latin letters: a Han character or kana is a syllable, about
     * as long spoken as three letters of English.
     */
    static int spokenLength(String text, int from, int to) {
        return text.substring(from, to).codePoints().map(ClauseChunker::spokenLength).sum();
    }

    /** Cuts after each clause once the piece so far is {@link #MIN_LENGTH} long, unless a shorter tail would remain. */
    private static void cutLongSentence(String text, int start, int end, List<Integer> cuts) {
        int pieceStart = start;
        for (int boundary : clauseBoundaries(text, start, end)) {
            if (spokenLength(text, pieceStart, boundary) >= MIN_LENGTH
                    && spokenLength(text, boundary, end) >= MIN_LENGTH) {
                cutAtWords(text, pieceStart, boundary, cuts);
                cuts.add(boundary);
                pieceStart = boundary;
            }
        }
        cutAtWords(text, pieceStart, end, cuts);
    }

    /** Cuts a piece longer than {@link #MAX_LENGTH} into as few, nearly equal, pieces as it takes. */
    private static void cutAtWords(String text, int start, int end, List<Integer> cuts) {
        int from = start;
        int length;
        while ((length = spokenLength(text, from, end)) > MAX_LENGTH) {
            int target = offsetAfter(text, from, length / Math.ceilDiv(length, MAX_LENGTH));
            int cut = wordStartNear(text, from, target, end);
            if (cut < 0) {
                return; // a word longer than a piece (a URL, say) stays whole
            }
            cuts.add(cut);
            from = cut;
        }
    }

    /**
     * The word start nearest before {@code target}, else nearest after it, that leaves both pieces at least
     * {@link #MIN_LENGTH} long; -1 if there is none.
     */
    private static int wordStartNear(String text, int from, int target, int end) {
        int first = offsetAfter(text, from, MIN_LENGTH);
        for (int i = target; i >= first; i--) {
            if (isWordStart(text, i)) {
                return i;
            }
        }
        for (int i = target + 1; i < end && spokenLength(text, i, end) >= MIN_LENGTH; i++) {
            if (isWordStart(text, i)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Where a piece may start inside a clause: after a space (but not the space after an abbreviation, which
     * belongs with the next word), or between two Han characters or kana, which are written without spaces.
     */
    private static boolean isWordStart(String text, int i) {
        if (Character.isLowSurrogate(text.charAt(i))) {
            return false;
        }
        int before = text.codePointBefore(i);
        int at = text.codePointAt(i);
        if (Character.isWhitespace(at)) {
            return false;
        }
        if (Character.isWhitespace(before)) {
            int wordEnd = i - 1;
            while (wordEnd > 0 && Character.isWhitespace(text.charAt(wordEnd - 1))) {
                wordEnd--;
            }
            return !(wordEnd > 0 && text.charAt(wordEnd - 1) == '.' && isAbbreviation(text, wordEnd - 1));
        }
        return isWide(before) && isWide(at);
    }

    /** Where the sentence starting at {@code start} ends: after its end mark, closing quotes and spaces. */
    private static int sentenceEnd(String text, int start) {
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (WIDE_SENTENCE_ENDS.indexOf(c) >= 0) {
                return skipSpaces(text, skip(text, i + 1, CLOSERS));
            }
            if (SENTENCE_ENDS.indexOf(c) >= 0) {
                int after = skip(text, skip(text, i + 1, SENTENCE_ENDS), CLOSERS);
                boolean spaceFollows = after == text.length() || Character.isWhitespace(text.charAt(after));
                if (spaceFollows && !(c == '.' && isAbbreviation(text, i))) {
                    return skipSpaces(text, after);
                }
                i = after - 1;
            }
        }
        return text.length();
    }

    /** The positions in (start, end) right after a clause mark, its closing quotes and the spaces that follow. */
    private static List<Integer> clauseBoundaries(String text, int start, int end) {
        List<Integer> boundaries = new ArrayList<>();
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            boolean unspaced = UNSPACED_CLAUSE_ENDS.indexOf(c) >= 0;
            if (unspaced || CLAUSE_ENDS.indexOf(c) >= 0) {
                int after = skip(text, i + 1, CLOSERS);
                // 1,000 and 10:30 are no clauses: a spaced mark must be followed by a space.
                if (unspaced || (after < end && Character.isWhitespace(text.charAt(after)))) {
                    int boundary = skipSpaces(text, after);
                    if (boundary < end) {
                        boundaries.add(boundary);
                    }
                }
                i = after - 1;
            }
        }
        return boundaries;
    }

    /** Whether the period at {@code dot} ends an abbreviation or an initial rather than a sentence. */
    private static boolean isAbbreviation(String text, int dot) {
        int wordStart = dot;
        while (wordStart > 0 && !Character.isWhitespace(text.charAt(wordStart - 1))) {
            wordStart--;
        }
        String word = text.substring(skip(text, wordStart, OPENERS), dot).toLowerCase(Locale.ROOT);
        return (word.length() == 1 && Character.isLetter(word.charAt(0))) || ABBREVIATIONS.contains(word)
                || word.matches("(\\p{L}\\.)+\\p{L}");
    }

    private static int spokenLength(int codePoint) {
        return isWide(codePoint) ? 3 : 1;
    }

    private static boolean isWide(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }

    /** The index {@code length} (spoken) after {@code from}. */
    private static int offsetAfter(String text, int from, int length) {
        int i = from;
        for (int spoken = 0; spoken < length && i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            spoken += spokenLength(text.codePointAt(i));
        }
        return i;
    }

    private static int skip(String text, int from, String characters) {
        int i = from;
        while (i < text.length() && characters.indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
