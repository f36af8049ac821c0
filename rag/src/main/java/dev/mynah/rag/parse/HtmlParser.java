package dev.mynah.rag.parse;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads HTML with jsoup: the title, h1–h6 as the heading path, block elements as paragraphs, table rows as
 * lines with cells separated by " | ". Scripts, styles and navigation are dropped. jsoup's traversal is
 * iterative, so deeply nested markup cannot overflow the stack.
 */
final class HtmlParser {
    private static final String BOILERPLATE = "script, style, noscript, template, nav, [role=navigation]";
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    /** Elements jsoup calls blocks that do not end a paragraph here: table parts (rows are lines) and br. */
    private static final Set<String> NOT_PARAGRAPHS = Set.of("tr", "thead", "tbody", "tfoot", "td", "th", "br");

    private HtmlParser() {
    }

    static ParsedDocument parse(Path path, byte[] bytes) {
        Document html = Jsoup.parse(TextDecoder.decode(bytes, declaredCharset(bytes)));
        html.select(BOILERPLATE).remove();
        Walker walker = new Walker();
        NodeTraversor.filter(walker, html.body());
        walker.flush();
        String title = html.title().isBlank() ? walker.firstH1 : html.title();
        return walker.builder.build(path, DocumentFormat.HTML, title);
    }

    /** The charset a meta tag in the first kilobytes names, if Java knows it; UTF-16 there is a lie by spec. */
    private static Charset declaredCharset(byte[] bytes) {
        Matcher meta = META_CHARSET.matcher(new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1));
        if (!meta.find()) {
            return null;
        }
        try {
            Charset charset = Charset.forName(meta.group(1));
            return charset.name().startsWith("UTF-16") ? StandardCharsets.UTF_8 : charset;
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static boolean endsParagraph(Element element) {
        return element.isBlock() && !NOT_PARAGRAPHS.contains(element.normalName());
    }

    private static int headingLevel(Element element) {
        String name = element.normalName();
        return name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1' && name.charAt(1) <= '6'
                ? name.charAt(1) - '0' : 0;
    }

    /** Collects paragraphs while jsoup walks the body. */
    private static final class Walker implements NodeFilter {
        final DocumentTextBuilder builder = new DocumentTextBuilder();
        final HeadingPath headings = new HeadingPath();
        final StringBuilder paragraph = new StringBuilder();
        String firstH1;

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode text) {
                appendInline(text.text());
            } else if (node instanceof Element element) {
                int level = headingLevel(element);
                String name = element.normalName();
                if (level > 0) {
                    flush();
                    String heading = element.text();
                    builder.startSection(headings.enter(level, heading), null);
                    builder.addParagraph(heading);
                    if (firstH1 == null && level == 1) {
                        firstH1 = heading;
                    }
                    return FilterResult.SKIP_ENTIRELY;
                } else if (name.equals("pre")) {
                    flush();
                    builder.addParagraph(element.wholeText());
                    return FilterResult.SKIP_ENTIRELY;
                } else if (name.equals("br")) {
                    paragraph.append('\n');
                } else if (name.equals("td") || name.equals("th")) {
                    if (!paragraph.isEmpty() && paragraph.charAt(paragraph.length() - 1) != '\n') {
                        paragraph.append(" | ");
                    }
                } else if (endsParagraph(element)) {
                    flush();
                }
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element element) {
                String name = element.normalName();
                if (name.equals("tr")) {
                    paragraph.append('\n');
                } else if (endsParagraph(element)) {
                    flush();
                }
            }
            return FilterResult.CONTINUE;
        }

        /** Appends text with HTML's whitespace rules: runs of blanks read as one space, none at line starts. */
        private void appendInline(String normalised) {
            boolean atLineStart = paragraph.isEmpty() || paragraph.charAt(paragraph.length() - 1) == '\n'
                    || paragraph.charAt(paragraph.length() - 1) == ' ';
            paragraph.append(atLineStart ? normalised.stripLeading() : normalised);
        }

        void flush() {
            builder.addParagraph(paragraph.toString().replaceAll(" *\n *", "\n"));
            paragraph.setLength(0);
        }
    }
}
