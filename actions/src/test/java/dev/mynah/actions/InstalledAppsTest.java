package dev.mynah.actions;

import dev.mynah.actions.InstalledApps.App;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InstalledAppsTest {
    private static final App SAFARI = new App("Safari", "/Applications/Safari.app");
    private static final App CHROME = new App("Google Chrome", "/Applications/Google Chrome.app");
    private static final App WORD = new App("Microsoft Word", "/Applications/Microsoft Word.app");
    private static final App WECHAT = new App("WeChat", "/Applications/WeChat.app");
    private static final App CODE = new App("Visual Studio Code", "/Applications/Visual Studio Code.app");
    private final InstalledApps apps = InstalledApps.of(List.of(SAFARI, CHROME, WORD, WECHAT, CODE));

    @Test
    void aMisheardNameMatchesTheClosestApp() {
        assertEquals(Optional.of(SAFARI), apps.match("safary"));
        assertEquals(Optional.of(SAFARI), apps.match("Safari."));
    }

    @Test
    void aNameWithoutItsVendorMatches() {
        assertEquals(Optional.of(CHROME), apps.match("chrome"));
        assertEquals(Optional.of(WORD), apps.match("word"));
    }

    @Test
    void chineseNamesAndNicknamesMatchInstalledApps() {
        assertEquals(Optional.of(WECHAT), apps.match("微信"));
        assertEquals(Optional.of(CHROME), apps.match("谷歌浏览器"));
        assertEquals(Optional.of(CODE), apps.match("vs code"));
    }

    @Test
    void anAliasForAnAppThatIsNotInstalledMatchesNothing() {
        assertEquals(Optional.empty(), apps.match("备忘录"));
    }

    @Test
    void anAmbiguousOrUnknownNameMatchesNothing() {
        InstalledApps similar = InstalledApps.of(List.of(new App("Pages", "/a"), new App("Pager", "/b")));
        assertEquals(Optional.empty(), similar.match("pagez"));
        assertEquals(Optional.empty(), apps.match("door"));
        assertEquals(Optional.empty(), apps.match(""));
        InstalledApps twoGoogles = InstalledApps.of(List.of(CHROME, new App("Google Earth", "/c")));
        assertEquals(Optional.empty(), twoGoogles.match("google"));
    }

    @Test
    void desktopEntriesSkipHiddenNoDisplayAndNonApplications(@TempDir Path dir) throws IOException {
        Path user = Files.createDirectory(dir.resolve("user"));
        Path system = Files.createDirectory(dir.resolve("system"));
        Files.writeString(system.resolve("firefox.desktop"), """
                [Desktop Entry]
                Type=Application
                Name=Firefox
                Name[de]=Feuerfuchs
                Exec=firefox %u

                [Desktop Action new-window]
                Name=New Window
                """);
        Files.writeString(system.resolve("helper.desktop"), "[Desktop Entry]\nType=Application\nName=Helper\n"
                + "NoDisplay=true\n");
        Files.writeString(system.resolve("gone.desktop"), "[Desktop Entry]\nType=Application\nName=Gone\nHidden=true\n");
        Files.writeString(system.resolve("docs.desktop"), "[Desktop Entry]\nType=Link\nName=Docs\nURL=file:///\n");
        Files.writeString(system.resolve("gedit.desktop"), "[Desktop Entry]\nType=Application\nName=Text Editor\n");
        Files.writeString(system.resolve("notes.txt"), "[Desktop Entry]\nType=Application\nName=Not A Desktop File\n");
        // The user's copy of an entry hides the system one, as XDG says.
        Files.writeString(user.resolve("gedit.desktop"), "[Desktop Entry]\nType=Application\nName=Text Editor\n"
                + "NoDisplay=true\n");

        assertEquals(List.of(new App("Firefox", "firefox")),
                InstalledApps.desktopEntries(List.of(user, system, dir.resolve("missing"))));
    }

    @Test
    void xdgDirectoriesComeFromTheEnvironmentOrTheDefaults() {
        Path home = Path.of("/home/ann");
        assertEquals(List.of(Path.of("/home/ann/.local/share/applications"), Path.of("/usr/local/share/applications"),
                Path.of("/usr/share/applications")), InstalledApps.xdgApplicationDirectories(Map.of(), home));
        assertEquals(List.of(Path.of("/data/applications"), Path.of("/opt/share/applications")),
                InstalledApps.xdgApplicationDirectories(Map.of("XDG_DATA_HOME", "/data",
                        "XDG_DATA_DIRS", "/opt/share:relative/ignored"), home));
    }

    @Test
    void spotlightFindsAppsOutsideTheApplicationsFoldersButNotHelpersInsideOtherApps() {
        List<InstalledApps.App> apps = InstalledApps.fromSpotlight("""
                /Applications/Safari.app
                /Users/ana/Applications/Setapp/CleanShot X.app
                /Applications/Google Chrome.app/Contents/Frameworks/Google Chrome Helper.app
                /Volumes/Work/Tools/Affinity Photo 2.app

                """);

        assertEquals(List.of(new InstalledApps.App("Safari", "/Applications/Safari.app"),
                new InstalledApps.App("CleanShot X", "/Users/ana/Applications/Setapp/CleanShot X.app"),
                new InstalledApps.App("Affinity Photo 2", "/Volumes/Work/Tools/Affinity Photo 2.app")), apps);
        assertEquals(List.of("mdfind", "kMDItemContentType == 'com.apple.application-bundle'"),
                InstalledApps.SPOTLIGHT_QUERY);
    }
}
