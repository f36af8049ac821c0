package dev.mynah.rag.parse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parses documents no one here wrote, shipped by Debian packages: base-passwd (essential, on every Debian
 * system) and bzip2-doc (installed for CI).
 */
class DebianDocumentsTest {
    @TempDir
    Path dir;

    @Test
    void debiansUsersAndGroupsHtmlKeepsItsTitleAndChapterHeadings() throws Exception {
        ParsedDocument document = DocumentParsers.parse(SampleFiles.debianUsersAndGroupsHtml(), ParseLimits.DEFAULT);

        assertEquals("html", document.format());
        assertEquals("Users and Groups in the Debian System", document.title());
        List<List<String>> headings = document.sections().stream().map(Section::headings).toList();
        assertTrue(headings.contains(List.of("Chapter 1. Introduction")), headings.toString());
        assertTrue(headings.contains(List.of("Chapter 2. Users and Groups")), headings.toString());
        assertTrue(document.text().contains("The Debian base-passwd package contains the master versions"));
        assertFalse(Pattern.compile("</?[A-Za-z][A-Za-z0-9]*[\\s>]").matcher(document.text()).find(), "no tags left");
    }

    @Test
    void theBzip2ManualPdfIsReadPageByPage() throws Exception {
        ParsedDocument document = DocumentParsers.parse(SampleFiles.debianBzip2ManualPdf(dir), ParseLimits.DEFAULT);

        assertEquals("pdf", document.format());
        assertTrue(document.title().startsWith("bzip2 and libbzip2, version "), document.title());
        List<Integer> pages = document.sections().stream().map(Section::page).toList();
        assertEquals(IntStream.rangeClosed(1, pages.size()).boxed().toList(), pages, "every page has text, in order");
        assertTrue(pages.size() > 30);
        Section introduction = document.sections().get(3);
        assertTrue(introduction.text().startsWith("1. Introduction\nbzip2 compresses files using the Burrows-Wheeler"),
                introduction.text());
    }
}
