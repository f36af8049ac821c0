package dev.mynah.rag.chunk;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The places where text may be split, from the most natural to the last resort. Each level cuts a range of
 * the document text into trimmed, non-empty spans in order; text between spans is whitespace only.
 */
enum Boundary {
    /** Blank lines. */
    PARAGRAPH {
        @Override
        void split(String text, int start, int end, SpanSink sink) {
            splitAt(BLANK_LINE, text, start, end, sink);
        }
    },
    /** After . ! ? followed by a blank (with closing quotes or brackets), and after 。！？ anywhere. */
    SENTENCE {
        @Override
        void split(String text, int start, int end, SpanSink sink) {
            int from = start;
            for (int i = start; i < end; i++) {
                char c = text.charAt(i);
                boolean wide = c == '。' || c == '！' || c == '？';
                if (!wide && c != '.' && c != '!' && c != '?') {
                    continue;
                }
                int after = i + 1;
                while (after < end && isTerminator(text.charAt(after))) {
                    after++;
                }
                while (after < end && CLOSERS.indexOf(text.charAt(after)) >= 0) {
                    after++;
                }
                if (wide || after == end || Character.isWhitespace(text.charAt(after))) {
                    emitTrimmed(text, from, after, sink);
                    from = after;
                }
                i = after - 1;
            }
            emitTrimmed(text, from, end, sink);
        }
    },
    /** Line breaks. */
    LINE {
        @Override
        void split(String text, int start, int end, SpanSink sink) {
            splitAt(NEWLINE, text, start, end, sink);
        }
    },
    /** Blanks between words. */
    WORD {
        @Override
        void split(String text, int start, int end, SpanSink sink) {
            splitAt(BLANKS, text, start, end, sink);
        }
    };

    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t\\x0B\\f\\r]*\\n");
    private static final Pattern NEWLINE = Pattern.compile("\\n");
    private static final Pattern BLANKS = Pattern.compile("\\s+");
    private static final String CLOSERS = "\"')]}’”」』）】";

    /** Receives the spans of a split, in order. */
    @FunctionalInterface
    interface SpanSink {
        void accept(int start, int end);
    }

    abstract void split(String text, int start, int end, SpanSink sink);

    /** The next, finer level; null after {@link #WORD}. */
    Boundary finer() {
        return ordinal() + 1 < values().length ? values()[ordinal() + 1] : null;
    }

    private static boolean isTerminator(char c) {
        return c == '.' || c == '!' || c == '?' || c == '。' || c == '！' || c == '？';
    }

    private static void splitAt(Pattern separator, String text, int start, int end, SpanSink sink) {
        Matcher matcher = separator.matcher(text).region(start, end);
        int from = start;
        while (matcher.find()) {
            emitTrimmed(text, from, matcher.start(), sink);
            from = matcher.end();
        }
        emitTrimmed(text, from, end, sink);
    }

    private static void emitTrimmed(String text, int start, int end, SpanSink sink) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start < end) {
            sink.accept(start, end);
        }
    }
}
