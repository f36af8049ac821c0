package dev.mynah.actions;

/**
 * Writes any Java string as an AppleScript string expression that evaluates to exactly that string. Quotes and
 * backslashes are escaped; tab, newline and return use AppleScript's escapes; every other control character is
 * spliced in as {@code (character id N)}, so nothing in user text can end the literal or start a statement.
 */
public final class AppleScriptLiteral {
    private AppleScriptLiteral() {
    }

    public static String of(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        out.append("\" & (character id ").append((int) c).append(") & \"");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
