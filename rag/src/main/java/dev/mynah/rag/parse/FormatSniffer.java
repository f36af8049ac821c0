package dev.mynah.rag.parse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipFile;

/**
 * Decides how to read a file from its first bytes (magic numbers, markup, binary content), trusting the file
 * name only where the content cannot tell: Markdown versus plain text.
 */
final class FormatSniffer {
    /** How much of the file the decision looks at. */
    static final int HEAD_BYTES = 64 * 1024;
    private static final double MAX_CONTROL_RATIO = 0.05;
    private static final double MAX_NON_UTF8_RATIO = 0.25;

    private FormatSniffer() {
    }

    static DocumentFormat sniff(Path file, byte[] head) throws DocumentSkippedException {
        Optional<DocumentFormat> named = DocumentFormat.byExtension(file);
        // PDF readers accept the header anywhere in the first kilobyte, after junk some generators write.
        if (indexOf(head, "%PDF-", 1024) >= 0) {
            return DocumentFormat.PDF;
        }
        if (startsWith(head, new byte[] {'P', 'K', 3, 4})) {
            return zip(file, named);
        }
        if (startsWith(head, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0})) {
            throw new DocumentSkippedException("skipped: old binary Office format (.doc, .xls or .ppt); "
                    + "save it as .docx or PDF to index it");
        }
        String start = markupStart(head);
        if (start.startsWith("{\\rtf")) {
            return DocumentFormat.RTF;
        }
        if (named.isPresent() && isContainer(named.get())) {
            throw new DocumentSkippedException("skipped: named ." + DocumentFormat.extension(file) + " but it is not "
                    + "a " + named.get().label().toUpperCase(Locale.ROOT) + " file inside (damaged or misnamed)");
        }
        rejectBinary(file, head);
        if (start.startsWith("<!doctype html") || start.startsWith("<html")
                || (start.startsWith("<?xml") && start.contains("<html"))) {
            return DocumentFormat.HTML;
        }
        return named.orElse(DocumentFormat.TEXT);
    }

    private static boolean isContainer(DocumentFormat format) {
        return format == DocumentFormat.PDF || format == DocumentFormat.DOCX || format == DocumentFormat.RTF;
    }

    private static DocumentFormat zip(Path file, Optional<DocumentFormat> named) throws DocumentSkippedException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("word/document.xml") != null) {
                return DocumentFormat.DOCX;
            }
        } catch (IOException damaged) {
            if (named.equals(Optional.of(DocumentFormat.DOCX))) {
                throw new DocumentSkippedException("skipped: damaged DOCX (the zip inside is broken: "
                        + damaged.getMessage() + ")", damaged);
            }
        }
        if (named.equals(Optional.of(DocumentFormat.DOCX))) {
            throw new DocumentSkippedException("skipped: named .docx but it is not a Word document "
                    + "(no word/document.xml inside)");
        }
        throw new DocumentSkippedException("skipped: a zip archive, not a document Mynah reads "
                + "(only .docx among zip-based formats)");
    }

    private static void rejectBinary(Path file, byte[] head) throws DocumentSkippedException {
        if (TextDecoder.isWideText(head)) {
            return;
        }
        int controls = 0;
        for (byte b : head) {
            if (b == 0) {
                throw new DocumentSkippedException(binaryReason(file));
            }
            controls += isStrayControl(b) ? 1 : 0;
        }
        if (controls > head.length * MAX_CONTROL_RATIO) {
            throw new DocumentSkippedException(binaryReason(file));
        }
        if (nonUtf8Count(head) > head.length * MAX_NON_UTF8_RATIO) {
            throw new DocumentSkippedException("skipped: neither UTF-8 nor Western (windows-1252) text, or binary "
                    + "data; save text files as UTF-8 to index them");
        }
    }

    private static String binaryReason(Path file) {
        String extension = DocumentFormat.extension(file);
        return extension.isEmpty()
                ? "skipped: binary file, not a document Mynah can read"
                : "skipped: binary file with a ." + extension + " extension";
    }

    /** Control bytes that do not occur in text (tab, line ends, form feed and escape do). */
    private static boolean isStrayControl(byte b) {
        return (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x0B && b != 0x1B)
                || b == 0x7F;
    }

    /** Bytes that are not part of a well-formed UTF-8 sequence (each malformed run counts its length). */
    private static int nonUtf8Count(byte[] head) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(head);
        CharBuffer out = CharBuffer.allocate(1024);
        int bad = 0;
        while (in.hasRemaining()) {
            var result = decoder.decode(in, out, true);
            if (result.isError()) {
                bad += result.length();
                in.position(in.position() + result.length());
            } else if (result.isUnderflow()) {
                break;
            }
            out.clear();
        }
        return bad;
    }

    /** The first kilobyte after a BOM and leading blanks, lower-cased, for markup signatures. */
    private static String markupStart(byte[] head) {
        int bom = TextDecoder.bomLength(head);
        String start = new String(head, bom, Math.min(head.length - bom, 1024), StandardCharsets.ISO_8859_1);
        return start.stripLeading().toLowerCase(Locale.ROOT);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static int indexOf(byte[] bytes, String ascii, int within) {
        byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
        int last = Math.min(bytes.length, within) - needle.length;
        for (int i = 0; i <= last; i++) {
            if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
