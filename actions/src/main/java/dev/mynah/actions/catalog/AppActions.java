package dev.mynah.actions.catalog;

import dev.mynah.actions.Action;
import dev.mynah.actions.ActionFailedException;
import dev.mynah.actions.AppleScriptLiteral;
import dev.mynah.actions.ArgumentSchema;
import dev.mynah.actions.InstalledApps;
import dev.mynah.actions.Os;
import dev.mynah.actions.Risk;
import dev.mynah.actions.Step;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static dev.mynah.actions.catalog.SystemSteps.failing;

/** Opening, quitting and switching between apps, and arranging the front window. */
final class AppActions {
    private static final String FRONT_PROCESS =
            "tell application \"System Events\" to tell (first application process whose frontmost is true)";

    private AppActions() {
    }

    static List<Action> actions() {
        return actions(InstalledApps::scan);
    }

    /** {@code installed} gives the apps of each desktop, scanned when a call is planned. */
    static List<Action> actions(Function<Os, InstalledApps> installed) {
        AppNames names = new AppNames(installed);
        return List.of(
                Action.named("open_app")
                        .description("Open (launch) an application by name, e.g. Safari, Calendar or Terminal.")
                        .arguments(appArgument("Name of the app to open"))
                        .risk(Risk.REVERSIBLE)
                        .macos(a -> Step.run("open", "-a", names.mac(a.text("app"))))
                        .linux(a -> names.linux(a.text("app"))
                                .map(app -> Step.spawn("gtk-launch", app.launchId()))
                                .orElseGet(() -> failing(notInstalled(a.text("app")))))
                        .reply("Opening {app}.")
                        .build(),
                Action.named("quit_app")
                        .description("Quit an application normally; it still asks about unsaved work.")
                        .arguments(appArgument("Name of the app to quit"))
                        .risk(Risk.REVERSIBLE)
                        .macos(a -> Step.appleScript(quitScript(names.mac(a.text("app")))))
                        .confirmWhen(Os.MACOS, a -> Step.appleScript(unsavedCheck(names.mac(a.text("app")))),
                                "{app} has unsaved changes. Quit it anyway?")
                        // GNOME has no "quit app" command; closing its window lets the app ask about unsaved work.
                        .linux(a -> Step.run("wmctrl", "-x", "-c", names.windowClass(a.text("app"))))
                        .reply("Quitting {app}.")
                        .build(),
                Action.named("force_quit_app")
                        .description("Force an application that is frozen or not responding to quit at once,"
                                + " losing unsaved work.")
                        .arguments(appArgument("Name of the app to force quit"))
                        .risk(Risk.DESTRUCTIVE)
                        .macos(a -> Step.appleScript(forceQuitScript(names.mac(a.text("app")))))
                        .linux(a -> Step.inProcess("kill (SIGKILL) this user's processes named like "
                                + a.text("app"), () -> forceQuit(a.text("app"), names.linux(a.text("app")))))
                        .confirm("Force quit {app}? Anything unsaved in it will be lost.")
                        .reply("Forced {app} to quit.")
                        .build(),
                Action.named("switch_to_app")
                        .description("Bring an application to the front (opening it if needed).")
                        .arguments(appArgument("Name of the app to switch to"))
                        .risk(Risk.REVERSIBLE)
                        .macos(a -> Step.appleScript("tell application " + AppleScriptLiteral.of(names.mac(
                                a.text("app"))) + " to activate"))
                        .linux(a -> Step.run("wmctrl", "-x", "-a", names.windowClass(a.text("app"))))
                        .reply("Switching to {app}.")
                        .build(),
                Action.named("hide_app")
                        .description("Hide all windows of an application without quitting it.")
                        .arguments(appArgument("Name of the app to hide"))
                        .risk(Risk.REVERSIBLE)
                        .macos(a -> Step.appleScript("tell application \"System Events\" to set visible of"
                                + " application process " + AppleScriptLiteral.of(names.mac(a.text("app")))
                                + " to false"))
                        .linux(a -> Step.run("xdotool", "search", "--onlyvisible", "--class", "--classname",
                                regexLiteral(names.windowClass(a.text("app"))), "windowminimize", "%@"))
                        .reply("Hiding {app}.")
                        .build(),
                Action.named("list_running_apps")
                        .description("List the applications that are open right now.")
                        .macos(a -> Step.appleScript("tell application \"System Events\" to get name of every"
                                + " application process whose background only is false"))
                        .reply("Open apps: {result}.")
                        .build(),
                Action.named("frontmost_app")
                        .description("Say which application (or window) is in front.")
                        .macos(a -> Step.appleScript("tell application \"System Events\" to get name of first"
                                + " application process whose frontmost is true"))
                        .linux(a -> Step.run("xdotool", "getactivewindow", "getwindowname"))
                        .reply("{result} is in front.")
                        .build(),
                Action.named("minimize_window")
                        .description("Minimize the front window to the Dock.")
                        .risk(Risk.REVERSIBLE)
                        .macos(a -> Step.appleScript(FRONT_PROCESS
                                + " to set value of attribute \"AXMinimized\" of window 1 to true"))
                        .linux(a -> Step.run("xdotool", "getactivewindow", "windowminimize"))
                        .reply("Minimized the window.")
                        .build(),
                Action.named("fullscreen_window")
                        .description("Make the front window full screen, or leave full screen if it already is.")
                        .risk(Risk.REVERSIBLE)
                        .macos(a -> Step.appleScript(FRONT_PROCESS + "\n"
                                + "    set value of attribute \"AXFullScreen\" of window 1 to not (value of"
                                + " attribute \"AXFullScreen\" of window 1)\n"
                                + "end tell"))
                        .linux(a -> Step.run("wmctrl", "-r", ":ACTIVE:", "-b", "toggle,fullscreen"))
                        .reply("Toggled full screen.")
                        .build(),
                Action.named("close_window")
                        .description("Close the front window (the app stays open).")
                        .risk(Risk.REVERSIBLE)
                        .macos(a -> Step.appleScript(FRONT_PROCESS
                                + " to click (first button of window 1 whose subrole is \"AXCloseButton\")"))
                        .linux(a -> Step.run("wmctrl", "-c", ":ACTIVE:"))
                        .reply("Closed the window.")
                        .build(),
                Action.named("tile_window")
                        .description("Move the front window to fill the left or right half of the screen.")
                        .arguments(ArgumentSchema.builder()
                                .choice("side", "Half of the screen", true, "left", "right").build())
                        .risk(Risk.REVERSIBLE)
                        .macos(a -> Step.appleScript(tileScript(a.text("side"))))
                        // GNOME and KDE tile the active window to a half with Super+Left/Right.
                        .linux(a -> Step.run("xdotool", "key", "--clearmodifiers",
                                a.text("side").equals("left") ? "super+Left" : "super+Right"))
                        .reply("Moved the window to the {side}.")
                        .build());
    }

    private static ArgumentSchema appArgument(String description) {
        return ArgumentSchema.builder().text("app", description, true).build();
    }

    private static String notInstalled(String app) {
        return "no application called " + app + " is installed";
    }

    private static String quitScript(String app) {
        String literal = AppleScriptLiteral.of(app);
        return """
                if application %1$s is running then
                    tell application %1$s to quit
                else
                    error number -600
                end if""".formatted(literal);
    }

    /** Prints true only when the running app reports a modified document; an app without documents says false. */
    private static String unsavedCheck(String app) {
        String literal = AppleScriptLiteral.of(app);
        return """
                if application %1$s is running then
                    try
                        tell application %1$s to return (count of (documents whose modified is true)) > 0
                    end try
                end if
                return false""".formatted(literal);
    }

    private static String forceQuitScript(String app) {
        return """
                tell application "System Events" to set processIds to unix id of every application process whose name is %s
                if processIds is {} then error number -600
                repeat with processId in processIds
                    do shell script "kill -9 " & (processId as integer)
                end repeat""".formatted(AppleScriptLiteral.of(app));
    }

    private static String tileScript(String side) {
        return """
                tell application "Finder" to set screenBounds to bounds of window of desktop
                set halfWidth to (item 3 of screenBounds) div 2
                %s
                    set position of window 1 to {%s, 0}
                    set size of window 1 to {halfWidth, item 4 of screenBounds}
                end tell""".formatted(FRONT_PROCESS, side.equals("left") ? "0" : "halfWidth");
    }

    /**
     * Kills this user's processes whose program name is the app's name, its desktop id or the id's last part
     * ("firefox", "org.gnome.Calculator" or "calculator"), ignoring case, spaces and punctuation.
     */
    private static String forceQuit(String spoken, Optional<InstalledApps.App> installed)
            throws ActionFailedException {
        Set<String> names = new HashSet<>();
        names.add(programKey(spoken));
        installed.ifPresent(app -> {
            names.add(programKey(app.name()));
            names.add(programKey(app.launchId()));
            names.add(programKey(app.launchId().substring(app.launchId().lastIndexOf('.') + 1)));
        });
        ProcessHandle self = ProcessHandle.current();
        Optional<String> user = self.info().user();
        List<ProcessHandle> matching = ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self.pid() && user.isPresent() && p.info().user().equals(user))
                .filter(p -> p.info().command()
                        .map(command -> names.contains(programKey(Path.of(command).getFileName().toString())))
                        .orElse(false))
                .toList();
        if (matching.isEmpty()) {
            throw new ActionFailedException("no program called " + spoken + " is running");
        }
        matching.forEach(ProcessHandle::destroyForcibly);
        return null;
    }

    private static String programKey(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /** xdotool matches window classes as regular expressions; the name is matched literally. */
    private static String regexLiteral(String text) {
        return text.replaceAll("[\\\\.^$|?*+()\\[\\]{}]", "\\\\$0");
    }

    /** What a spoken app name means on each desktop. */
    private record AppNames(Function<Os, InstalledApps> installed) {
        /** The installed app's proper name ("Google Chrome" for "chrome"), or what was said. */
        String mac(String spoken) {
            return installed.apply(Os.MACOS).match(spoken).map(InstalledApps.App::name).orElse(spoken);
        }

        Optional<InstalledApps.App> linux(String spoken) {
            return installed.apply(Os.LINUX).match(spoken);
        }

        /** Desktop ids usually are the window class ("firefox-esr", "org.gnome.TextEditor"). */
        String windowClass(String spoken) {
            return linux(spoken).map(InstalledApps.App::launchId).orElse(spoken);
        }
    }
}
