package dev.mynah.rag.ingest;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The regular files under some folders, as ingestion sees them: hidden files and folders are left out, symbolic
 * links are never followed (so a link loop cannot trap the walk), pipes and devices are never opened, and anything
 * unreadable is reported as skipped and remembered, so that what the index already holds for it is kept.
 */
final class FolderWalk {
    /** A file's size and modification time, which say whether it may have changed since it was indexed. */
    record FileState(long size, long modifiedNanos) {
    }

    private final Map<Path, FileState> files = new TreeMap<>();
    private final Set<Path> unreachable = new HashSet<>();
    private final IngestListener listener;
    private final Path excluded;

    private FolderWalk(IngestListener listener, Path excluded) {
        this.listener = listener;
        this.excluded = excluded;
    }

    /**
     * Walks each of {@code scopes} (a folder or a single file; one that does not exist gives nothing), never
     * entering {@code excluded}: the index's own folder, which may sit inside a folder the user added.
     */
    static FolderWalk of(Collection<Path> scopes, IngestListener listener, Path excluded) throws IOException {
        FolderWalk walk = new FolderWalk(listener, excluded);
        for (Path scope : scopes) {
            Files.walkFileTree(scope, walk.new Visitor(scope));
        }
        return walk;
    }

    Map<Path, FileState> files() {
        return files;
    }

    /** True when {@code path} is, or is under, something this walk could not look into. */
    boolean couldNotSee(Path path) {
        return unreachable.stream().anyMatch(path::startsWith);
    }

    static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private void skip(Path path, String reason, boolean keepIndexed) {
        if (keepIndexed) {
            unreachable.add(path);
        }
        listener.on(new IngestEvent.Skipped(path, reason));
    }

    static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private final class Visitor extends SimpleFileVisitor<Path> {
        private final Path scope;

        Visitor(Path scope) {
            this.scope = scope;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
            boolean hidden = !dir.equals(scope) && isHidden(dir);
            return hidden || dir.startsWith(excluded) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            if (isHidden(file) && !file.equals(scope)) {
                return FileVisitResult.CONTINUE;
            }
            if (attributes.isSymbolicLink()) {
                skip(file, "skipped: a symbolic link (links are not followed; add the folder it points to instead)",
                        false);
            } else if (!attributes.isRegularFile()) {
                skip(file, "skipped: not a regular file (a pipe, socket or device)", false);
            } else if (!Files.isReadable(file)) {
                skip(file, "skipped: cannot read it (permission denied)", true);
            } else {
                files.put(file, new FileState(attributes.size(),
                        attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS)));
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (!(e instanceof NoSuchFileException)) {
                skip(file, "skipped: cannot open it (" + describe(e) + ")", true);
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
            if (e != null) {
                skip(dir, "skipped: could not list the whole folder (" + describe(e) + ")", true);
            }
            return FileVisitResult.CONTINUE;
        }
    }
}
