package dev.mynah.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AppDirectoriesTest {

    @Test
    void mynahHomePutsEverythingUnderOneDirectory() {
        AppDirectories dirs = AppDirectories.resolve(Map.of("MYNAH_HOME", "/tmp/eval-1",
                "XDG_DATA_HOME", "/elsewhere"), "/home/ada", "Linux");

        assertEquals(Path.of("/tmp/eval-1/config"), dirs.config());
        assertEquals(Path.of("/tmp/eval-1/models"), dirs.models());
        assertEquals(Path.of("/tmp/eval-1/indexes"), dirs.indexes());
        assertEquals(Path.of("/tmp/eval-1/logs"), dirs.logs());
        assertEquals(Path.of("/tmp/eval-1/audit"), dirs.audit());
    }

    @Test
    void macOsUsesApplicationSupportAndLibraryLogs() {
        AppDirectories dirs = AppDirectories.resolve(Map.of(), "/Users/ada", "Mac OS X");

        assertEquals(Path.of("/Users/ada/Library/Application Support/Mynah"), dirs.config());
        assertEquals(Path.of("/Users/ada/Library/Application Support/Mynah/models"), dirs.models());
        assertEquals(Path.of("/Users/ada/Library/Logs/Mynah"), dirs.logs());
    }

    @Test
    void linuxFollowsTheXdgBaseDirectories() {
        AppDirectories defaults = AppDirectories.resolve(Map.of(), "/home/ada", "Linux");
        AppDirectories custom = AppDirectories.resolve(Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_DATA_HOME", "/data",
                "XDG_STATE_HOME", "relative/is/ignored"), "/home/ada", "Linux");

        assertEquals(Path.of("/home/ada/.config/mynah"), defaults.config());
        assertEquals(Path.of("/home/ada/.local/share/mynah/models"), defaults.models());
        assertEquals(Path.of("/home/ada/.local/state/mynah/logs"), defaults.logs());
        assertEquals(Path.of("/cfg/mynah"), custom.config());
        assertEquals(Path.of("/data/mynah/indexes"), custom.indexes());
        assertEquals(Path.of("/home/ada/.local/state/mynah/audit"), custom.audit());
    }
}
