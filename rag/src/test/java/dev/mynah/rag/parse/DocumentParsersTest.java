package dev.mynah.rag.parse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class DocumentParsersTest {
    @TempDir
    Path dir;

    private ParsedDocument parse(String name, String content) throws Exception {
        return DocumentParsers.parse(Files.writeString(dir.resolve(name), content), ParseLimits.DEFAULT);
    }

    private static List<List<String>> headingsOf(ParsedDocument document) {
        return document.sections().stream().map(Section::headings).toList();
    }

    private static List<String> textsOf(ParsedDocument document) {
        return document.sections().stream().map(Section::text).toList();
    }

    @Test
    void plainTextKeepsItsParagraphsUnderNoHeading() throws Exception {
        ParsedDocument document = parse("notes.txt", "First line.\r\nStill the first paragraph.\n\n\n\nSecond one.\n");

        assertEquals("text", document.format());
        assertNull(document.title());
        assertEquals("First line.\nStill the first paragraph.\n\n\n\nSecond one.", document.text());
        assertEquals(List.of(new Section(List.of(), null, document.text(), 0)), document.sections());
    }

    @Test
    void markdownHeadingsBecomeTheHeadingPathAndTheFirstH1TheTitle() throws Exception {
        ParsedDocument document = parse("guide.md", """
                Preface before any heading.

                # Garden Guide

                Plant **early** in [spring](https://example.invalid/spring).

                ## Watering
                Water `daily` in summer,
                less in autumn.

                - morning is best
                - never at noon

                ### Drip lines
                > Check the filters weekly.

                ```
                valve --open 3
                ```

                ## Pruning
                Cut back <em>dead</em> wood.
                """);

        assertEquals("markdown", document.format());
        assertEquals("Garden Guide", document.title());
        assertEquals(List.of(
                List.of(),
                List.of("Garden Guide"),
                List.of("Garden Guide", "Watering"),
                List.of("Garden Guide", "Watering", "Drip lines"),
                List.of("Garden Guide", "Pruning")), headingsOf(document));
        assertEquals(List.of(
                "Preface before any heading.",
                "Garden Guide\n\nPlant early in spring.",
                "Watering\n\nWater daily in summer, less in autumn.\n\nmorning is best\n\nnever at noon",
                "Drip lines\n\nCheck the filters weekly.\n\nvalve --open 3",
                "Pruning\n\nCut back dead wood."), textsOf(document));
    }

    @Test
    void htmlKeepsTitleHeadingsAndTablesAndDropsScriptsStylesAndNavigation() throws Exception {
        ParsedDocument document = parse("page.html", """
                <!DOCTYPE html>
                <html><head><title>Bird Atlas</title><style>body { color: red }</style></head>
                <body>
                  <nav><a href="/">Home</a> <a href="/about">About</a></nav>
                  <script>var tracking = "secret";</script>
                  <h1>Herons</h1>
                  <p>The grey heron   is <b>tall</b>.<br>It waits.</p>
                  <h2>Where they live</h2>
                  <table><tr><th>Region</th><th>Count</th></tr><tr><td>North</td><td>12</td></tr></table>
                  <div role="navigation">Next page</div>
                  <h2>Food</h2>
                  <ul><li>Fish</li><li>Frogs</li></ul>
                  <pre>  size:   large
                  legs:   long</pre>
                </body></html>
                """);

        assertEquals("html", document.format());
        assertEquals("Bird Atlas", document.title());
        assertEquals(List.of(List.of("Herons"), List.of("Herons", "Where they live"), List.of("Herons", "Food")),
                headingsOf(document));
        assertEquals(List.of(
                "Herons\n\nThe grey heron is tall.\nIt waits.",
                "Where they live\n\nRegion | Count\nNorth | 12",
                "Food\n\nFish\n\nFrogs\n\nsize:   large\n  legs:   long"), textsOf(document));
        for (String boilerplate : List.of("Home", "About", "tracking", "color", "Next page")) {
            assertFalse(document.text().contains(boilerplate), boilerplate);
        }
    }

    @Test
    void htmlWithoutATitleElementIsNamedByItsFirstH1() throws Exception {
        assertEquals("Migration", parse("m.htm", "<html><body><h2>Intro</h2><h1>Migration</h1></body></html>").title());
    }

    @Test
    void htmlInTheCharsetItsMetaTagDeclaresIsDecodedWithIt() throws Exception {
        Path file = dir.resolve("old.html");
        Files.write(file, "<html><head><meta charset=\"windows-1252\"></head><body><p>Café “crème”</p></body></html>"
                .getBytes(Charset.forName("windows-1252")));

        assertEquals("Café “crème”", DocumentParsers.parse(file, ParseLimits.DEFAULT).text());
    }

    @Test
    void htmlContentIsReadAsHtmlWhateverItsExtension() throws Exception {
        ParsedDocument document = parse("saved-page.txt", "<!doctype html><title>Saved</title><p>Body text</p>");

        assertEquals("html", document.format());
        assertEquals("Body text", document.text());
    }

    @Test
    void rtfIsReadWithTheJdkIncludingEscapedAndUnicodeCharacters() throws Exception {
        Path file = dir.resolve("letter.rtf");
        Files.write(file, ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}}\\f0 Dear caf\\'e9 owner,\\par\n"
                + "\\par\n{\\b Thank you} for the \\u20013?\\u25991? menu.\\par}").getBytes(StandardCharsets.US_ASCII));

        ParsedDocument document = DocumentParsers.parse(file, ParseLimits.DEFAULT);

        assertEquals("rtf", document.format());
        assertEquals("Dear café owner,\n\nThank you for the 中文 menu.", document.text());
        assertEquals(List.of(List.of()), headingsOf(document));
    }

    @Test
    void rtfContentIsSniffedEvenWithATextExtension() throws Exception {
        assertEquals("rtf", parse("export.txt", "{\\rtf1\\ansi Plain words.\\par}").format());
    }

    @Test
    void anEmptyFileParsesToAnEmptyDocument() throws Exception {
        ParsedDocument document = parse("empty.md", "");

        assertEquals("", document.text());
        assertEquals(List.of(), document.sections());
    }
}
