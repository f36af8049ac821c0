package dev.mynah.nativelibs.llama;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Turns token bytes into text incrementally: a UTF-8 character split across tokens is held back until its
 * last byte arrives, so streamed text never shows half a character. Invalid sequences become U+FFFD.
 */
public final class TextDecoder {
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    /** Appends bytes and returns the text that is complete so far (possibly empty). */
    public String append(byte[] bytes) {
        pending.writeBytes(bytes);
        byte[] all = pending.toByteArray();
        int complete = completePrefixLength(all);
        pending.reset();
        pending.write(all, complete, all.length - complete);
        return new String(all, 0, complete, StandardCharsets.UTF_8);
    }

    /** Whatever is still held back, decoded with replacement characters; the decoder is empty afterwards. */
    public String finish() {
        String rest = pending.toString(StandardCharsets.UTF_8);
        pending.reset();
        return rest;
    }

    /** Length of the longest prefix that does not end inside an unfinished (but so far valid) character. */
    static int completePrefixLength(byte[] bytes) {
        int n = bytes.length;
        // Look back at most 3 bytes for the lead byte of an unfinished character.
        for (int back = 1; back <= Math.min(3, n); back++) {
            int b = bytes[n - back] & 0xFF;
            if ((b & 0xC0) == 0x80) {
                continue; // continuation byte: keep looking for the lead
            }
            int needed = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b < 0xE0 ? 2 : 1;
            return needed > back ? n - back : n;
        }
        return n;
    }
}
