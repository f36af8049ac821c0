package dev.mynah.actions.catalog;

import dev.mynah.actions.Action;
import dev.mynah.actions.ArgumentSchema;
import dev.mynah.actions.Arguments;
import dev.mynah.actions.Os;
import dev.mynah.actions.Risk;
import dev.mynah.actions.Step;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static dev.mynah.actions.catalog.SystemSteps.output;
import static dev.mynah.actions.catalog.SystemSteps.reading;

/** Sound, screen, power, network and settings of the computer itself. */
final class SystemActions {
    private static final String SINK = "@DEFAULT_SINK@";
    private static final String GNOME_INTERFACE = "org.gnome.desktop.interface";
    /** Finds the Wi-Fi device (en0 on most laptops, not on every Mac) for the networksetup commands after it. */
    private static final String MAC_WIFI_DEVICE = """
            set wifiDevice to do shell script "networksetup -listallhardwareports | awk '/^Hardware Port: (Wi-Fi|AirPort)$/ { getline; print $2; exit }'"
            if wifiDevice is "" then error "this Mac has no Wi-Fi hardware"
            """;
    private static final DateTimeFormatter MAC_SCREENSHOT_NAME =
            DateTimeFormatter.ofPattern("'Screenshot' yyyy-MM-dd 'at' HH.mm.ss'.png'");

    private SystemActions() {
    }

    static List<Action> actions() {
        return List.of(
                Action.named("set_volume")
                        .description("Set the speaker volume to a level from 0 to 100 percent.")
                        .arguments(ArgumentSchema.builder()
                                .integer("level", "Volume level in percent", true, 0, 100).build())
                        .risk(Risk.REVERSIBLE)
                        .macos(a -> Step.appleScript("set volume output volume " + a.integer("level")))
                        .linux(a -> Step.run("pactl", "set-sink-volume", SINK, a.integer("level") + "%"))
                        .reply("Volume set to {level} percent.")
                        .build(),
                volumeChange("raise_volume", "Turn the speaker volume up, by 10 percent unless told how much.",
                        true, "Turned the volume up."),
                volumeChange("lower_volume", "Turn the speaker volume down, by 10 percent unless told how much.",
                        false, "Turned the volume down."),
                Action.named("get_volume")
                        .description("Say how loud the speakers are set and whether they are muted.")
                        .macos(a -> Step.appleScript("""
                                set volumeSettings to get volume settings
                                set volumeText to "The volume is at " & (output volume of volumeSettings) & " percent"
                                if output muted of volumeSettings is true then return volumeText & ", muted"
                                return volumeText"""))
                        .on(Os.LINUX, a -> List.of(Step.inProcessWith(
                                "read the output of: pactl get-sink-volume " + SINK + "; pactl get-sink-mute " + SINK,
                                processes -> SystemReadings.volume(
                                        output(processes, List.of("pactl", "get-sink-volume", SINK)),
                                        output(processes, List.of("pactl", "get-sink-mute", SINK))))))
                        .reply("{result}.")
                        .build(),
                Action.named("mute")
                        .description("Mute the speakers.")
                        .risk(Risk.REVERSIBLE)
                        .macos(a -> Step.appleScript("set volume with output muted"))
                        .linux(a -> Step.run("pactl", "set-sink-mute", SINK, "1"))
                        .reply("Muted.")
                        .build(),
                Action.named("unmute")
                        .description("Unmute the speakers.")
                        .risk(Risk.REVERSIBLE)
                        .macos(a -> Step.appleScript("set volume without output muted"))
                        .linux(a -> Step.run("pactl", "set-sink-mute", SINK, "0"))
                        .reply("Unmuted.")
                        .build(),
                Action.named("set_brightness")
                        .description("Set the screen brightness to a level from 0 to 100 percent.")
                        .arguments(ArgumentSchema.builder()
                                .integer("level", "Brightness level in percent", true, 0, 100).build())
                        .risk(Risk.REVERSIBLE)
                        .macos(a -> Step.appleScript(macBrightness(a.integer("level"))))
                        .linux(a -> Step.run("brightnessctl", "set", a.integer("level") + "%"))
                        .reply("Brightness set to about {level} percent.")
                        .build(),
                Action.named("set_dark_mode")
                        .description("Switch the dark appearance on, off, or to the opposite of now.")
                        .arguments(ArgumentSchema.builder()
                                .choice("mode", "Dark mode on, off or toggle", true, "on", "off", "toggle").build())
                        .risk(Risk.REVERSIBLE)
                        .macos(a -> Step.appleScript("""
                                tell application "System Events" to tell appearance preferences
                                    set dark mode to %s
                                    if dark mode then return "on"
                                    return "off"
                                end tell""".formatted(switch (a.text("mode")) {
                                    case "on" -> "true";
                                    case "off" -> "false";
                                    default -> "not dark mode";
                                })))
                        .linux(a -> linuxDarkMode(a.text("mode")))
                        .reply("Dark mode is now {result}.")
                        .build(),
                Action.named("set_do_not_disturb")
                        .description("Turn Do Not Disturb (silence notifications) on or off.")
                        .arguments(ArgumentSchema.builder()
                                .choice("mode", "Do Not Disturb on or off", true, "on", "off").build())
                        .risk(Risk.REVERSIBLE)
                        .macos(a -> Step.appleScript(macDoNotDisturb(a.text("mode"))))
                        .linux(a -> Step.run("gsettings", "set", "org.gnome.desktop.notifications", "show-banners",
                                a.text("mode").equals("on") ? "false" : "true"))
                        .reply("Do Not Disturb is {mode}.")
                        .build(),
                Action.named("lock_screen")
                        .description("Lock the screen so a password is needed to get back in.")
                        .risk(Risk.REVERSIBLE)
                        .macos(a -> Step.appleScript("tell application \"System Events\""
                                + " to keystroke \"q\" using {control down, command down}"))
                        .linux(a -> Step.run("loginctl", "lock-session"))
                        .reply("Locking the screen.")
                        .build(),
                Action.named("sleep_display")
                        .description("Turn the display off now (the computer keeps running).")
                        .risk(Risk.REVERSIBLE)
                        .macos(a -> Step.run("pmset", "displaysleepnow"))
                        .linux(a -> Step.run("xset", "dpms", "force", "off"))
                        .reply("Turning the display off.")
                        .build(),
                Action.named("take_screenshot")
                        .description("Take a screenshot of the whole screen, a window, or a selected area.")
                        .arguments(ArgumentSchema.builder()
                                .choice("area", "What to capture (default screen)", false, "screen", "window",
                                        "selection").build())
                        .risk(Risk.REVERSIBLE)
                        .macos(a -> macScreenshot(a.optionalText("area").orElse("screen")))
                        .linux(a -> switch (a.optionalText("area").orElse("screen")) {
                            case "window" -> Step.run("gnome-screenshot", "--window");
                            // Area selection waits for the user to drag, so it runs on its own.
                            case "selection" -> Step.spawn("gnome-screenshot", "--area");
                            default -> Step.run("gnome-screenshot");
                        })
                        .reply("Taking a screenshot.")
                        .build(),
                Action.named("battery_status")
                        .description("Say how charged the battery is and whether it is charging.")
                        .macos(a -> reading(SystemReadings::macBattery, "pmset", "-g", "batt"))
                        .linux(a -> Step.inProcess("read the battery in /sys/class/power_supply",
                                () -> SystemReadings.battery(Path.of("/sys/class/power_supply"))))
                        .reply("{result}.")
                        .build(),
                Action.named("set_wifi")
                        .description("Turn Wi-Fi on or off.")
                        .arguments(ArgumentSchema.builder()
                                .choice("mode", "Wi-Fi on or off", true, "on", "off").build())
                        .risk(Risk.REVERSIBLE)
                        .macos(a -> Step.appleScript(MAC_WIFI_DEVICE + "do shell script \"networksetup"
                                + " -setairportpower \" & quoted form of wifiDevice & \" " + a.text("mode") + "\""))
                        .linux(a -> Step.run("nmcli", "radio", "wifi", a.text("mode")))
                        .reply("Wi-Fi turned {mode}.")
                        .build(),
                Action.named("wifi_status")
                        .description("Say whether Wi-Fi is on and which network it is connected to.")
                        .macos(a -> Step.appleScript(MAC_WIFI_DEVICE + """
                                if (do shell script "networksetup -getairportpower " & quoted form of wifiDevice) ends with "Off" then return "Wi-Fi is off"
                                set wifiNetwork to do shell script "networksetup -getairportnetwork " & quoted form of wifiDevice
                                if wifiNetwork starts with "Current Wi-Fi Network: " then return "Wi-Fi is connected to " & text 24 thru -1 of wifiNetwork
                                return "Wi-Fi is on but not connected to any network"
                                """))
                        .linux(a -> reading(SystemReadings::wifiNetwork, "nmcli", "-t", "-f", "ACTIVE,SSID", "dev",
                                "wifi"))
                        .reply("{result}.")
                        .build(),
                Action.named("set_bluetooth")
                        .description("Turn Bluetooth on or off.")
                        .arguments(ArgumentSchema.builder()
                                .choice("mode", "Bluetooth on or off", true, "on", "off").build())
                        .risk(Risk.REVERSIBLE)
                        // macOS has no built-in command for this; blueutil (Homebrew) is what Mac users install.
                        .macos(a -> Step.run("blueutil", "--power", a.text("mode").equals("on") ? "1" : "0"))
                        .linux(a -> Step.run("bluetoothctl", "power", a.text("mode")))
                        .reply("Bluetooth turned {mode}.")
                        .build(),
                Action.named("disk_space")
                        .description("Say how much free space is left on the disk.")
                        .everywhere(a -> Step.inProcess("read the free space of the home folder's disk",
                                () -> SystemReadings.diskSpace(Path.of(System.getProperty("user.home")))))
                        .reply("You have {result}.")
                        .build(),
                Action.named("uptime")
                        .description("Say how long the computer has been running since it was last started.")
                        .macos(a -> reading(boottime -> SystemReadings.macUptime(boottime, Instant.now()),
                                "sysctl", "-n", "kern.boottime"))
                        .linux(a -> Step.inProcess("read /proc/uptime",
                                () -> SystemReadings.uptime(Path.of("/proc/uptime"))))
                        .reply("This computer has been on for {result}.")
                        .build(),
                Action.named("local_ip_address")
                        .description("Say this computer's IP address on the local network.")
                        .everywhere(a -> Step.inProcess("read the network interfaces' addresses",
                                SystemReadings::localIpv4Address))
                        .reply("Your local IP address is {result}.")
                        .build(),
                Action.named("empty_trash")
                        .description("Permanently delete everything in the Trash.")
                        .risk(Risk.DESTRUCTIVE)
                        .macos(a -> Step.appleScript("tell application \"Finder\" to empty trash"))
                        .linux(a -> Step.run("gio", "trash", "--empty"))
                        .confirm("Empty the Trash? This can't be undone.")
                        .reply("Emptied the Trash.")
                        .build(),
                Action.named("open_settings")
                        .description("Open a page of the system settings, such as Wi-Fi, sound or display.")
                        .arguments(ArgumentSchema.builder()
                                .choice("pane", "Settings page to open", true, SystemSettingsPane.ids()).build())
                        .risk(Risk.REVERSIBLE)
                        .macos(a -> Step.run("open", SystemSettingsPane.of(a.text("pane")).macUrl()))
                        .linux(a -> new Step.Spawn(SystemSettingsPane.of(a.text("pane")).linuxArgv()))
                        .reply("Opening Settings.")
                        .build(),
                Action.named("restart")
                        .description("Restart the computer.")
                        .risk(Risk.DESTRUCTIVE)
                        .macos(a -> Step.appleScript("tell application \"System Events\" to restart"))
                        .linux(a -> Step.run("systemctl", "reboot"))
                        .confirm("Restart the computer now? Open apps will be asked to quit.")
                        .reply("Restarting.")
                        .build(),
                Action.named("shut_down")
                        .description("Shut down (power off) the computer.")
                        .risk(Risk.DESTRUCTIVE)
                        .macos(a -> Step.appleScript("tell application \"System Events\" to shut down"))
                        .linux(a -> Step.run("systemctl", "poweroff"))
                        .confirm("Shut down the computer now? Open apps will be asked to quit.")
                        .reply("Shutting down.")
                        .build());
    }

    /** raise_volume and lower_volume; the level stays within 0 to 100. */
    private static Action volumeChange(String name, String description, boolean up, String reply) {
        String limit = up ? "> 100 then set newLevel to 100" : "< 0 then set newLevel to 0";
        return Action.named(name)
                .description(description)
                .arguments(ArgumentSchema.builder()
                        .integer("by", "Percentage points to change the volume by (default 10)", false, 1, 100)
                        .build())
                .risk(Risk.REVERSIBLE)
                .macos(a -> Step.appleScript("""
                        set newLevel to (output volume of (get volume settings)) %s %d
                        if newLevel %s
                        set volume output volume newLevel""".formatted(up ? "+" : "-", by(a), limit)))
                .linux(a -> linuxVolumeChange(up ? by(a) : -by(a)))
                .reply(reply)
                .build();
    }

    private static long by(Arguments arguments) {
        return arguments.optionalInteger("by").orElse(10L);
    }

    /** pactl would happily go past 100 percent, so the new level is worked out here and capped. */
    private static Step linuxVolumeChange(long change) {
        return Step.inProcessWith("pactl set-sink-volume " + SINK + " " + (change > 0 ? "+" : "") + change
                + "% (kept within 0% and 100%)", processes -> {
            int now = SystemReadings.volumePercent(output(processes, List.of("pactl", "get-sink-volume", SINK)));
            long target = Math.clamp(now + change, 0, 100);
            return output(processes, List.of("pactl", "set-sink-volume", SINK, target + "%"));
        });
    }

    /** macOS has no brightness command; the brightness keys (16 steps) go to zero and then up to the level. */
    private static String macBrightness(long level) {
        return """
                tell application "System Events"
                    repeat 16 times
                        key code 145
                    end repeat
                    repeat %d times
                        key code 144
                    end repeat
                end tell""".formatted(Math.round(level * 16 / 100.0));
    }

    /** GNOME's colour scheme; toggling reads the current one first. */
    private static Step linuxDarkMode(String mode) {
        String description = switch (mode) {
            case "on" -> "prefer-dark";
            case "off" -> "default";
            default -> "prefer-dark or default, whichever is not set now";
        };
        return Step.inProcessWith("gsettings set " + GNOME_INTERFACE + " color-scheme " + description,
                processes -> {
            boolean dark = switch (mode) {
                case "on" -> true;
                case "off" -> false;
                default -> !output(processes, List.of("gsettings", "get", GNOME_INTERFACE, "color-scheme"))
                        .contains("prefer-dark");
            };
            output(processes, List.of("gsettings", "set", GNOME_INTERFACE, "color-scheme",
                    dark ? "prefer-dark" : "default"));
            return dark ? "on" : "off";
        });
    }

    /**
     * macOS lets no command switch a Focus; a shortcut can. The user creates it once, and until then the
     * error says exactly which one to create.
     */
    private static String macDoNotDisturb(String mode) {
        String shortcut = mode.equals("on") ? "Turn On Do Not Disturb" : "Turn Off Do Not Disturb";
        return """
                tell application "Shortcuts Events"
                    if not (exists shortcut named "%1$s") then error "Mynah needs a shortcut for this: in the Shortcuts app, create one named “%1$s” with the action Set Focus (Do Not Disturb, %2$s), then ask again"
                    run the shortcut named "%1$s"
                end tell""".formatted(shortcut, mode.equals("on") ? "Turn On" : "Turn Off");
    }

    /** The whole screen is captured at once; a window or an area waits for the user's click, so it runs alone. */
    private static Step macScreenshot(String area) {
        String file = Path.of(System.getProperty("user.home"), "Desktop",
                MAC_SCREENSHOT_NAME.format(LocalDateTime.now())).toString();
        return switch (area) {
            case "window" -> Step.spawn("screencapture", "-i", "-w", file);
            case "selection" -> Step.spawn("screencapture", "-i", "-s", file);
            default -> Step.run("screencapture", file);
        };
    }
}
