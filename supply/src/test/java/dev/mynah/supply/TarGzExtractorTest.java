package dev.mynah.supply;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TarGzExtractorTest {

    @Test
    void extractsFilesStrippingTheTopDirectoryAndHonoursPaxLongNames(@TempDir Path dir) throws IOException {
        String longName = "package/" + "d".repeat(120) + "/lib.txt";
        byte[] archive = tarGz(
                entry("package/a/b.txt", '0', "hello"),
                entry("PaxHeader", 'x', pax("path", longName)),
                entry("package/truncated-name", '0', "long"));

        TarGzExtractor.extract(new ByteArrayInputStream(archive), dir, 1);

        assertEquals("hello", Files.readString(dir.resolve("a/b.txt")));
        assertEquals("long", Files.readString(dir.resolve("d".repeat(120) + "/lib.txt")));
        assertFalse(Files.exists(dir.resolve("truncated-name")));
    }

    @Test
    void refusesEntriesThatEscapeTheTargetDirectory(@TempDir Path dir) throws IOException {
        byte[] archive = tarGz(entry("package/../../evil.txt", '0', "x"));
        Path target = dir.resolve("out");

        IOException e = assertThrows(IOException.class,
                () -> TarGzExtractor.extract(new ByteArrayInputStream(archive), target, 1));

        assertTrue(e.getMessage().contains("escapes"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("evil.txt")));
    }

    @Test
    void skipsSymbolicLinks(@TempDir Path dir) throws IOException {
        byte[] archive = tarGz(entry("package/link", '2', ""), entry("package/real.txt", '0', "ok"));

        TarGzExtractor.extract(new ByteArrayInputStream(archive), dir, 1);

        assertFalse(Files.exists(dir.resolve("link"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertEquals("ok", Files.readString(dir.resolve("real.txt")));
    }

    private record Entry(String name, char type, byte[] data) {
    }

    private static Entry entry(String name, char type, String data) {
        return new Entry(name, type, data.getBytes(StandardCharsets.UTF_8));
    }

    private static String pax(String key, String value) {
        // A pax record's length prefix counts its own digits.
        String body = " " + key + "=" + value + "\n";
        int length = body.length() + 1;
        while (String.valueOf(length).length() + body.length() != length) {
            length++;
        }
        return length + body;
    }

    /** A gzip'd ustar archive written by hand, so every header field is under the test's control. */
    private static byte[] tarGz(Entry... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            for (Entry e : entries) {
                byte[] header = new byte[512];
                byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
                System.arraycopy(name, 0, header, 0, Math.min(100, name.length));
                put(header, 100, "0000644\0");
                put(header, 124, String.format("%011o\0", e.data().length));
                put(header, 136, String.format("%011o\0", 0));
                header[156] = (byte) e.type();
                put(header, 257, "ustar\0" + "00");
                for (int i = 148; i < 156; i++) {
                    header[i] = ' ';
                }
                int sum = 0;
                for (byte b : header) {
                    sum += b & 0xFF;
                }
                put(header, 148, String.format("%06o\0 ", sum));
                gzip.write(header);
                gzip.write(e.data());
                gzip.write(new byte[(512 - e.data().length % 512) % 512]);
            }
            gzip.write(new byte[1024]);
        }
        return bytes.toByteArray();
    }

    private static void put(byte[] header, int offset, String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, header, offset, b.length);
    }
}
