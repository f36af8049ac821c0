package dev.mynah.actions.catalog;

import dev.mynah.actions.ActionFailedException;
import dev.mynah.actions.Os;
import dev.mynah.actions.Outcome;
import dev.mynah.actions.ProcessRunner;
import dev.mynah.actions.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;

import static dev.mynah.actions.catalog.CatalogFixtures.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileActionsTest {
    private static final CatalogFixtures MAC = CatalogFixtures.of(FileActions.actions(Path.of("/Users/ann")));

    @TempDir
    Path home;
    @TempDir
    Path elsewhere;

    private CatalogFixtures linux() {
        return CatalogFixtures.of(FileActions.actions(home));
    }

    private Path file(String relative, long minutesOld) throws Exception {
        Path file = home.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, relative);
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L - minutesOld * 60_000));
        return file;
    }

    /** What an opening action plans: the check (in-process, no argv), then the program that opens. */
    private static List<List<String>> opened(String... argv) {
        return Arrays.asList(null, List.of(argv));
    }

    /** Runs the check that comes before opening, without opening anything. */
    private static void check(CatalogFixtures actions, String action, String argument, String value)
            throws Exception {
        List<Step> steps = actions.plan(action, args(argument, value), Os.LINUX).steps();
        assertNull(assertInstanceOf(Step.InProcess.class, steps.getFirst()).work().run(new ProcessRunner()));
    }

    private static String checkFailure(CatalogFixtures actions, String action, String argument, String value) {
        Step check = actions.plan(action, args(argument, value), Os.LINUX).steps().getFirst();
        return assertThrows(ActionFailedException.class, () -> ((Step.InProcess) check).work().run(new ProcessRunner())).getMessage();
    }

    @Test
    void actionsMatchTheCatalogue() {
        assertEquals(List.of(
                "find_files read-only query:text(200)",
                "open_file reversible path:text(1000)",
                "open_folder reversible folder:text(1000)",
                "reveal_file reversible path:text(1000)",
                "recent_files read-only"),
                FileActions.actions().stream().map(ProductivityActionsTest::signature).toList());
    }

    @Test
    void findFilesSearchesNamesInTheHomeFolderNewestFirst() throws Exception {
        file("Documents/Tax 2024.pdf", 300);
        file("Downloads/taxes-final.xlsx", 5);
        file("notes.txt", 1);
        Outcome outcome = linux().execute("find_files", args("query", "TAX"), Os.LINUX, false);
        assertEquals("I found 2 files matching \"TAX\": taxes-final.xlsx in Downloads and Tax 2024.pdf in Documents.",
                outcome.reply());
    }

    @Test
    void findFilesSkipsHiddenFilesTooDeepFoldersAndLinkedFolders() throws Exception {
        file(".secret/tax.txt", 1);
        file(".tax-history", 1);
        file("a/b/c/d/e/f/g/h/i/j/k/l/tax-too-deep.txt", 1);
        file("a/b/c/d/e/f/g/h/i/j/k/tax-deep-enough.txt", 1);
        Files.writeString(elsewhere.resolve("tax-outside.txt"), "outside");
        Files.createSymbolicLink(home.resolve("linked"), elsewhere);
        assertEquals("I found 1 file matching \"tax\": tax-deep-enough.txt in k.",
                linux().execute("find_files", args("query", "tax"), Os.LINUX, false).reply());
        assertEquals("I found no files matching \"zebra\" in your home folder.",
                linux().execute("find_files", args("query", "zebra"), Os.LINUX, false).reply());
    }

    @Test
    void manyMatchesAreCountedAndOnlyTheNewestFiveNamed() throws Exception {
        for (int i = 1; i <= 7; i++) {
            file("Journal/note" + i + ".txt", 10 - i);
        }
        assertEquals("I found 7 files matching \"note\"; the newest are note7.txt in Journal, note6.txt in"
                        + " Journal, note5.txt in Journal, note4.txt in Journal and note3.txt in Journal.",
                linux().execute("find_files", args("query", "note"), Os.LINUX, false).reply());
    }

    @Test
    void macosFindFilesGivesTheQueryToMdfindAsAPlainName() {
        assertEquals("run [mdfind, -onlyin, /Users/ann, -name, \" || kMDItemFSName == \"*] and say the newest results",
                MAC.inProcess("find_files", args("query", "\" || kMDItemFSName == \"*"), Os.MACOS));
    }

    @Test
    void pathsExpandFromTheHomeFolder() {
        assertEquals(opened("open", "/Users/ann/Documents/report.pdf"),
                MAC.argv("open_file", args("path", "~/Documents/report.pdf"), Os.MACOS));
        assertEquals(opened("open", "/Users/ann/Documents/report.pdf"),
                MAC.argv("open_file", args("path", "'Documents/report.pdf'"), Os.MACOS));
        assertEquals(opened("open", "/Users/ann/-a Terminal"),
                MAC.argv("open_file", args("path", "-a Terminal"), Os.MACOS));
        assertEquals(opened("open", "/etc/hosts"),
                MAC.argv("open_file", args("path", "/etc/../etc/hosts"), Os.MACOS));
        assertEquals(opened("xdg-open", home.resolve("My Files/a.pdf").toString()),
                linux().argv("open_file", args("path", "~/My Files/a.pdf"), Os.LINUX));
        assertInstanceOf(Step.Spawn.class,
                linux().plan("open_file", args("path", "~/a.pdf"), Os.LINUX).steps().get(1));
    }

    @Test
    void openingChecksThePathFirstAndExplainsAMissingOne() throws Exception {
        file("Documents/report.pdf", 1);
        check(linux(), "open_file", "path", "Documents/report.pdf");
        assertEquals("there is no file or folder at " + home.resolve("Documents/missing.pdf")
                        + "; say its full path, or ask me to find it by name",
                checkFailure(linux(), "open_file", "path", "~/Documents/missing.pdf"));
        Outcome outcome = linux().execute("open_file", args("path", "missing.pdf"), Os.LINUX, false);
        assertEquals(Outcome.Status.FAILED, outcome.status());
        assertEquals("That didn't work: there is no file or folder at " + home.resolve("missing.pdf")
                + "; say its full path, or ask me to find it by name.", outcome.reply());
    }

    @Test
    void programsAreNotOpenedAsDocuments() throws Exception {
        file("Downloads/setup.command", 1);
        file("Downloads/Game.AppImage", 1);
        assertEquals("setup.command is a program, and I only open documents; open it yourself if you trust it",
                checkFailure(linux(), "open_file", "path", "~/Downloads/setup.command"));
        assertEquals("Game.AppImage is a program, and I only open documents; open it yourself if you trust it",
                checkFailure(linux(), "open_file", "path", "~/Downloads/Game.AppImage"));
    }

    @Test
    void wellKnownFoldersHaveTheirMacosNames() {
        assertEquals(opened("open", "/Users/ann/Downloads"),
                MAC.argv("open_folder", args("folder", "Downloads"), Os.MACOS));
        assertEquals(opened("open", "/Users/ann/Movies"),
                MAC.argv("open_folder", args("folder", "videos"), Os.MACOS));
        assertEquals(opened("open", "/Users/ann/Documents"),
                MAC.argv("open_folder", args("folder", "my documents folder"), Os.MACOS));
        assertEquals(opened("open", "/Users/ann"),
                MAC.argv("open_folder", args("folder", "home"), Os.MACOS));
        assertEquals(opened("open", "/Users/ann/Music"),
                MAC.argv("open_folder", args("folder", "music"), Os.MACOS));
        assertEquals(opened("open", "/Users/ann/Projects/mynah"),
                MAC.argv("open_folder", args("folder", "~/Projects/mynah"), Os.MACOS));
    }

    @Test
    void linuxFoldersFollowUserDirsDirs() throws Exception {
        Files.createDirectories(home.resolve(".config"));
        Files.writeString(home.resolve(".config/user-dirs.dirs"), """
                # written by xdg-user-dirs-update
                XDG_DOWNLOAD_DIR="$HOME/Téléchargements"
                XDG_MUSIC_DIR="/srv/music"
                """);
        assertEquals(opened("xdg-open", home.resolve("Téléchargements").toString()),
                linux().argv("open_folder", args("folder", "downloads"), Os.LINUX));
        assertEquals(opened("xdg-open", "/srv/music"),
                linux().argv("open_folder", args("folder", "Music"), Os.LINUX));
        assertEquals(opened("xdg-open", home.resolve("Videos").toString()),
                linux().argv("open_folder", args("folder", "movies"), Os.LINUX));
    }

    @Test
    void openFolderRefusesFilesAndMissingFolders() throws Exception {
        file("Projects/readme.md", 1);
        check(linux(), "open_folder", "folder", "Projects");
        assertEquals(home.resolve("Projects/readme.md") + " is a file, not a folder; ask me to open the file instead",
                checkFailure(linux(), "open_folder", "folder", "~/Projects/readme.md"));
        assertEquals("there is no file or folder at " + home.resolve("Desktop")
                        + "; say its full path, or ask me to find it by name",
                checkFailure(linux(), "open_folder", "folder", "desktop"));
    }

    @Test
    void revealShowsTheFileInItsFolder() throws Exception {
        assertEquals(opened("open", "-R", "/Users/ann/Downloads/photo \"1\".jpg"),
                MAC.argv("reveal_file", args("path", "~/Downloads/photo \"1\".jpg"), Os.MACOS));
        assertEquals(opened("xdg-open", home.resolve("Downloads").toString()),
                linux().argv("reveal_file", args("path", "~/Downloads/photo.jpg"), Os.LINUX));
        file("Downloads/photo.jpg", 1);
        check(linux(), "reveal_file", "path", "~/Downloads/photo.jpg");
    }

    @Test
    void macosRecentFilesAskSpotlightWithAFixedQuery() {
        assertEquals("run [mdfind, -onlyin, /Users/ann, kMDItemLastUsedDate >= $time.today(-7)] and say the newest"
                + " results", MAC.inProcess("recent_files", args(), Os.MACOS));
    }

    @Test
    void linuxRecentFilesComeFromRecentlyUsedXbelMostRecentFirst() throws Exception {
        file("a.txt", 1);
        file("Downloads/b.txt", 1);
        file("Documents/My Report.odt", 1);
        Path xbel = home.resolve(".local/share/recently-used.xbel");
        Files.createDirectories(xbel.getParent());
        Files.writeString(xbel, """
                <?xml version="1.0" encoding="UTF-8"?>
                <xbel version="1.0" xmlns:bookmark="http://www.freedesktop.org/standards/desktop-bookmarks">
                  <bookmark href="file://%1$s/a.txt" added="2026-01-01T10:00:00Z" modified="2026-01-01T10:00:00Z"
                            visited="2026-01-01T10:00:00Z"/>
                  <bookmark href="file://%1$s/Documents/My%%20Report.odt" added="2026-01-02T10:00:00.123456Z"
                            modified="2026-01-02T10:00:00.123456Z" visited="2026-01-02T10:00:00.123456Z"/>
                  <bookmark href="file://%1$s/Downloads/b.txt" added="2025-12-01T10:00:00Z"
                            modified="2026-01-03T09:00:00Z" visited="2025-12-01T10:00:00Z"/>
                  <bookmark href="file://%1$s/deleted.txt" added="2026-02-01T10:00:00Z"/>
                  <bookmark href="https://example.org/page" added="2026-02-01T10:00:00Z"/>
                </xbel>
                """.formatted(home));
        assertEquals("Your most recent files are b.txt in Downloads, My Report.odt in Documents and a.txt in your"
                + " home folder.", linux().execute("recent_files", args(), Os.LINUX, false).reply());
    }

    @Test
    void recentFilesWithoutAListSayThereAreNone() {
        assertEquals("I found no recently used files.",
                linux().execute("recent_files", args(), Os.LINUX, false).reply());
    }

    @Test
    void recentlyUsedXbelCannotPullInOtherFiles() throws Exception {
        Path xbel = home.resolve(".local/share/recently-used.xbel");
        Files.createDirectories(xbel.getParent());
        Files.writeString(xbel, """
                <?xml version="1.0"?>
                <!DOCTYPE xbel [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <xbel><bookmark href="file:///&secret;"/></xbel>
                """);
        Outcome outcome = linux().execute("recent_files", args(), Os.LINUX, false);
        assertFalse(outcome.reply().contains("root"), outcome.reply());
        assertTrue(outcome.reply().startsWith("That didn't work: I could not read the list of recent files in "
                + xbel), outcome.reply());
    }
}
