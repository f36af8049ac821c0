package dev.mynah.supply;

import java.util.Locale;

/** The operating system and CPU pairs Mynah ships native engines for. */
public enum Platform {
    LINUX_X64("linux-x64"),
    MACOS_ARM64("macos-arm64");

    private final String id;

    Platform(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean isMac() {
        return this == MACOS_ARM64;
    }

    /** The platform this JVM runs on; throws with a plain explanation when Mynah has no engines for it. */
    public static Platform current() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
        if (os.startsWith("linux") && x64) {
            return LINUX_X64;
        }
        if (os.startsWith("mac") && arm64) {
            return MACOS_ARM64;
        }
        throw new UnsupportedPlatformException(
                "Mynah's native engines are built for macOS on Apple Silicon and Linux x86-64; this is "
                        + System.getProperty("os.name") + " on " + arch + ".");
    }

    /** Thrown when the host is neither macOS arm64 nor Linux x86-64. */
    public static final class UnsupportedPlatformException extends RuntimeException {
        public UnsupportedPlatformException(String message) {
            super(message);
        }
    }
}
