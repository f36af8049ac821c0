package dev.mynah.rag.parse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TextEncodingTest {
    private static final String SAMPLE = "Naïve café — “quoted” text, 中文 too.";

    @TempDir
    Path dir;

    private String read(byte[] bytes) throws Exception {
        return DocumentParsers.parse(Files.write(dir.resolve("sample.txt"), bytes), ParseLimits.DEFAULT).text();
    }

    private static byte[] concat(byte[] prefix, byte[] rest) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prefix);
        out.writeBytes(rest);
        return out.toByteArray();
    }

    @Test
    void utf8IsReadAsItIs() throws Exception {
        assertEquals(SAMPLE, read(SAMPLE.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aUtf8ByteOrderMarkIsDropped() throws Exception {
        assertEquals(SAMPLE, read(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                SAMPLE.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void utf16WithEitherByteOrderMarkIsDecoded() throws Exception {
        assertEquals(SAMPLE, read(concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, SAMPLE.getBytes(StandardCharsets.UTF_16LE))));
        assertEquals(SAMPLE, read(concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, SAMPLE.getBytes(StandardCharsets.UTF_16BE))));
    }

    @Test
    void utf16WithoutAByteOrderMarkIsRecognisedByItsZeroBytesNotTakenForBinary() throws Exception {
        String english = "Meeting notes from Monday. Budget approved; hiring starts in March.";

        assertEquals(english, read(english.getBytes(StandardCharsets.UTF_16LE)));
        assertEquals(english, read(english.getBytes(StandardCharsets.UTF_16BE)));
    }

    @Test
    void windows1252TextFallsBackWithoutLosingItsAccents() throws Exception {
        String western = "Crème brûlée costs 5 € at the café “Chez Zoë”.";

        assertEquals(western, read(western.getBytes(Charset.forName("windows-1252"))));
    }

    @Test
    void aStrayInvalidByteInOtherwiseUtf8TextNeverFailsTheRead() throws Exception {
        byte[] bytes = concat("Mostly fine text ".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0x81, '.'});

        assertEquals("Mostly fine text \uFFFD.", read(bytes));
    }

    @Test
    void textInAnEncodingNeitherUtf8NorWesternIsSkippedWithAdviceToSaveAsUtf8() throws Exception {
        byte[] russian = "Привет, мир. Это текст в старой кодировке Windows.".getBytes(Charset.forName("windows-1251"));

        DocumentSkippedException skipped = assertThrows(DocumentSkippedException.class, () -> read(russian));

        assertEquals("skipped: neither UTF-8 nor Western (windows-1252) text, or binary data; "
                + "save text files as UTF-8 to index them", skipped.reason());
    }
}
