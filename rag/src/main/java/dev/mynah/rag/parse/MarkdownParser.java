package dev.mynah.rag.parse;

import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;

import java.nio.file.Path;

/**
 * Reads Markdown with commonmark: each top-level heading opens a section, every leaf block (paragraph, code
 * block, list item text, quote) becomes a paragraph of plain text. Walks the tree iteratively, so absurdly
 * deep nesting cannot overflow the stack.
 */
final class MarkdownParser {
    private static final Parser PARSER = Parser.builder().build();

    private MarkdownParser() {
    }

    static ParsedDocument parse(Path path, String markdown) {
        Node document = PARSER.parse(markdown);
        DocumentTextBuilder builder = new DocumentTextBuilder();
        HeadingPath headings = new HeadingPath();
        String title = null;
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof Heading heading) {
                String text = inlineText(heading);
                builder.startSection(headings.enter(heading.getLevel(), text), null);
                builder.addParagraph(text);
                if (title == null && heading.getLevel() == 1) {
                    title = text;
                }
            } else {
                addLeafBlocks(block, builder);
            }
        }
        return builder.build(path, DocumentFormat.MARKDOWN, title);
    }

    /** Adds every leaf block under {@code root} in document order (pre-order walk without recursion). */
    private static void addLeafBlocks(Node root, DocumentTextBuilder builder) {
        Node node = root;
        while (node != null) {
            String leaf = leafText(node);
            if (leaf != null) {
                builder.addParagraph(leaf);
            } else if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                continue;
            }
            node = nextAfter(node, root);
        }
    }

    private static String leafText(Node node) {
        return switch (node) {
            case Paragraph paragraph -> inlineText(paragraph);
            case Heading heading -> inlineText(heading);
            case FencedCodeBlock code -> code.getLiteral();
            case IndentedCodeBlock code -> code.getLiteral();
            case HtmlBlock html -> Jsoup.parseBodyFragment(html.getLiteral()).text();
            default -> null;
        };
    }

    /** The plain text of a block's inline content: text, code spans, link and image text; no raw HTML. */
    private static String inlineText(Node block) {
        StringBuilder text = new StringBuilder();
        Node node = block.getFirstChild();
        while (node != null) {
            switch (node) {
                case Text literal -> text.append(literal.getLiteral());
                case Code code -> text.append(code.getLiteral());
                case SoftLineBreak ignored -> text.append(' ');
                case HardLineBreak ignored -> text.append('\n');
                default -> {
                    if (node.getFirstChild() != null) {
                        node = node.getFirstChild();
                        continue;
                    }
                }
            }
            node = nextAfter(node, block);
        }
        return text.toString();
    }

    /** The node after {@code node}'s subtree in pre-order, staying inside {@code root}; null at the end. */
    private static Node nextAfter(Node node, Node root) {
        for (Node at = node; at != null && at != root; at = at.getParent()) {
            if (at.getNext() != null) {
                return at.getNext();
            }
        }
        return null;
    }
}
