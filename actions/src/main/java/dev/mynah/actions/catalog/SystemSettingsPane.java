package dev.mynah.actions.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The settings pages open_settings can show: each one's System Settings extension on macOS (Ventura and later,
 * opened through an {@code x-apple.systempreferences:} URL) and the GNOME program that shows the same on Linux.
 */
enum SystemSettingsPane {
    GENERAL("com.apple.systempreferences.GeneralSettings", "gnome-control-center", "system"),
    WIFI("com.apple.wifi-settings-extension", "gnome-control-center", "wifi"),
    BLUETOOTH("com.apple.BluetoothSettings", "gnome-control-center", "bluetooth"),
    NETWORK("com.apple.Network-Settings.extension", "gnome-control-center", "network"),
    SOUND("com.apple.Sound-Settings.extension", "gnome-control-center", "sound"),
    DISPLAY("com.apple.Displays-Settings.extension", "gnome-control-center", "display"),
    BATTERY("com.apple.Battery-Settings.extension", "gnome-control-center", "power"),
    KEYBOARD("com.apple.Keyboard-Settings.extension", "gnome-control-center", "keyboard"),
    MOUSE("com.apple.Mouse-Settings.extension", "gnome-control-center", "mouse"),
    TRACKPAD("com.apple.Trackpad-Settings.extension", "gnome-control-center", "mouse"),
    NOTIFICATIONS("com.apple.Notifications-Settings.extension", "gnome-control-center", "notifications"),
    // GNOME keeps Do Not Disturb, its only focus mode, on the notifications page.
    FOCUS("com.apple.Focus-Settings.extension", "gnome-control-center", "notifications"),
    PRIVACY("com.apple.settings.PrivacySecurity.extension", "gnome-control-center", "privacy"),
    ACCESSIBILITY("com.apple.Accessibility-Settings.extension", "gnome-control-center", "universal-access"),
    APPEARANCE("com.apple.Appearance-Settings.extension", "gnome-control-center", "background"),
    WALLPAPER("com.apple.Wallpaper-Settings.extension", "gnome-control-center", "background"),
    USERS("com.apple.Users-Groups-Settings.extension", "gnome-control-center", "users"),
    SOFTWARE_UPDATE("com.apple.Software-Update-Settings.extension", "gnome-software", "--mode=updates"),
    // GNOME Settings has no storage page; Disk Usage Analyzer shows what the macOS page shows.
    STORAGE("com.apple.settings.Storage", "baobab"),
    PRINTERS("com.apple.Print-Scan-Settings.extension", "gnome-control-center", "printers");

    private final String macExtension;
    private final List<String> linuxArgv;

    SystemSettingsPane(String macExtension, String... linuxArgv) {
        this.macExtension = macExtension;
        this.linuxArgv = List.of(linuxArgv);
    }

    /** The argument value the model uses, e.g. {@code software_update}. */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    String macUrl() {
        return "x-apple.systempreferences:" + macExtension;
    }

    List<String> linuxArgv() {
        return linuxArgv;
    }

    static String[] ids() {
        return Arrays.stream(values()).map(SystemSettingsPane::id).toArray(String[]::new);
    }

    static SystemSettingsPane of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
