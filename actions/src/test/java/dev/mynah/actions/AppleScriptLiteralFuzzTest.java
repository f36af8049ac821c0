package dev.mynah.actions;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves that {@link AppleScriptLiteral} turns any text into exactly one AppleScript string expression that
 * evaluates to that text, by reading the literal back with a reader of AppleScript's string syntax.
 */
class AppleScriptLiteralFuzzTest {
    private static final String[] PIECES = {"\"", "\\", "\\\"", "\\\\", "\n", "\r", "\r\n", "\t", " ", "&", "'",
            "\" & do shell script \"rm -rf ~\" & \"", "\u00AC", "\u201C", "\u201D", "\uFF02", "\u201F", "\u2028",
            "\u2029", "\u0085", "\u007F", "\u001B[31m", "(character id 34)", "end tell", "$(touch pwned)", "`id`",
            "; rm -rf ~", "| cat", "&& reboot", "*", "~", "-n", "--", "%s", "%n", "\uD83D\uDE00", "\uD83C\uDDFA"
            + "\uD83C\uDDF8", "e\u0301", "\u202Eevil", "\uFEFF", "\u00A0", "Gr\u00FC\u00DFe", "\u4F60\u597D", "a"};

    /** Seeded hostile strings, NUL included, for both fuzz tests; with {@code maxLength} above 10,000 some are that long. */
    static List<String> hostileStrings(long seed, int count, int maxLength) {
        Random random = new Random(seed);
        List<String> strings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int target = i % 997 == 0 && maxLength > 10_000 ? maxLength - random.nextInt(1000)
                    : random.nextInt(Math.min(maxLength, 60) + 1);
            StringBuilder text = new StringBuilder();
            while (text.length() < target) {
                switch (random.nextInt(4)) {
                    case 0 -> text.append((char) random.nextInt(32));
                    case 1 -> text.appendCodePoint(0x20 + random.nextInt(0xD000));
                    default -> text.append(PIECES[random.nextInt(PIECES.length)]);
                }
            }
            if (text.length() > maxLength) {
                text.setLength(maxLength);
            }
            if (text.length() > 0 && Character.isHighSurrogate(text.charAt(text.length() - 1))) {
                text.setLength(text.length() - 1);
            }
            strings.add(text.toString());
        }
        return strings;
    }

    @Test
    void tenThousandHostileStringsReadBackUnchangedAsExactlyOneStringExpression() {
        List<String> strings = hostileStrings(20261124L, 10_000, 100_000);
        int longOnes = 0;
        for (String text : strings) {
            String literal = AppleScriptLiteral.of(text);

            assertEquals(text, new Reader(literal).expression(), () -> "literal " + abbreviate(literal));
            longOnes += text.length() > 50_000 ? 1 : 0;
        }
        assertTrue(longOnes >= 5, "some strings should be near 100 kB");
    }

    @Test
    void theClassicInjectionIsJustText() {
        String attack = "\" & do shell script \"rm -rf ~\" & \"";

        assertEquals("\"\\\" & do shell script \\\"rm -rf ~\\\" & \\\"\"", AppleScriptLiteral.of(attack));
        assertEquals(attack, new Reader(AppleScriptLiteral.of(attack)).expression());
    }

    @Test
    void controlCharactersAndLineSeparatorsBecomeCharacterIds() {
        assertEquals("\"a\" & (character id 0) & \"b\\nc\" & (character id 8232) & \"\"",
                AppleScriptLiteral.of("a\0b\nc\u2028"));
    }

    @Test
    void theReaderItselfRejectsWhatWouldEndTheStringOrStartAStatement() {
        assertThrows(IllegalArgumentException.class, () -> new Reader("\"a\" & do shell script \"x\"").expression());
        assertThrows(IllegalArgumentException.class, () -> new Reader("\"a\"\ndo shell script \"x\"").expression());
        assertThrows(IllegalArgumentException.class, () -> new Reader("\"a\nb\"").expression());
        assertThrows(IllegalArgumentException.class, () -> new Reader("\"a\\q\"").expression());
        assertThrows(IllegalArgumentException.class, () -> new Reader("\"open").expression());
        assertEquals("ab\"", new Reader("\"a\" & \"b\" & (character id 34)").expression());
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    /**
     * AppleScript's string expressions, as far as the literal uses them: {@code "…"} with the escapes
     * {@code \" \\ \n \r \t}, {@code &} concatenation and {@code (character id N)}. Raw line ends and control
     * characters inside a literal are refused, since AppleScript's parser might end a line there.
     */
    private static final class Reader {
        private final String source;
        private int at;

        Reader(String source) {
            this.source = source;
        }

        /** The string the whole source evaluates to; anything left over is an error. */
        String expression() {
            StringBuilder value = new StringBuilder(term());
            while (true) {
                skipSpaces();
                if (at == source.length()) {
                    return value.toString();
                }
                expect("&");
                skipSpaces();
                value.append(term());
            }
        }

        private String term() {
            if (source.startsWith("(character id ", at)) {
                at += "(character id ".length();
                int start = at;
                while (at < source.length() && Character.isDigit(source.charAt(at))) {
                    at++;
                }
                if (start == at) {
                    throw new IllegalArgumentException("character id without a number at " + start);
                }
                int id = Integer.parseInt(source.substring(start, at));
                expect(")");
                return new String(Character.toChars(id));
            }
            expect("\"");
            StringBuilder text = new StringBuilder();
            while (true) {
                if (at >= source.length()) {
                    throw new IllegalArgumentException("unterminated string");
                }
                char c = source.charAt(at++);
                if (c == '"') {
                    return text.toString();
                }
                if (c == '\\') {
                    if (at >= source.length()) {
                        throw new IllegalArgumentException("backslash at the end");
                    }
                    char escaped = source.charAt(at++);
                    text.append(switch (escaped) {
                        case '"' -> '"';
                        case '\\' -> '\\';
                        case 'n' -> '\n';
                        case 'r' -> '\r';
                        case 't' -> '\t';
                        default -> throw new IllegalArgumentException("unknown escape \\" + escaped + " at " + at);
                    });
                } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                    throw new IllegalArgumentException("raw control character " + (int) c + " inside a literal at " + at);
                } else {
                    text.append(c);
                }
            }
        }

        private void skipSpaces() {
            while (at < source.length() && source.charAt(at) == ' ') {
                at++;
            }
        }

        private void expect(String token) {
            if (!source.startsWith(token, at)) {
                throw new IllegalArgumentException("expected " + token + " at " + at);
            }
            at += token.length();
        }
    }
}
