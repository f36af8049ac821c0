package dev.mynah.actions;

import java.util.Locale;

/** The desktop an action runs on. Each action has one implementation per desktop, or says it has none. */
public enum Os {
    MACOS("macos"),
    LINUX("linux");

    private final String id;

    Os(String id) {
        this.id = id;
    }

    /** The lower-case name used on the command line and in JSON. */
    public String id() {
        return id;
    }

    public static Os current() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac") ? MACOS : LINUX;
    }

    public static Os fromId(String id) {
        for (Os os : values()) {
            if (os.id.equalsIgnoreCase(id)) {
                return os;
            }
        }
        throw new IllegalArgumentException("unknown platform \"" + id + "\"; use macos or linux");
    }
}
