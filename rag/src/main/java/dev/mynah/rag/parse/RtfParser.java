package dev.mynah.rag.parse;

import javax.swing.text.BadLocationException;
import javax.swing.text.Document;
import javax.swing.text.rtf.RTFEditorKit;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;

/** Reads RTF with the JDK's own RTF reader; each non-blank line of the result is a paragraph. */
final class RtfParser {
    private RtfParser() {
    }

    static ParsedDocument parse(Path path, byte[] bytes) throws IOException {
        RTFEditorKit kit = new RTFEditorKit();
        Document document = kit.createDefaultDocument();
        try {
            kit.read(new ByteArrayInputStream(bytes), document, 0);
            String text = document.getText(0, document.getLength());
            DocumentTextBuilder builder = new DocumentTextBuilder();
            text.lines().forEach(builder::addParagraph);
            return builder.build(path, DocumentFormat.RTF, null);
        } catch (BadLocationException impossible) {
            throw new IllegalStateException("text range of a document just read", impossible);
        }
    }
}
