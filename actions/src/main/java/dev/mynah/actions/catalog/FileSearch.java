package dev.mynah.actions.catalog;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/** Finds files by name in the home folder without leaving it, and says what it found in a sentence. */
final class FileSearch {
    static final int MAX_DEPTH = 12;
    /** A home folder with millions of files is searched only this far, so that an answer comes quickly. */
    static final int MAX_ENTRIES = 200_000;
    private static final int SPOKEN = 5;

    private FileSearch() {
    }

    /**
     * Files and folders under {@code home} whose name contains {@code query}, ignoring case. Hidden files and
     * folders are skipped, symbolic links are not followed, and at most {@link #MAX_ENTRIES} entries are read.
     */
    static List<Path> byName(Path home, String query) throws IOException {
        String needle = query.strip().toLowerCase(Locale.ROOT);
        List<Path> matches = new ArrayList<>();
        Files.walkFileTree(home, EnumSet.noneOf(java.nio.file.FileVisitOption.class), MAX_DEPTH,
                new SimpleFileVisitor<>() {
                    private int seen;

                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                        if (dir.equals(home)) {
                            return FileVisitResult.CONTINUE;
                        }
                        return hidden(dir) ? FileVisitResult.SKIP_SUBTREE : visit(dir);
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                        return hidden(file) ? FileVisitResult.CONTINUE : visit(file);
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException unreadable) {
                        return FileVisitResult.CONTINUE; // a folder we may not read is simply not searched
                    }

                    private FileVisitResult visit(Path entry) {
                        if (entry.getFileName().toString().toLowerCase(Locale.ROOT).contains(needle)) {
                            matches.add(entry);
                        }
                        return ++seen < MAX_ENTRIES ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
                    }
                });
        return matches;
    }

    /** The same paths, most recently modified first. */
    static List<Path> newestFirst(List<Path> paths) {
        return paths.stream().sorted(Comparator.comparing(FileSearch::modified).reversed()).toList();
    }

    /** "I found 2 files matching "tax": taxes.pdf in Documents and tax.txt in your home folder." */
    static String found(String query, List<Path> paths, Path home) {
        String what = "matching \"" + query.strip() + "\"";
        if (paths.isEmpty()) {
            return "I found no files " + what + " in your home folder.";
        }
        String count = paths.size() == 1 ? "1 file " : paths.size() + " files ";
        return paths.size() <= SPOKEN ? "I found " + count + what + ": " + spokenList(paths, home) + "."
                : "I found " + count + what + "; the newest are " + spokenList(paths, home) + ".";
    }

    /** "Your most recent files are a.txt in Documents and b.pdf in Downloads." */
    static String recent(List<Path> paths, Path home) {
        if (paths.isEmpty()) {
            return "I found no recently used files.";
        }
        return (paths.size() == 1 ? "Your most recent file is " : "Your most recent files are ")
                + spokenList(paths, home) + ".";
    }

    private static String spokenList(List<Path> paths, Path home) {
        List<String> names = paths.stream().limit(SPOKEN).map(p -> spoken(p, home)).toList();
        return names.size() == 1 ? names.getFirst()
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
    }

    private static String spoken(Path path, Path home) {
        Path parent = path.getParent();
        String where = parent == null || parent.equals(home) ? "your home folder"
                : parent.getFileName().toString();
        return path.getFileName() + " in " + where;
    }

    private static boolean hidden(Path entry) {
        return entry.getFileName().toString().startsWith(".");
    }

    private static FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException gone) {
            return FileTime.fromMillis(0); // deleted since it was found: it sorts last
        }
    }
}
