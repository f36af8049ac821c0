package dev.mynah.actions.catalog;

import dev.mynah.actions.Action;
import dev.mynah.actions.InstalledApps;
import dev.mynah.actions.Os;
import dev.mynah.actions.Outcome;
import dev.mynah.actions.Plan;
import dev.mynah.actions.Risk;
import dev.mynah.actions.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.mynah.actions.catalog.CatalogFixtures.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppActionsTest {
    /** Quotes that would end an AppleScript string and start a shell command, were they not escaped. */
    private static final String HOSTILE = "\" & do shell script \"rm -rf ~\" & \"";
    private static final String HOSTILE_LITERAL = "\"\\\" & do shell script \\\"rm -rf ~\\\" & \\\"\"";

    /** A Mac with Chrome installed and a Linux desktop with Firefox ESR and GNOME Text Editor. */
    private final CatalogFixtures apps = CatalogFixtures.of(AppActions.actions(os -> switch (os) {
        case MACOS -> InstalledApps.of(List.of(new InstalledApps.App("Google Chrome", "/Applications/Google Chrome.app"),
                new InstalledApps.App("TextEdit", "/System/Applications/TextEdit.app")));
        case LINUX -> InstalledApps.of(List.of(new InstalledApps.App("Firefox ESR", "firefox-esr"),
                new InstalledApps.App("Text Editor", "org.gnome.TextEditor")));
    }));
    /** This computer's real applications: on the test machine, no desktop app at all. */
    private final CatalogFixtures scanned = CatalogFixtures.of(AppActions.actions());

    @Test
    void catalogueNamesAndRisks() {
        assertEquals(List.of("open_app", "quit_app", "force_quit_app", "switch_to_app", "hide_app",
                        "list_running_apps", "frontmost_app", "minimize_window", "fullscreen_window", "close_window",
                        "tile_window"),
                apps.registry().actions().stream().map(Action::name).toList());
        assertEquals(Risk.DESTRUCTIVE, apps.registry().find("force_quit_app").orElseThrow().risk());
        assertEquals(Risk.READ_ONLY, apps.registry().find("list_running_apps").orElseThrow().risk());
        assertEquals(Risk.READ_ONLY, apps.registry().find("frontmost_app").orElseThrow().risk());
        assertEquals(Risk.REVERSIBLE, apps.registry().find("open_app").orElseThrow().risk());
    }

    @Test
    void openAppOnMacUsesTheInstalledAppsProperName() {
        assertEquals(List.of(List.of("open", "-a", "Google Chrome")), apps.argv("open_app", args("app", "chrome"),
                Os.MACOS));
        assertEquals(List.of(List.of("open", "-a", "Notes")), apps.argv("open_app", args("app", "Notes"), Os.MACOS));
    }

    @Test
    void openAppOnMacPassesAHostileNameAsOneArgument() {
        assertEquals(List.of(List.of("open", "-a", HOSTILE)), apps.argv("open_app", args("app", HOSTILE), Os.MACOS));
    }

    @Test
    void openAppOnLinuxLaunchesTheDesktopEntryWithoutWaiting() {
        Plan plan = apps.plan("open_app", args("app", "firefox"), Os.LINUX);
        Step.Spawn spawn = assertInstanceOf(Step.Spawn.class, plan.steps().getFirst());
        assertEquals(List.of("gtk-launch", "firefox-esr"), spawn.argv());
        assertEquals("Opening firefox.", reply(plan));
    }

    @Test
    void openingAnAppThatIsNotInstalledFailsClearlyAndStartsNothing() {
        Plan plan = scanned.plan("open_app", args("app", "Frobnicator Deluxe"), Os.LINUX);
        assertTrue(plan.steps().stream().allMatch(step -> step.argv() == null), "no program would start");

        Outcome outcome = scanned.execute("open_app", args("app", "Frobnicator Deluxe"), Os.LINUX, false);

        assertEquals(Outcome.Status.FAILED, outcome.status());
        assertEquals("That didn't work: no application called Frobnicator Deluxe is installed.", outcome.reply());
        assertNull(outcome.output());
    }

    @Test
    void quitAppOnMacQuitsOnlyARunningApp() {
        assertEquals("""
                if application "TextEdit" is running then
                    tell application "TextEdit" to quit
                else
                    error number -600
                end if""", apps.appleScript("quit_app", args("app", "textedit")));
    }

    @Test
    void quitAppOnMacFirstChecksForUnsavedDocuments() {
        assertEquals("""
                if application "TextEdit" is running then
                    try
                        tell application "TextEdit" to return (count of (documents whose modified is true)) > 0
                    end try
                end if
                return false""", apps.confirmationCheck("quit_app", args("app", "TextEdit")));
        Plan plan = apps.plan("quit_app", args("app", "TextEdit"), Os.MACOS);
        assertFalse(plan.needsConfirmation(), "only the check's true makes it ask");
        assertEquals("TextEdit has unsaved changes. Quit it anyway?", plan.confirmationPrompt());
    }

    @Test
    void quitAppEscapesAHostileNameInBothScripts() {
        assertEquals("""
                if application %1$s is running then
                    tell application %1$s to quit
                else
                    error number -600
                end if""".formatted(HOSTILE_LITERAL), apps.appleScript("quit_app", args("app", HOSTILE)));
        assertEquals("""
                if application %1$s is running then
                    try
                        tell application %1$s to return (count of (documents whose modified is true)) > 0
                    end try
                end if
                return false""".formatted(HOSTILE_LITERAL), apps.confirmationCheck("quit_app", args("app", HOSTILE)));
    }

    @Test
    void quitAppOnLinuxClosesTheAppsWindowGracefully() {
        assertEquals(List.of(List.of("wmctrl", "-x", "-c", "org.gnome.TextEditor")),
                apps.argv("quit_app", args("app", "text editor"), Os.LINUX));
        assertEquals(List.of(List.of("wmctrl", "-x", "-c", "gimp")), apps.argv("quit_app", args("app", "gimp"),
                Os.LINUX));
    }

    @Test
    void forceQuitOnMacKillsTheNamedProcessesAfterConfirmation() {
        assertEquals("""
                tell application "System Events" to set processIds to unix id of every application process whose name is "Google Chrome"
                if processIds is {} then error number -600
                repeat with processId in processIds
                    do shell script "kill -9 " & (processId as integer)
                end repeat""", apps.appleScript("force_quit_app", args("app", "Chrome")));
        Plan plan = apps.plan("force_quit_app", args("app", "Chrome"), Os.MACOS);
        assertTrue(plan.needsConfirmation());
        assertEquals("Force quit Chrome? Anything unsaved in it will be lost.", plan.confirmationPrompt());
    }

    @Test
    void forceQuitOnMacKeepsAHostileNameInsideTheStringLiteral() {
        String script = apps.appleScript("force_quit_app", args("app", HOSTILE + "\nbeep"));
        assertEquals("tell application \"System Events\" to set processIds to unix id of every application process"
                + " whose name is \"\\\" & do shell script \\\"rm -rf ~\\\" & \\\"\\nbeep\"", script.lines().findFirst()
                .orElseThrow());
    }

    @Test
    void forceQuitOnLinuxKillsARunningProgramOnlyOnceConfirmed(@TempDir Path dir) throws Exception {
        Path program = Files.copy(Path.of("/bin/sleep"), dir.resolve("mynahfrozenapp" + ProcessHandle.current().pid()));
        String name = program.getFileName().toString();
        Process frozen = new ProcessBuilder(program.toString(), "300").start();
        try {
            Outcome unconfirmed = apps.execute("force_quit_app", args("app", name), Os.LINUX, false);
            assertEquals(Outcome.Status.NEEDS_CONFIRMATION, unconfirmed.status());
            assertTrue(frozen.isAlive(), "nothing happens before the user says yes");

            Outcome outcome = apps.execute("force_quit_app", args("app", name), Os.LINUX, true);

            assertEquals(Outcome.Status.DONE, outcome.status());
            assertEquals("Forced " + name + " to quit.", outcome.reply());
            assertTrue(frozen.waitFor(10, TimeUnit.SECONDS), "the program was killed");
            assertEquals(128 + 9, frozen.exitValue(), "killed by SIGKILL");
        } finally {
            frozen.destroyForcibly();
        }
    }

    @Test
    void forceQuitOnLinuxSaysWhenNothingByThatNameRuns() {
        Outcome outcome = apps.execute("force_quit_app", args("app", "no such frozen app"), Os.LINUX, true);
        assertEquals(Outcome.Status.FAILED, outcome.status());
        assertEquals("That didn't work: no program called no such frozen app is running.", outcome.reply());
    }

    @Test
    void switchToAppActivatesIt() {
        assertEquals("tell application \"Google Chrome\" to activate", apps.appleScript("switch_to_app",
                args("app", "google chrome")));
        assertEquals("tell application " + HOSTILE_LITERAL + " to activate", apps.appleScript("switch_to_app",
                args("app", HOSTILE)));
        assertEquals(List.of(List.of("wmctrl", "-x", "-a", "firefox-esr")), apps.argv("switch_to_app",
                args("app", "Firefox"), Os.LINUX));
        assertEquals(List.of(List.of("wmctrl", "-x", "-a", HOSTILE)), apps.argv("switch_to_app",
                args("app", HOSTILE), Os.LINUX));
    }

    @Test
    void hideAppHidesOnMacAndMinimizesItsWindowsOnLinux() {
        assertEquals("tell application \"System Events\" to set visible of application process \"TextEdit\" to false",
                apps.appleScript("hide_app", args("app", "TextEdit")));
        assertEquals("tell application \"System Events\" to set visible of application process " + HOSTILE_LITERAL
                + " to false", apps.appleScript("hide_app", args("app", HOSTILE)));
        assertEquals(List.of(List.of("xdotool", "search", "--onlyvisible", "--class", "--classname",
                        "org\\.gnome\\.TextEditor", "windowminimize", "%@")),
                apps.argv("hide_app", args("app", "Text Editor"), Os.LINUX));
        assertEquals(List.of(List.of("xdotool", "search", "--onlyvisible", "--class", "--classname",
                        "a\\.\\*\\(b\\)", "windowminimize", "%@")),
                apps.argv("hide_app", args("app", "a.*(b)"), Os.LINUX));
    }

    @Test
    void listRunningAppsIsMacOnly() {
        assertEquals("tell application \"System Events\" to get name of every application process whose background"
                + " only is false", apps.appleScript("list_running_apps", args()));
        apps.assertNotOnLinux("list_running_apps", args());
    }

    @Test
    void frontmostAppAsksSystemEventsOrTheWindowManager() {
        assertEquals("tell application \"System Events\" to get name of first application process whose frontmost"
                + " is true", apps.appleScript("frontmost_app", args()));
        assertEquals(List.of(List.of("xdotool", "getactivewindow", "getwindowname")),
                apps.argv("frontmost_app", args(), Os.LINUX));
    }

    @Test
    void frontWindowActions() {
        assertEquals("tell application \"System Events\" to tell (first application process whose frontmost is true)"
                + " to set value of attribute \"AXMinimized\" of window 1 to true",
                apps.appleScript("minimize_window", args()));
        assertEquals(List.of(List.of("xdotool", "getactivewindow", "windowminimize")),
                apps.argv("minimize_window", args(), Os.LINUX));

        assertEquals("""
                tell application "System Events" to tell (first application process whose frontmost is true)
                    set value of attribute "AXFullScreen" of window 1 to not (value of attribute "AXFullScreen" of window 1)
                end tell""", apps.appleScript("fullscreen_window", args()));
        assertEquals(List.of(List.of("wmctrl", "-r", ":ACTIVE:", "-b", "toggle,fullscreen")),
                apps.argv("fullscreen_window", args(), Os.LINUX));

        assertEquals("tell application \"System Events\" to tell (first application process whose frontmost is true)"
                + " to click (first button of window 1 whose subrole is \"AXCloseButton\")",
                apps.appleScript("close_window", args()));
        assertEquals(List.of(List.of("wmctrl", "-c", ":ACTIVE:")), apps.argv("close_window", args(), Os.LINUX));
    }

    @Test
    void tileWindowFillsHalfTheScreen() {
        assertEquals("""
                tell application "Finder" to set screenBounds to bounds of window of desktop
                set halfWidth to (item 3 of screenBounds) div 2
                tell application "System Events" to tell (first application process whose frontmost is true)
                    set position of window 1 to {0, 0}
                    set size of window 1 to {halfWidth, item 4 of screenBounds}
                end tell""", apps.appleScript("tile_window", args("side", "left")));
        assertEquals("""
                tell application "Finder" to set screenBounds to bounds of window of desktop
                set halfWidth to (item 3 of screenBounds) div 2
                tell application "System Events" to tell (first application process whose frontmost is true)
                    set position of window 1 to {halfWidth, 0}
                    set size of window 1 to {halfWidth, item 4 of screenBounds}
                end tell""", apps.appleScript("tile_window", args("side", "Right")));
        assertEquals(List.of(List.of("xdotool", "key", "--clearmodifiers", "super+Left")),
                apps.argv("tile_window", args("side", "left"), Os.LINUX));
        assertEquals(List.of(List.of("xdotool", "key", "--clearmodifiers", "super+Right")),
                apps.argv("tile_window", args("side", "right"), Os.LINUX));
    }

    private static String reply(Plan plan) {
        return Action.fill(plan.action().reply(), plan.arguments(), null);
    }
}
