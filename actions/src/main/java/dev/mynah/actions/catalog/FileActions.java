package dev.mynah.actions.catalog;

import dev.mynah.actions.Action;
import dev.mynah.actions.ActionFailedException;
import dev.mynah.actions.ArgumentSchema;
import dev.mynah.actions.Os;
import dev.mynah.actions.ProcessRunner;
import dev.mynah.actions.Risk;
import dev.mynah.actions.Step;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** Finding, opening and showing the user's files; searches never look outside the home folder. */
final class FileActions {
    /** Spotlight's own query language: files used in the last seven days. No user text goes into it. */
    static final String RECENTLY_USED = "kMDItemLastUsedDate >= $time.today(-7)";
    private static final Duration SPOTLIGHT_TIMEOUT = Duration.ofSeconds(20);

    private FileActions() {
    }

    static List<Action> actions() {
        return actions(Path.of(System.getProperty("user.home")));
    }

    /** The actions for a user whose home folder is {@code home}. */
    static List<Action> actions(Path home) {
        String homePath = home.toString();
        return List.of(
                Action.named("find_files")
                        .description("Search the user's home folder for files whose name contains some text.")
                        .arguments(ArgumentSchema.builder()
                                .text("query", "Part of the file name to look for", true)
                                .build())
                        // -name takes the text as a plain part of a file name: it is never spliced into a
                        // Spotlight query, where quotes or operators in it would change what is searched.
                        .macos(a -> spotlight(List.of("mdfind", "-onlyin", homePath, "-name", a.text("query")),
                                paths -> FileSearch.found(a.text("query"), paths, home)))
                        .linux(a -> Step.inProcess("search " + home + " for names containing " + a.text("query"),
                                () -> FileSearch.found(a.text("query"),
                                        FileSearch.newestFirst(FileSearch.byName(home, a.text("query"))), home)))
                        .reply("{result}")
                        .build(),
                Action.named("open_file")
                        .description("Open a file in its default app; a path relative to the home folder or"
                                + " starting with ~ works.")
                        .arguments(ArgumentSchema.builder()
                                .text("path", "Path of the file, e.g. ~/Documents/report.pdf", true, 1000)
                                .build())
                        .risk(Risk.REVERSIBLE)
                        .on(Os.MACOS, a -> opening(FileLocations.expand(home, a.text("path")),
                                FileLocations::requireDocument, path -> Step.run("open", path.toString())))
                        .on(Os.LINUX, a -> opening(FileLocations.expand(home, a.text("path")),
                                FileLocations::requireDocument, path -> Step.spawn("xdg-open", path.toString())))
                        .reply("I opened {path}.")
                        .build(),
                Action.named("open_folder")
                        .description("Open a folder in the file manager: home, desktop, documents, downloads,"
                                + " pictures, music, movies/videos, or a path.")
                        .arguments(ArgumentSchema.builder()
                                .text("folder", "Folder name (e.g. downloads) or path (e.g. ~/Projects)", true, 1000)
                                .build())
                        .risk(Risk.REVERSIBLE)
                        .on(Os.MACOS, a -> opening(FileLocations.folder(home, a.text("folder"), Os.MACOS),
                                FileLocations::requireFolder, path -> Step.run("open", path.toString())))
                        .on(Os.LINUX, a -> opening(FileLocations.folder(home, a.text("folder"), Os.LINUX),
                                FileLocations::requireFolder, path -> Step.spawn("xdg-open", path.toString())))
                        .reply("I opened {folder}.")
                        .build(),
                Action.named("reveal_file")
                        .description("Show where a file is: open its folder with the file selected.")
                        .arguments(ArgumentSchema.builder()
                                .text("path", "Path of the file, e.g. ~/Downloads/photo.jpg", true, 1000)
                                .build())
                        .risk(Risk.REVERSIBLE)
                        .on(Os.MACOS, a -> opening(FileLocations.expand(home, a.text("path")),
                                FileLocations::requireExisting, path -> Step.run("open", "-R", path.toString())))
                        // File managers differ in how to select a file; every one can open the folder it is in.
                        .on(Os.LINUX, a -> opening(FileLocations.expand(home, a.text("path")),
                                FileLocations::requireExisting,
                                path -> Step.spawn("xdg-open", parentOf(path).toString())))
                        .reply("I showed {path} in its folder.")
                        .build(),
                Action.named("recent_files")
                        .description("Say which files the user used most recently.")
                        .macos(a -> spotlight(List.of("mdfind", "-onlyin", homePath, RECENTLY_USED),
                                paths -> FileSearch.recent(paths, home)))
                        .linux(a -> Step.inProcess("read " + recentlyUsed(home), () -> FileSearch.recent(
                                FileRecents.read(recentlyUsed(home)), home)))
                        .reply("{result}")
                        .build());
    }

    /** What must hold of a path before it is opened. */
    @FunctionalInterface
    private interface Requirement {
        void check(Path path) throws ActionFailedException;
    }

    /** Checks {@code path} when the action runs, then opens it; a missing file gets a sentence, not an error code. */
    private static List<Step> opening(Path path, Requirement requirement, Function<Path, Step> open) {
        Callable<String> check = () -> {
            requirement.check(path);
            return null;
        };
        return List.of(Step.inProcess("check " + path, check), open.apply(path));
    }

    /**
     * Runs mdfind and says the newest results. It runs inside a step of its own because the spoken answer needs
     * the paths sorted and counted, which a reply template cannot do with a program's raw output.
     */
    private static Step spotlight(List<String> argv, Function<List<Path>, String> speak) {
        return Step.inProcessWith("run " + argv + " and say the newest results", processes -> {
            String output = processes.run(argv, null, SPOTLIGHT_TIMEOUT).stdout();
            List<Path> paths = output.lines().filter(line -> !line.isBlank()).map(Path::of).toList();
            return speak.apply(FileSearch.newestFirst(paths));
        });
    }

    private static Path recentlyUsed(Path home) {
        return home.resolve(".local/share/recently-used.xbel");
    }

    private static Path parentOf(Path path) {
        return path.getParent() == null ? path : path.getParent();
    }
}
