package dev.mynah.rag.parse;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The document formats Mynah reads, with the file extensions that usually name them. */
public enum DocumentFormat {
    TEXT("text", Set.of("txt", "text", "log", "csv", "tsv", "rst", "org", "adoc", "asciidoc")),
    MARKDOWN("markdown", Set.of("md", "markdown", "mdown", "mkd")),
    HTML("html", Set.of("html", "htm", "xhtml")),
    PDF("pdf", Set.of("pdf")),
    DOCX("docx", Set.of("docx")),
    RTF("rtf", Set.of("rtf"));

    private final String label;
    private final Set<String> extensions;

    DocumentFormat(String label, Set<String> extensions) {
        this.label = label;
        this.extensions = extensions;
    }

    /** The name stored in {@link ParsedDocument#format()}. */
    public String label() {
        return label;
    }

    /** The format a file's extension suggests (case-insensitive); empty for unknown or missing extensions. */
    public static Optional<DocumentFormat> byExtension(Path file) {
        String extension = extension(file);
        for (DocumentFormat format : values()) {
            if (format.extensions.contains(extension)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** The lower-case extension without the dot, or "" when the name has none. */
    static String extension(Path file) {
        Path name = file.getFileName();
        String text = name == null ? "" : name.toString();
        int dot = text.lastIndexOf('.');
        return dot <= 0 ? "" : text.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
