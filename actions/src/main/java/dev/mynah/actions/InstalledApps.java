package dev.mynah.actions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The applications installed on this computer (macOS: the {@code .app} bundles in the Applications folders;
 * Linux: the XDG {@code .desktop} entries) and a forgiving match from a spoken name to one of them.
 */
public final class InstalledApps {
    /** One application: the name people see, and what launches it (bundle path or desktop-file id). */
    public record App(String name, String launchId) {
    }

    private static final Set<String> VENDOR_WORDS = Set.of("google", "microsoft", "apple", "mozilla", "gnu",
            "adobe", "jetbrains", "the", "app");
    private static final double MIN_SIMILARITY = 0.8;
    /**
     * Other names people use for common apps: the names macOS shows in Chinese, and well-known nicknames. Each
     * counts only when the app it names is installed.
     */
    private static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("微信", "WeChat"),
            Map.entry("音乐", "Music"), Map.entry("备忘录", "Notes"), Map.entry("邮件", "Mail"),
            Map.entry("信息", "Messages"), Map.entry("日历", "Calendar"), Map.entry("终端", "Terminal"),
            Map.entry("访达", "Finder"), Map.entry("系统设置", "System Settings"), Map.entry("照片", "Photos"),
            Map.entry("预览", "Preview"), Map.entry("计算器", "Calculator"), Map.entry("提醒事项", "Reminders"),
            Map.entry("地图", "Maps"), Map.entry("通讯录", "Contacts"), Map.entry("谷歌浏览器", "Google Chrome"),
            Map.entry("火狐", "Firefox"), Map.entry("火狐浏览器", "Firefox"), Map.entry("活动监视器", "Activity Monitor"),
            Map.entry("文本编辑", "TextEdit"), Map.entry("vs code", "Visual Studio Code"),
            Map.entry("vscode", "Visual Studio Code"));

    private final List<App> apps;
    private final Map<String, App> byKey = new LinkedHashMap<>();

    private InstalledApps(List<App> apps) {
        this.apps = List.copyOf(apps);
        for (App app : apps) {
            byKey.putIfAbsent(normalize(app.name()), app);
        }
        // Short forms ("chrome" for "Google Chrome") only where they are unambiguous.
        Map<String, List<App>> shortForms = new LinkedHashMap<>();
        for (App app : apps) {
            for (String form : shortForms(app.name())) {
                shortForms.computeIfAbsent(form, k -> new ArrayList<>()).add(app);
            }
        }
        shortForms.forEach((form, owners) -> {
            if (owners.stream().map(App::name).distinct().count() == 1) {
                byKey.putIfAbsent(form, owners.getFirst());
            }
        });
        Map<String, App> byName = new LinkedHashMap<>();
        apps.forEach(app -> byName.putIfAbsent(normalize(app.name()), app));
        ALIASES.forEach((alias, name) -> {
            App app = byName.get(normalize(name));
            if (app != null) {
                byKey.putIfAbsent(normalize(alias), app);
            }
        });
    }

    public static InstalledApps of(List<App> apps) {
        return new InstalledApps(apps);
    }

    /** Scans this computer's applications for {@code os}. */
    public static InstalledApps scan(Os os) {
        Path home = Path.of(System.getProperty("user.home"));
        return switch (os) {
            case MACOS -> {
                List<App> apps = new ArrayList<>(macApps(List.of(Path.of("/Applications"),
                        Path.of("/Applications/Utilities"), Path.of("/System/Applications"),
                        Path.of("/System/Applications/Utilities"), home.resolve("Applications"))));
                apps.addAll(spotlightApps(new ProcessRunner()));
                yield of(withoutDuplicatePaths(apps));
            }
            case LINUX -> of(desktopEntries(xdgApplicationDirectories(System.getenv(), home)));
        };
    }

    public List<App> apps() {
        return apps;
    }

    /**
     * The installed app a spoken name means: exact or short-form match first, then the closest name by edit
     * distance when it is close enough and clearly closer than the runner-up. Empty when unsure.
     */
    public Optional<App> match(String spoken) {
        String key = normalize(spoken);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        App exact = byKey.get(key);
        if (exact != null) {
            return Optional.of(exact);
        }
        record Scored(App app, double similarity) {
        }
        List<Scored> ranked = byKey.entrySet().stream()
                .map(e -> new Scored(e.getValue(), similarity(key, e.getKey())))
                .sorted(Comparator.comparingDouble(Scored::similarity).reversed())
                .toList();
        if (ranked.isEmpty() || ranked.getFirst().similarity() < MIN_SIMILARITY) {
            return Optional.empty();
        }
        Scored best = ranked.getFirst();
        boolean clear = ranked.stream().skip(1).filter(s -> !s.app().equals(best.app())).findFirst()
                .map(s -> best.similarity() - s.similarity() >= 0.1).orElse(true);
        return clear ? Optional.of(best.app()) : Optional.empty();
    }

    static String normalize(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        plain = plain.toLowerCase(Locale.ROOT).replaceAll("\\.app$", "");
        return plain.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static List<String> shortForms(String name) {
        List<String> words = List.of(normalize(name).split(" "));
        List<String> forms = new ArrayList<>();
        List<String> withoutVendor = words.stream().filter(w -> !VENDOR_WORDS.contains(w)).toList();
        if (!withoutVendor.isEmpty() && withoutVendor.size() < words.size()) {
            forms.add(String.join(" ", withoutVendor));
        }
        if (words.size() > 1 && !VENDOR_WORDS.contains(words.getFirst()) && words.getFirst().length() >= 4) {
            forms.add(words.getFirst());
        }
        return forms;
    }

    /** 1 minus the normalised Levenshtein distance. */
    static double similarity(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        int longest = Math.max(a.length(), b.length());
        return longest == 0 ? 1 : 1 - (double) previous[b.length()] / longest;
    }

    /** The argv that asks Spotlight for every application bundle, wherever it is installed. */
    static final List<String> SPOTLIGHT_QUERY =
            List.of("mdfind", "kMDItemContentType == 'com.apple.application-bundle'");

    /** Apps outside the usual folders (Setapp, Homebrew casks, other volumes); none when Spotlight is off. */
    private static List<App> spotlightApps(ProcessRunner processes) {
        try {
            return fromSpotlight(processes.run(SPOTLIGHT_QUERY, null, java.time.Duration.ofSeconds(3)).stdout());
        } catch (ActionFailedException e) {
            return List.of();
        }
    }

    /** Reads mdfind's output, one bundle path per line; helper bundles inside other apps are left out. */
    static List<App> fromSpotlight(String output) {
        return output.lines().map(String::strip).filter(line -> line.endsWith(".app"))
                .filter(line -> line.indexOf(".app/") < 0)
                .map(line -> new App(Path.of(line).getFileName().toString().replaceAll("\\.app$", ""), line))
                .toList();
    }

    private static List<App> withoutDuplicatePaths(List<App> apps) {
        Map<String, App> byPath = new LinkedHashMap<>();
        apps.forEach(app -> byPath.putIfAbsent(app.launchId(), app));
        return List.copyOf(byPath.values());
    }

    private static List<App> macApps(List<Path> folders) {
        List<App> apps = new ArrayList<>();
        for (Path folder : folders) {
            try (Stream<Path> entries = Files.list(folder)) {
                entries.filter(p -> p.getFileName().toString().endsWith(".app"))
                        .sorted()
                        .forEach(p -> apps.add(new App(p.getFileName().toString().replaceAll("\\.app$", ""),
                                p.toString())));
            } catch (IOException e) {
                // A folder that does not exist has no apps in it.
            }
        }
        return apps;
    }

    static List<Path> xdgApplicationDirectories(Map<String, String> env, Path home) {
        List<Path> directories = new ArrayList<>();
        String dataHome = env.getOrDefault("XDG_DATA_HOME", "");
        directories.add((dataHome.startsWith("/") ? Path.of(dataHome) : home.resolve(".local/share"))
                .resolve("applications"));
        String dataDirs = env.getOrDefault("XDG_DATA_DIRS", "");
        for (String dir : (dataDirs.isBlank() ? "/usr/local/share:/usr/share" : dataDirs).split(":")) {
            if (dir.startsWith("/")) {
                directories.add(Path.of(dir, "applications"));
            }
        }
        return directories;
    }

    /** Reads the launchable applications from {@code .desktop} files; earlier directories win, as in XDG. */
    static List<App> desktopEntries(List<Path> directories) {
        Map<String, App> byId = new LinkedHashMap<>();
        for (Path directory : directories) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".desktop")).sorted().toList()) {
                    String id = file.getFileName().toString().replaceAll("\\.desktop$", "");
                    if (!byId.containsKey(id)) {
                        desktopEntryName(file).ifPresent(name -> byId.put(id, new App(name, id)));
                        byId.putIfAbsent(id, null);
                    }
                }
            } catch (IOException e) {
                // Missing XDG directories are normal.
            }
        }
        return byId.values().stream().filter(java.util.Objects::nonNull).toList();
    }

    private static Optional<String> desktopEntryName(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
        boolean inEntry = false;
        String name = null;
        boolean application = false;
        boolean hidden = false;
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.startsWith("[")) {
                inEntry = trimmed.equals("[Desktop Entry]");
                continue;
            }
            if (!inEntry) {
                continue;
            }
            if (trimmed.startsWith("Name=") && name == null) {
                name = trimmed.substring(5).strip();
            } else if (trimmed.equals("Type=Application")) {
                application = true;
            } else if (trimmed.equals("NoDisplay=true") || trimmed.equals("Hidden=true")) {
                hidden = true;
            }
        }
        return application && !hidden && name != null && !name.isEmpty() ? Optional.of(name) : Optional.empty();
    }
}
