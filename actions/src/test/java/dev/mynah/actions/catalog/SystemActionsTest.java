package dev.mynah.actions.catalog;

import dev.mynah.actions.Action;
import dev.mynah.actions.InvalidArgumentsException;
import dev.mynah.actions.Os;
import dev.mynah.actions.Outcome;
import dev.mynah.actions.Plan;
import dev.mynah.actions.Risk;
import dev.mynah.actions.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.mynah.actions.catalog.CatalogFixtures.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SystemActionsTest {
    private static final String WIFI_DEVICE = """
            set wifiDevice to do shell script "networksetup -listallhardwareports | awk '/^Hardware Port: (Wi-Fi|AirPort)$/ { getline; print $2; exit }'"
            if wifiDevice is "" then error "this Mac has no Wi-Fi hardware"
            """;

    private final CatalogFixtures system = CatalogFixtures.of(SystemActions.actions());

    @Test
    void catalogueNamesAndRisks() {
        assertEquals(List.of("set_volume", "raise_volume", "lower_volume", "get_volume", "mute", "unmute",
                        "set_brightness", "set_dark_mode", "set_do_not_disturb", "lock_screen", "sleep_display",
                        "take_screenshot", "battery_status", "set_wifi", "wifi_status", "set_bluetooth", "disk_space",
                        "uptime", "local_ip_address", "empty_trash", "open_settings", "restart", "shut_down"),
                system.registry().actions().stream().map(Action::name).toList());
        for (String readOnly : List.of("get_volume", "battery_status", "wifi_status", "disk_space", "uptime",
                "local_ip_address")) {
            assertEquals(Risk.READ_ONLY, system.registry().find(readOnly).orElseThrow().risk(), readOnly);
        }
        for (String destructive : List.of("empty_trash", "restart", "shut_down")) {
            assertEquals(Risk.DESTRUCTIVE, system.registry().find(destructive).orElseThrow().risk(), destructive);
        }
        assertEquals(Risk.REVERSIBLE, system.registry().find("set_wifi").orElseThrow().risk());
    }

    @Test
    void setVolume() {
        assertEquals("set volume output volume 35", system.appleScript("set_volume", args("level", 35)));
        assertEquals(List.of(List.of("pactl", "set-sink-volume", "@DEFAULT_SINK@", "35%")),
                system.argv("set_volume", args("level", 35), Os.LINUX));
        Plan plan = system.plan("set_volume", args("level", 35), Os.LINUX);
        assertEquals("Volume set to 35 percent.", Action.fill(plan.action().reply(), plan.arguments(), ""));
    }

    @Test
    void setVolumeAboveOneHundredIsRefusedNamingTheRange() {
        InvalidArgumentsException e = assertThrows(InvalidArgumentsException.class,
                () -> system.plan("set_volume", args("level", 150), Os.LINUX));
        assertEquals("level must be between 0 and 100, got 150", e.getMessage());
    }

    @Test
    void setVolumeWithoutASoundServerFailsInPlainLanguage() {
        assumeFalse(commandSucceeds("pactl", "info"), "a sound server is running here");

        Outcome outcome = system.execute("set_volume", args("level", 40), Os.LINUX, false);

        assertEquals(Outcome.Status.FAILED, outcome.status());
        assertTrue(outcome.reply().startsWith("That didn't work: pactl failed (exit status 1): Connection failure"),
                outcome.reply());
        assertEquals(1, outcome.reply().lines().count(), "one sentence, no stack trace");
        assertFalse(outcome.reply().contains("Exception"), outcome.reply());
    }

    @Test
    void raiseAndLowerVolumeStayWithinZeroAndOneHundred() {
        assertEquals("""
                set newLevel to (output volume of (get volume settings)) + 10
                if newLevel > 100 then set newLevel to 100
                set volume output volume newLevel""", system.appleScript("raise_volume", args()));
        assertEquals("""
                set newLevel to (output volume of (get volume settings)) - 25
                if newLevel < 0 then set newLevel to 0
                set volume output volume newLevel""", system.appleScript("lower_volume", args("by", 25)));
        assertEquals("pactl set-sink-volume @DEFAULT_SINK@ +10% (kept within 0% and 100%)",
                system.inProcess("raise_volume", args(), Os.LINUX));
        assertEquals("pactl set-sink-volume @DEFAULT_SINK@ -25% (kept within 0% and 100%)",
                system.inProcess("lower_volume", args("by", 25), Os.LINUX));
    }

    @Test
    void getVolumeSaysTheLevelAndWhetherMuted() {
        assertEquals("""
                set volumeSettings to get volume settings
                set volumeText to "The volume is at " & (output volume of volumeSettings) & " percent"
                if output muted of volumeSettings is true then return volumeText & ", muted"
                return volumeText""", system.appleScript("get_volume", args()));
        assertEquals("read the output of: pactl get-sink-volume @DEFAULT_SINK@; pactl get-sink-mute @DEFAULT_SINK@",
                system.inProcess("get_volume", args(), Os.LINUX));
        assertEquals("The volume is at 65 percent, muted", SystemReadings.volume(
                "Volume: front-left: 42598 /  65% / -11.23 dB,   front-right: 42598 /  65% / -11.23 dB\n"
                        + "        balance 0.00\n", "Mute: yes\n"));
        assertEquals("The volume is at 100 percent", SystemReadings.volume(
                "Volume: mono: 65536 / 100% / 0.00 dB\n", "Mute: no\n"));
    }

    @Test
    void muteAndUnmute() {
        assertEquals("set volume with output muted", system.appleScript("mute", args()));
        assertEquals("set volume without output muted", system.appleScript("unmute", args()));
        assertEquals(List.of(List.of("pactl", "set-sink-mute", "@DEFAULT_SINK@", "1")),
                system.argv("mute", args(), Os.LINUX));
        assertEquals(List.of(List.of("pactl", "set-sink-mute", "@DEFAULT_SINK@", "0")),
                system.argv("unmute", args(), Os.LINUX));
    }

    @Test
    void brightnessOnMacPressesTheBrightnessKeys() {
        assertEquals("""
                tell application "System Events"
                    repeat 16 times
                        key code 145
                    end repeat
                    repeat 8 times
                        key code 144
                    end repeat
                end tell""", system.appleScript("set_brightness", args("level", 50)));
        assertTrue(system.appleScript("set_brightness", args("level", 100)).contains("repeat 16 times\n"
                + "        key code 144"));
        assertTrue(system.appleScript("set_brightness", args("level", 0)).contains("repeat 0 times\n"
                + "        key code 144"));
        assertEquals(List.of(List.of("brightnessctl", "set", "50%")),
                system.argv("set_brightness", args("level", 50), Os.LINUX));
    }

    @Test
    void darkMode() {
        assertEquals("""
                tell application "System Events" to tell appearance preferences
                    set dark mode to true
                    if dark mode then return "on"
                    return "off"
                end tell""", system.appleScript("set_dark_mode", args("mode", "on")));
        assertEquals("""
                tell application "System Events" to tell appearance preferences
                    set dark mode to not dark mode
                    if dark mode then return "on"
                    return "off"
                end tell""", system.appleScript("set_dark_mode", args("mode", "toggle")));
        assertEquals("gsettings set org.gnome.desktop.interface color-scheme prefer-dark",
                system.inProcess("set_dark_mode", args("mode", "on"), Os.LINUX));
        assertEquals("gsettings set org.gnome.desktop.interface color-scheme default",
                system.inProcess("set_dark_mode", args("mode", "off"), Os.LINUX));
    }

    @Test
    void darkModeOnLinuxRunsGsettingsAndSaysTheNewState() {
        assumeTrue(commandSucceeds("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"),
                "GNOME's interface schema is not installed here");

        Outcome outcome = system.execute("set_dark_mode", args("mode", "off"), Os.LINUX, false);

        assertEquals(Outcome.Status.DONE, outcome.status(), outcome.reply());
        assertEquals("Dark mode is now off.", outcome.reply());
    }

    @Test
    void doNotDisturbUsesAShortcutOnMacAndBannersOnGnome() {
        assertEquals("""
                tell application "Shortcuts Events"
                    if not (exists shortcut named "Turn On Do Not Disturb") then error "Mynah needs a shortcut for this: in the Shortcuts app, create one named “Turn On Do Not Disturb” with the action Set Focus (Do Not Disturb, Turn On), then ask again"
                    run the shortcut named "Turn On Do Not Disturb"
                end tell""", system.appleScript("set_do_not_disturb", args("mode", "on")));
        assertTrue(system.appleScript("set_do_not_disturb", args("mode", "off"))
                .contains("run the shortcut named \"Turn Off Do Not Disturb\""));
        assertEquals(List.of(List.of("gsettings", "set", "org.gnome.desktop.notifications", "show-banners", "false")),
                system.argv("set_do_not_disturb", args("mode", "on"), Os.LINUX));
        assertEquals(List.of(List.of("gsettings", "set", "org.gnome.desktop.notifications", "show-banners", "true")),
                system.argv("set_do_not_disturb", args("mode", "OFF"), Os.LINUX));
    }

    @Test
    void lockScreenAndSleepDisplay() {
        assertEquals("tell application \"System Events\" to keystroke \"q\" using {control down, command down}",
                system.appleScript("lock_screen", args()));
        assertEquals(List.of(List.of("loginctl", "lock-session")), system.argv("lock_screen", args(), Os.LINUX));
        assertEquals(List.of(List.of("pmset", "displaysleepnow")), system.argv("sleep_display", args(), Os.MACOS));
        assertEquals(List.of(List.of("xset", "dpms", "force", "off")), system.argv("sleep_display", args(), Os.LINUX));
    }

    @Test
    void screenshotOfTheScreenGoesToTheDesktopAndInteractiveOnesRunAlone() {
        String desktop = System.getProperty("user.home") + "/Desktop/";
        List<String> screen = system.argv("take_screenshot", args(), Os.MACOS).getFirst();
        assertEquals("screencapture", screen.get(0));
        assertTrue(screen.get(1).startsWith(desktop), screen.get(1));
        assertTrue(screen.get(1).substring(desktop.length())
                .matches("Screenshot \\d{4}-\\d{2}-\\d{2} at \\d{2}\\.\\d{2}\\.\\d{2}\\.png"), screen.get(1));
        assertEquals(2, screen.size());

        Plan window = system.plan("take_screenshot", args("area", "window"), Os.MACOS);
        assertEquals(List.of("screencapture", "-i", "-w"), window.steps().getFirst().argv().subList(0, 3));
        assertInstanceOf(Step.Spawn.class, window.steps().getFirst());
        Plan selection = system.plan("take_screenshot", args("area", "selection"), Os.MACOS);
        assertEquals(List.of("screencapture", "-i", "-s"), selection.steps().getFirst().argv().subList(0, 3));

        assertEquals(List.of(List.of("gnome-screenshot")), system.argv("take_screenshot", args(), Os.LINUX));
        assertEquals(List.of(List.of("gnome-screenshot", "--window")),
                system.argv("take_screenshot", args("area", "window"), Os.LINUX));
        Plan area = system.plan("take_screenshot", args("area", "selection"), Os.LINUX);
        assertEquals(List.of("gnome-screenshot", "--area"),
                assertInstanceOf(Step.Spawn.class, area.steps().getFirst()).argv());
    }

    @Test
    void batteryStatusSaysClearlyThatThisComputerHasNoBattery() throws IOException {
        assumeFalse(hasSystemBattery(), "this machine has a battery");
        assertEquals("read the battery in /sys/class/power_supply",
                system.inProcess("battery_status", args(), Os.LINUX));

        Outcome outcome = system.execute("battery_status", args(), Os.LINUX, false);

        assertEquals(Outcome.Status.DONE, outcome.status());
        assertEquals("This computer has no battery.", outcome.reply());
    }

    @Test
    void batteryOnLinuxReadsTheComputersBatteryNotAMouses(@TempDir Path sysfs) throws IOException {
        supply(sysfs.resolve("AC"), Map.of("type", "Mains", "online", "1"));
        supply(sysfs.resolve("BAT0"), Map.of("type", "Battery", "capacity", "85", "status", "Charging"));
        supply(sysfs.resolve("hidpp_battery_0"), Map.of("type", "Battery", "scope", "Device", "capacity", "5",
                "status", "Discharging"));
        assertEquals("The battery is at 85 percent and charging", SystemReadings.battery(sysfs));

        supply(sysfs.resolve("BAT0"), Map.of("type", "Battery", "capacity", "100", "status", "Full"));
        assertEquals("The battery is full", SystemReadings.battery(sysfs));
    }

    @Test
    void batteryOnMacReadsPmset() {
        assertEquals("read the output of: pmset -g batt", system.inProcess("battery_status", args(), Os.MACOS));
        assertEquals("The battery is at 64 percent, with about 3 hours and 12 minutes left", SystemReadings.macBattery(
                "Now drawing from 'Battery Power'\n -InternalBattery-0 (id=4653155)\t64%; discharging; 3:12"
                        + " remaining present: true\n"));
        assertEquals("The battery is at 80 percent, plugged in but not charging", SystemReadings.macBattery(
                "Now drawing from 'AC Power'\n -InternalBattery-0 (id=4653155)\t80%; AC attached; not charging"
                        + " present: true\n"));
        assertEquals("The battery is at 41 percent and charging", SystemReadings.macBattery(
                "Now drawing from 'AC Power'\n -InternalBattery-0 (id=4653155)\t41%; charging; (no estimate)"
                        + " present: true\n"));
        assertEquals("This computer has no battery", SystemReadings.macBattery("Now drawing from 'AC Power'\n"));
    }

    @Test
    void wifi() {
        assertEquals(WIFI_DEVICE + "do shell script \"networksetup -setairportpower \" & quoted form of wifiDevice"
                + " & \" on\"", system.appleScript("set_wifi", args("mode", "on")));
        assertEquals(List.of(List.of("nmcli", "radio", "wifi", "off")),
                system.argv("set_wifi", args("mode", "off"), Os.LINUX));
        assertEquals(WIFI_DEVICE + """
                if (do shell script "networksetup -getairportpower " & quoted form of wifiDevice) ends with "Off" then return "Wi-Fi is off"
                set wifiNetwork to do shell script "networksetup -getairportnetwork " & quoted form of wifiDevice
                if wifiNetwork starts with "Current Wi-Fi Network: " then return "Wi-Fi is connected to " & text 24 thru -1 of wifiNetwork
                return "Wi-Fi is on but not connected to any network"
                """, system.appleScript("wifi_status", args()));
        assertEquals("read the output of: nmcli -t -f ACTIVE,SSID dev wifi",
                system.inProcess("wifi_status", args(), Os.LINUX));
        assertEquals("Wi-Fi is connected to Home:Net", SystemReadings.wifiNetwork("no:Cafe\nyes:Home\\:Net\n"));
        assertEquals("Wi-Fi is not connected to any network", SystemReadings.wifiNetwork("no:Cafe\n"));
    }

    @Test
    void bluetooth() {
        assertEquals(List.of(List.of("blueutil", "--power", "1")),
                system.argv("set_bluetooth", args("mode", "on"), Os.MACOS));
        assertEquals(List.of(List.of("blueutil", "--power", "0")),
                system.argv("set_bluetooth", args("mode", "off"), Os.MACOS));
        assertEquals(List.of(List.of("bluetoothctl", "power", "on")),
                system.argv("set_bluetooth", args("mode", "on"), Os.LINUX));
    }

    @Test
    void diskSpaceMatchesDf() throws Exception {
        assertEquals("read the free space of the home folder's disk", system.inProcess("disk_space", args(), Os.MACOS));
        String home = System.getProperty("user.home");
        List<String> df = output("df", "-B1", "--output=avail,size", home).lines().toList();
        String[] columns = df.get(1).strip().split("\\s+");
        long available = Long.parseLong(columns[0]);
        long total = Long.parseLong(columns[1]);

        Outcome outcome = system.execute("disk_space", args(), Os.LINUX, false);

        assertEquals(Outcome.Status.DONE, outcome.status());
        Matcher m = Pattern.compile("You have ([\\d.]+) (\\w+) free out of ([\\d.]+) (\\w+)\\.").matcher(outcome.reply());
        assertTrue(m.matches(), outcome.reply());
        // Spoken sizes are rounded to the unit (and other programs write files meanwhile): within 2% of the disk.
        assertEquals(available, bytes(m.group(1), m.group(2)), total * 0.02, outcome.reply());
        assertEquals(total, bytes(m.group(3), m.group(4)), total * 0.02, outcome.reply());
    }

    @Test
    void uptimeMatchesProcUptime() throws Exception {
        assertEquals("read /proc/uptime", system.inProcess("uptime", args(), Os.LINUX));
        assertEquals("read the output of: sysctl -n kern.boottime", system.inProcess("uptime", args(), Os.MACOS));
        double seconds = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);

        Outcome outcome = system.execute("uptime", args(), Os.LINUX, false);

        assertEquals(Outcome.Status.DONE, outcome.status());
        String prefix = "This computer has been on for ";
        assertTrue(outcome.reply().startsWith(prefix), outcome.reply());
        String spoken = outcome.reply().substring(prefix.length(), outcome.reply().length() - 1);
        assertEquals(seconds / 60, minutes(spoken), 2, spoken);
    }

    @Test
    void uptimeOnMacReadsTheBootTime() {
        assertEquals("1 day, 2 hours and 3 minutes", SystemReadings.macUptime(
                "{ sec = 1763970000, usec = 512000 } Mon Nov 24 07:40:00 2025\n",
                Instant.ofEpochSecond(1763970000L + 93784)));
        assertEquals("less than a minute", SystemReadings.macUptime("{ sec = 100, usec = 0 }",
                Instant.ofEpochSecond(130)));
    }

    @Test
    void localIpAddressMatchesTheInterfacesIpReports() throws Exception {
        Outcome outcome = system.execute("local_ip_address", args(), Os.LINUX, false);

        String expected = firstPrivateIpv4FromIp();
        if (expected == null) {
            assertEquals(Outcome.Status.FAILED, outcome.status());
            assertEquals("That didn't work: this computer has no local network address; connect it to Wi-Fi or a"
                    + " network cable and ask again.", outcome.reply());
        } else {
            assertEquals(Outcome.Status.DONE, outcome.status(), outcome.reply());
            assertEquals("Your local IP address is " + expected + ".", outcome.reply());
        }
        assertEquals("read the network interfaces' addresses", system.inProcess("local_ip_address", args(), Os.MACOS));
    }

    @Test
    void emptyTrashAsksFirst() {
        assertEquals("tell application \"Finder\" to empty trash", system.appleScript("empty_trash", args()));
        assertEquals(List.of(List.of("gio", "trash", "--empty")), system.argv("empty_trash", args(), Os.LINUX));

        Outcome outcome = system.execute("empty_trash", args(), Os.LINUX, false);

        assertEquals(Outcome.Status.NEEDS_CONFIRMATION, outcome.status());
        assertEquals("Empty the Trash? This can't be undone.", outcome.reply());
    }

    @Test
    void openSettingsOpensThePane() {
        assertEquals(List.of(List.of("open", "x-apple.systempreferences:com.apple.Sound-Settings.extension")),
                system.argv("open_settings", args("pane", "sound"), Os.MACOS));
        assertEquals(List.of(List.of("open", "x-apple.systempreferences:com.apple.wifi-settings-extension")),
                system.argv("open_settings", args("pane", "wifi"), Os.MACOS));
        assertEquals(List.of(List.of("open", "x-apple.systempreferences:com.apple.Software-Update-Settings.extension")),
                system.argv("open_settings", args("pane", "software_update"), Os.MACOS));
        assertEquals(List.of(List.of("open", "x-apple.systempreferences:com.apple.settings.PrivacySecurity.extension")),
                system.argv("open_settings", args("pane", "privacy"), Os.MACOS));

        Plan sound = system.plan("open_settings", args("pane", "sound"), Os.LINUX);
        assertEquals(List.of("gnome-control-center", "sound"),
                assertInstanceOf(Step.Spawn.class, sound.steps().getFirst()).argv());
        assertEquals(List.of(List.of("gnome-control-center", "mouse")),
                system.argv("open_settings", args("pane", "trackpad"), Os.LINUX));
        assertEquals(List.of(List.of("gnome-control-center", "power")),
                system.argv("open_settings", args("pane", "battery"), Os.LINUX));
        assertEquals(List.of(List.of("gnome-software", "--mode=updates")),
                system.argv("open_settings", args("pane", "software_update"), Os.LINUX));
        assertEquals(List.of(List.of("baobab")), system.argv("open_settings", args("pane", "storage"), Os.LINUX));
    }

    @Test
    void everyCataloguedSettingsPaneOpensSomethingOnBothDesktops() {
        List<String> panes = List.of("general", "wifi", "bluetooth", "network", "sound", "display", "battery",
                "keyboard", "mouse", "trackpad", "notifications", "focus", "privacy", "accessibility", "appearance",
                "wallpaper", "users", "software_update", "storage", "printers");
        assertEquals(panes, system.registry().find("open_settings").orElseThrow().arguments().field("pane").values());
        for (String pane : panes) {
            assertTrue(system.argv("open_settings", args("pane", pane), Os.MACOS).getFirst().get(1)
                    .startsWith("x-apple.systempreferences:com.apple."), pane);
            assertFalse(system.argv("open_settings", args("pane", pane), Os.LINUX).getFirst().isEmpty(), pane);
        }
    }

    @Test
    void restartAndShutDownAskFirst() {
        assertEquals("tell application \"System Events\" to restart", system.appleScript("restart", args()));
        assertEquals("tell application \"System Events\" to shut down", system.appleScript("shut_down", args()));
        assertEquals(List.of(List.of("systemctl", "reboot")), system.argv("restart", args(), Os.LINUX));
        assertEquals(List.of(List.of("systemctl", "poweroff")), system.argv("shut_down", args(), Os.LINUX));

        Outcome restart = system.execute("restart", args(), Os.LINUX, false);
        assertEquals(Outcome.Status.NEEDS_CONFIRMATION, restart.status());
        assertEquals("Restart the computer now? Open apps will be asked to quit.", restart.reply());
        Outcome shutDown = system.execute("shut_down", args(), Os.LINUX, false);
        assertEquals(Outcome.Status.NEEDS_CONFIRMATION, shutDown.status());
        assertEquals("Shut down the computer now? Open apps will be asked to quit.", shutDown.reply());
    }

    /** Parses "3 days, 2 hours and 5 minutes" back into minutes. */
    private static double minutes(String spoken) {
        if (spoken.equals("less than a minute")) {
            return 0;
        }
        Matcher part = Pattern.compile("(\\d+) (day|hour|minute)s?").matcher(spoken);
        double minutes = 0;
        while (part.find()) {
            long n = Long.parseLong(part.group(1));
            minutes += switch (part.group(2)) {
                case "day" -> n * 24 * 60;
                case "hour" -> n * 60;
                default -> n;
            };
        }
        return minutes;
    }

    private static double bytes(String number, String unit) {
        List<String> units = List.of("bytes", "kilobytes", "megabytes", "gigabytes", "terabytes", "petabytes");
        assertTrue(units.contains(unit), unit);
        return Double.parseDouble(number) * Math.pow(1000, units.indexOf(unit));
    }

    /**
     * What `ip` reports: the first interface (in index order) whose link is up with a carrier and that is not
     * loopback, and its first address in 10/8, 172.16/12 or 192.168/16; null when there is none.
     */
    private static String firstPrivateIpv4FromIp() throws Exception {
        List<String> running = new ArrayList<>();
        for (String link : output("ip", "-o", "link").lines().toList()) {
            Matcher m = Pattern.compile("^\\d+: ([^:@]+)[^<]*<([^>]*)>").matcher(link);
            if (m.find() && List.of(m.group(2).split(",")).containsAll(List.of("UP", "LOWER_UP"))
                    && !List.of(m.group(2).split(",")).contains("LOOPBACK")) {
                running.add(m.group(1));
            }
        }
        for (String line : output("ip", "-4", "-o", "addr").lines().toList()) {
            Matcher m = Pattern.compile("^\\d+: (\\S+)\\s+inet (\\d+)\\.(\\d+)\\.(\\d+)\\.(\\d+)/").matcher(line);
            if (m.find() && running.contains(m.group(1))) {
                int a = Integer.parseInt(m.group(2));
                int b = Integer.parseInt(m.group(3));
                if (a == 10 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168)) {
                    return a + "." + b + "." + m.group(4) + "." + m.group(5);
                }
            }
        }
        return null;
    }

    private static boolean hasSystemBattery() throws IOException {
        Path supplies = Path.of("/sys/class/power_supply");
        if (!Files.isDirectory(supplies)) {
            return false;
        }
        try (var entries = Files.list(supplies)) {
            return entries.anyMatch(p -> {
                try {
                    return Files.readString(p.resolve("type")).strip().equals("Battery");
                } catch (IOException e) {
                    return false;
                }
            });
        }
    }

    private static void supply(Path folder, Map<String, String> files) throws IOException {
        Files.createDirectories(folder);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(folder.resolve(file.getKey()), file.getValue() + "\n");
        }
    }

    private static String output(String... argv) throws Exception {
        Finished finished = run(argv);
        assertEquals(0, finished.exitCode(), finished.output());
        return finished.output();
    }

    private static boolean commandSucceeds(String... argv) {
        try {
            return run(argv).exitCode() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private record Finished(int exitCode, String output) {
    }

    private static Finished run(String... argv) throws IOException {
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            assertTrue(process.waitFor(10, TimeUnit.SECONDS), String.join(" ", argv) + " finished");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return new Finished(process.exitValue(), text);
    }
}
