package dev.mynah.rag.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Reads any supported document into a {@link ParsedDocument}. The format is sniffed from the content (and the
 * name where content cannot tell). A file whose content cannot be indexed (too large, binary, encrypted,
 * damaged, a zip bomb) becomes a {@link DocumentSkippedException} with a reason the user can act on, never a
 * crash or an exhausted heap.
 */
public final class DocumentParsers {
    private DocumentParsers() {
    }

    /**
     * Parses {@code file} within {@code limits}.
     *
     * @throws DocumentSkippedException if the content cannot be indexed; {@link DocumentSkippedException#reason()}
     *                                  says why
     * @throws IOException              if the file cannot be read at all right now ({@link NoSuchFileException} when
     *                                  it is gone, {@link AccessDeniedException} without permission, other I/O
     *                                  errors): nothing is wrong with its content, so whatever was indexed for it
     *                                  should be kept
     */
    public static ParsedDocument parse(Path file, ParseLimits limits) throws DocumentSkippedException, IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new DocumentSkippedException("skipped: not a regular file (a directory, device or pipe)");
        }
        if (attributes.size() > limits.maxFileBytes()) {
            throw new DocumentSkippedException(tooLarge(attributes.size(), limits));
        }
        DocumentFormat format = FormatSniffer.sniff(file, readHead(file));
        byte[] bytes = format == DocumentFormat.PDF || format == DocumentFormat.DOCX ? null : readAll(file, limits);
        try {
            return switch (format) {
                case TEXT -> {
                    DocumentTextBuilder builder = new DocumentTextBuilder();
                    builder.addParagraph(TextDecoder.decode(bytes));
                    yield builder.build(file, DocumentFormat.TEXT, null);
                }
                case MARKDOWN -> MarkdownParser.parse(file, TextDecoder.decode(bytes));
                case HTML -> HtmlParser.parse(file, bytes);
                case RTF -> RtfParser.parse(file, bytes);
                case PDF -> PdfParser.parse(file);
                case DOCX -> DocxParser.parse(file, limits);
            };
        } catch (IOException | RuntimeException damaged) {
            // Libraries report malformed input in many ways, unchecked ones included; all mean "cannot read this".
            throw new DocumentSkippedException("skipped: damaged " + format.label().toUpperCase(Locale.ROOT)
                    + " (" + damaged.getMessage() + ")", damaged);
        } catch (StackOverflowError tooDeep) {
            // The parsing libraries recurse over nesting that a hostile file can make arbitrarily deep.
            throw new DocumentSkippedException("skipped: " + format.label().toUpperCase(Locale.ROOT)
                    + " is nested too deeply to read", tooDeep);
        }
    }

    private static byte[] readHead(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(FormatSniffer.HEAD_BYTES);
        }
    }

    /** Reads the whole file, refusing one that grew past the limit since its size was checked. */
    private static byte[] readAll(Path file, ParseLimits limits) throws IOException, DocumentSkippedException {
        int cap = (int) Math.min(limits.maxFileBytes(), Integer.MAX_VALUE - 16);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(cap + 1);
            if (bytes.length > cap) {
                throw new DocumentSkippedException(tooLarge(Files.size(file), limits));
            }
            return bytes;
        }
    }

    private static String tooLarge(long size, ParseLimits limits) {
        return "skipped: " + ParseLimits.describe(size) + " is over the " + ParseLimits.describe(limits.maxFileBytes())
                + " size limit (configurable)";
    }
}
