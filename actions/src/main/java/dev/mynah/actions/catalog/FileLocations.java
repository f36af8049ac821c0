package dev.mynah.actions.catalog;

import dev.mynah.actions.ActionFailedException;
import dev.mynah.actions.Os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Where a path or folder the user named is: "~" expanded, relative to home, or a well-known folder. */
final class FileLocations {
    /** The folders people name, with the XDG key Linux keeps them under and their names on macOS and Linux. */
    private record KnownFolder(String xdgKey, String macos, String linux) {
    }

    private static final Map<String, KnownFolder> KNOWN = Map.ofEntries(
            Map.entry("desktop", new KnownFolder("XDG_DESKTOP_DIR", "Desktop", "Desktop")),
            Map.entry("documents", new KnownFolder("XDG_DOCUMENTS_DIR", "Documents", "Documents")),
            Map.entry("downloads", new KnownFolder("XDG_DOWNLOAD_DIR", "Downloads", "Downloads")),
            Map.entry("pictures", new KnownFolder("XDG_PICTURES_DIR", "Pictures", "Pictures")),
            Map.entry("photos", new KnownFolder("XDG_PICTURES_DIR", "Pictures", "Pictures")),
            Map.entry("music", new KnownFolder("XDG_MUSIC_DIR", "Music", "Music")),
            Map.entry("movies", new KnownFolder("XDG_VIDEOS_DIR", "Movies", "Videos")),
            Map.entry("videos", new KnownFolder("XDG_VIDEOS_DIR", "Movies", "Videos")));
    /** Opening one of these starts a program, which only the user should decide to do. */
    private static final Set<String> PROGRAM_TYPES = Set.of("app", "command", "tool", "terminal", "workflow",
            "action", "pkg", "mpkg", "desktop", "appimage", "run", "sh", "bash", "zsh", "jar", "exe", "msi", "bat");

    private FileLocations() {
    }

    /** "~/x" and "~" under {@code home}, a relative path under {@code home}, an absolute path as it is. */
    static Path expand(Path home, String said) {
        String path = unquoted(said.strip());
        if (path.equals("~")) {
            return home;
        }
        if (path.startsWith("~/")) {
            return home.resolve(path.substring(2)).normalize();
        }
        return home.resolve(path).normalize();
    }

    /** A well-known folder by name ("downloads", "my documents", "the desktop folder") or a path. */
    static Path folder(Path home, String said, Os os) {
        String name = said.strip().toLowerCase(Locale.ROOT).replaceAll("^(the |my )", "")
                .replaceAll(" folder$", "");
        if (name.equals("home")) {
            return home;
        }
        KnownFolder known = KNOWN.getOrDefault(name, KNOWN.get(name + "s"));
        if (known == null) {
            return expand(home, said);
        }
        return os == Os.MACOS ? home.resolve(known.macos()) : xdgFolder(home, known);
    }

    static void requireExisting(Path path) throws ActionFailedException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new ActionFailedException("there is no file or folder at " + path
                    + "; say its full path, or ask me to find it by name");
        }
    }

    static void requireFolder(Path path) throws ActionFailedException {
        requireExisting(path);
        if (!Files.isDirectory(path)) {
            throw new ActionFailedException(path + " is a file, not a folder; ask me to open the file instead");
        }
    }

    /** An existing document, not a program: an app or script would run, and only the user should start one. */
    static void requireDocument(Path path) throws ActionFailedException {
        requireExisting(path);
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        String type = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (name.contains(".") && PROGRAM_TYPES.contains(type)) {
            throw new ActionFailedException(name + " is a program, and I only open documents; open it yourself"
                    + " if you trust it");
        }
    }

    /** The folder in ~/.config/user-dirs.dirs (as xdg-user-dirs writes it), else its usual English name. */
    private static Path xdgFolder(Path home, KnownFolder known) {
        Path config = home.resolve(".config/user-dirs.dirs");
        try {
            List<String> lines = Files.isRegularFile(config) ? Files.readAllLines(config) : List.of();
            for (String line : lines) {
                if (line.startsWith(known.xdgKey() + "=")) {
                    String value = unquoted(line.substring(known.xdgKey().length() + 1).strip());
                    return value.startsWith("$HOME") ? home.resolve(value.substring(5).replaceFirst("^/", ""))
                            : Path.of(value);
                }
            }
        } catch (IOException unreadable) {
            // The usual name is the best guess left; opening it says clearly if it does not exist.
        }
        return home.resolve(known.linux());
    }

    private static String unquoted(String text) {
        boolean quoted = text.length() >= 2 && (text.startsWith("\"") && text.endsWith("\"")
                || text.startsWith("'") && text.endsWith("'"));
        return quoted ? text.substring(1, text.length() - 1) : text;
    }
}
