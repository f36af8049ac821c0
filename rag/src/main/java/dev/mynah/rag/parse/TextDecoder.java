package dev.mynah.rag.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a text file's bytes into characters without ever failing: a byte-order mark wins, then a charset the
 * file declares itself, then strict UTF-8, then windows-1252 (which maps every byte, so old Western files read
 * correctly and anything else at worst reads as odd characters).
 */
final class TextDecoder {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int UTF16_SAMPLE_BYTES = 4096;

    private TextDecoder() {
    }

    static String decode(byte[] bytes) {
        return decode(bytes, null);
    }

    /** {@code declared} is the charset the document names (an HTML meta tag), or null. */
    static String decode(byte[] bytes, Charset declared) {
        int bom = bomLength(bytes);
        if (bom > 0) {
            return new String(bytes, bom, bytes.length - bom, bomCharset(bytes));
        }
        Charset wide = utf16WithoutBom(bytes);
        if (wide != null) {
            return new String(bytes, wide);
        }
        if (declared != null) {
            return new String(bytes, declared);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, WINDOWS_1252);
        }
    }

    /** True when the bytes start with a UTF-16 BOM or look like UTF-16 text without one. */
    static boolean isWideText(byte[] bytes) {
        return (bomLength(bytes) > 0 && bomCharset(bytes) != StandardCharsets.UTF_8) || utf16WithoutBom(bytes) != null;
    }

    static int bomLength(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return 3;
        }
        return startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE) ? 2 : 0;
    }

    private static Charset bomCharset(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return StandardCharsets.UTF_8;
        }
        return startsWith(bytes, 0xFE, 0xFF) ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
    }

    /**
     * ASCII-heavy UTF-16 written without a BOM (some Windows tools do) has a zero in nearly every other byte;
     * binary data has zeros scattered at both parities.
     */
    private static Charset utf16WithoutBom(byte[] bytes) {
        int pairs = Math.min(bytes.length, UTF16_SAMPLE_BYTES) / 2;
        if (pairs < 2) {
            return null;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < pairs; i++) {
            evenZeros += bytes[2 * i] == 0 ? 1 : 0;
            oddZeros += bytes[2 * i + 1] == 0 ? 1 : 0;
        }
        if (oddZeros >= pairs * 0.4 && evenZeros <= pairs * 0.02) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenZeros >= pairs * 0.4 && oddZeros <= pairs * 0.02) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
