package dev.mynah.actions.catalog;

import dev.mynah.actions.ActionFailedException;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns what the computer reports (sysfs, /proc, the file system, network interfaces, and the terse output of
 * pmset, sysctl, pactl and nmcli) into short sentences the assistant can say.
 */
final class SystemReadings {
    private static final Pattern PMSET_BATTERY =
            Pattern.compile("(\\d+)%;\\s*([^;]+);\\s*(?:(\\d+):(\\d{2}) remaining)?");
    private static final Pattern BOOT_SECONDS = Pattern.compile("sec = (\\d+)");
    private static final Pattern PERCENT = Pattern.compile("(\\d+)%");

    private SystemReadings() {
    }

    /** Linux: the first system battery under {@code powerSupply} ({@code /sys/class/power_supply}). */
    static String battery(Path powerSupply) throws IOException {
        List<Path> supplies;
        try (Stream<Path> entries = Files.list(powerSupply)) {
            supplies = entries.sorted().toList();
        } catch (NoSuchFileException e) {
            supplies = List.of();
        }
        for (Path supply : supplies) {
            // Mice and headphones report batteries too, with scope "Device"; only the computer's own counts.
            if (read(supply, "type").equals("Battery") && !read(supply, "scope").equals("Device")
                    && !read(supply, "capacity").isEmpty()) {
                return batterySentence(Integer.parseInt(read(supply, "capacity")),
                        read(supply, "status").toLowerCase(Locale.ROOT), null);
            }
        }
        return "This computer has no battery";
    }

    /** macOS: {@code pmset -g batt}, e.g. {@code -InternalBattery-0 (id=1) 85%; discharging; 3:12 remaining}. */
    static String macBattery(String pmset) {
        Matcher m = PMSET_BATTERY.matcher(pmset);
        if (!pmset.contains("InternalBattery") || !m.find()) {
            return "This computer has no battery";
        }
        Duration left = m.group(3) == null ? null
                : Duration.ofHours(Long.parseLong(m.group(3))).plusMinutes(Long.parseLong(m.group(4)));
        return batterySentence(Integer.parseInt(m.group(1)), m.group(2).strip().toLowerCase(Locale.ROOT), left);
    }

    private static String batterySentence(int percent, String status, Duration left) {
        return switch (status) {
            case "charging", "finishing charge" -> "The battery is at " + percent + " percent and charging";
            case "full", "charged" -> "The battery is full";
            case "not charging", "ac attached" -> "The battery is at " + percent
                    + " percent, plugged in but not charging";
            default -> "The battery is at " + percent + " percent"
                    + (left == null || left.isZero() ? "" : ", with about " + spoken(left) + " left");
        };
    }

    /** Linux: {@code /proc/uptime}, whose first number is the seconds since boot. */
    static String uptime(Path procUptime) throws IOException {
        String seconds = Files.readString(procUptime).strip().split("\\s+")[0];
        return spoken(Duration.ofMillis((long) (Double.parseDouble(seconds) * 1000)));
    }

    /** macOS: {@code sysctl -n kern.boottime}, e.g. <code>{ sec = 1732460000, usec = 0 } Tue Nov 24 …</code>. */
    static String macUptime(String boottime, Instant now) {
        Matcher m = BOOT_SECONDS.matcher(boottime);
        if (!m.find()) {
            throw new IllegalStateException("could not read the boot time from \"" + boottime.strip() + "\"");
        }
        return spoken(Duration.between(Instant.ofEpochSecond(Long.parseLong(m.group(1))), now));
    }

    /** "3 days, 2 hours and 5 minutes"; whole minutes, since nobody wants the seconds read out. */
    static String spoken(Duration duration) {
        List<String> parts = new ArrayList<>();
        addPart(parts, duration.toDays(), "day");
        addPart(parts, duration.toHoursPart(), "hour");
        addPart(parts, duration.toMinutesPart(), "minute");
        if (parts.isEmpty()) {
            return "less than a minute";
        }
        String last = parts.removeLast();
        return parts.isEmpty() ? last : String.join(", ", parts) + " and " + last;
    }

    private static void addPart(List<String> parts, long count, String unit) {
        if (count > 0) {
            parts.add(count + " " + unit + (count == 1 ? "" : "s"));
        }
    }

    /** Free and total space of the volume holding {@code folder} (the home folder). */
    static String diskSpace(Path folder) throws IOException {
        FileStore store = Files.getFileStore(folder);
        return size(store.getUsableSpace()) + " free out of " + size(store.getTotalSpace());
    }

    /** Decimal units, as Finder and disk makers count them. */
    static String size(long bytes) {
        String[] units = {"bytes", "kilobytes", "megabytes", "gigabytes", "terabytes", "petabytes"};
        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        String number = value < 10 && unit > 0 ? String.format(Locale.ROOT, "%.1f", value).replace(".0", "")
                : Long.toString(Math.round(value));
        return number + " " + units[unit];
    }

    /**
     * The first IPv4 address in a private range on an interface that is up and not loopback, read from the
     * interfaces themselves: no DNS lookup and no packet leaves the computer.
     */
    static String localIpv4Address() throws SocketException, ActionFailedException {
        List<NetworkInterface> interfaces = Collections.list(NetworkInterface.getNetworkInterfaces());
        interfaces.sort(Comparator.comparingInt(NetworkInterface::getIndex));
        for (NetworkInterface network : interfaces) {
            if (!network.isUp() || network.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(network.getInetAddresses())) {
                if (address instanceof Inet4Address && address.isSiteLocalAddress()) {
                    return address.getHostAddress();
                }
            }
        }
        throw new ActionFailedException("this computer has no local network address; connect it to Wi-Fi or a"
                + " network cable and ask again");
    }

    /** {@code nmcli -t -f ACTIVE,SSID dev wifi}: one {@code yes:Name} line for the network in use. */
    static String wifiNetwork(String nmcli) {
        for (String line : nmcli.lines().toList()) {
            if (line.startsWith("yes:")) {
                // nmcli's terse mode escapes colons and backslashes in the SSID.
                String ssid = line.substring(4).replace("\\:", ":").replace("\\\\", "\\");
                return ssid.isEmpty() ? "Wi-Fi is connected to a hidden network" : "Wi-Fi is connected to " + ssid;
            }
        }
        return "Wi-Fi is not connected to any network";
    }

    /** {@code pactl get-sink-volume} and {@code pactl get-sink-mute} of the default output. */
    static String volume(String pactlVolume, String pactlMute) {
        boolean muted = pactlMute.toLowerCase(Locale.ROOT).contains("yes");
        return "The volume is at " + volumePercent(pactlVolume) + " percent" + (muted ? ", muted" : "");
    }

    /** The first channel's level in {@code pactl get-sink-volume} output. */
    static int volumePercent(String pactlVolume) {
        Matcher m = PERCENT.matcher(pactlVolume);
        if (!m.find()) {
            throw new IllegalStateException("pactl did not report a volume: \"" + pactlVolume.strip() + "\"");
        }
        return Integer.parseInt(m.group(1));
    }

    private static String read(Path folder, String file) throws IOException {
        Path path = folder.resolve(file);
        return Files.isReadable(path) ? Files.readString(path).strip() : "";
    }
}
