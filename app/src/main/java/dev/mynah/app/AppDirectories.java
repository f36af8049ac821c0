package dev.mynah.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Mynah keeps its files. {@code MYNAH_HOME} puts everything under one directory (tests and evaluations
 * use it to stay isolated); otherwise macOS uses {@code ~/Library/Application Support/Mynah} and Linux the
 * XDG base directories.
 */
public record AppDirectories(Path config, Path models, Path indexes, Path logs, Path audit) {

    public static AppDirectories forUser() {
        return resolve(System.getenv(), System.getProperty("user.home"), System.getProperty("os.name", ""));
    }

    static AppDirectories resolve(Map<String, String> env, String userHome, String osName) {
        String mynahHome = env.get("MYNAH_HOME");
        if (mynahHome != null && !mynahHome.isBlank()) {
            return under(Path.of(mynahHome));
        }
        Path home = Path.of(userHome);
        if (osName.toLowerCase(Locale.ROOT).startsWith("mac")) {
            Path support = home.resolve("Library/Application Support/Mynah");
            return new AppDirectories(support, support.resolve("models"), support.resolve("indexes"),
                    home.resolve("Library/Logs/Mynah"), support.resolve("audit"));
        }
        Path config = xdg(env, "XDG_CONFIG_HOME", home.resolve(".config")).resolve("mynah");
        Path data = xdg(env, "XDG_DATA_HOME", home.resolve(".local/share")).resolve("mynah");
        Path state = xdg(env, "XDG_STATE_HOME", home.resolve(".local/state")).resolve("mynah");
        return new AppDirectories(config, data.resolve("models"), data.resolve("indexes"), state.resolve("logs"),
                state.resolve("audit"));
    }

    private static AppDirectories under(Path root) {
        return new AppDirectories(root.resolve("config"), root.resolve("models"), root.resolve("indexes"),
                root.resolve("logs"), root.resolve("audit"));
    }

    private static Path xdg(Map<String, String> env, String variable, Path fallback) {
        String value = env.get(variable);
        // The XDG spec says relative paths are invalid and must be ignored.
        return value != null && value.startsWith("/") ? Path.of(value) : fallback;
    }
}
