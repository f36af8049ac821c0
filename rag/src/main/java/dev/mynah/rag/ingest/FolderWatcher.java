package dev.mynah.rag.ingest;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the index up to date while Mynah runs: a reconcile scan on start catches what changed while it was off, then
 * a {@link WatchService} on every folder under the indexed ones reports changes, which are gathered until the
 * folders have been quiet for the debounce time (an editor's save is several events) and handed to the
 * {@link Ingester}. When the service overflows and events were lost, a full reconcile scan makes up for them.
 */
public final class FolderWatcher implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(FolderWatcher.class.getName());
    /** A folder that never stays quiet (a log being written) is still synced at least this many debounces apart. */
    private static final int MAX_DEBOUNCES_PER_SYNC = 10;

    private final Ingester ingester;
    private final Duration debounce;
    private final WatchService service;
    private final Map<WatchKey, Path> folders = new ConcurrentHashMap<>();
    private final Thread thread;

    private FolderWatcher(Ingester ingester, Duration debounce) throws IOException {
        this.ingester = ingester;
        this.debounce = debounce;
        this.service = FileSystems.getDefault().newWatchService();
        this.thread = Thread.ofPlatform().daemon().name("mynah-folder-watcher").unstarted(this::run);
    }

    /**
     * Watches the ingester's folders from now on (changes made once this returns are seen) and starts the reconcile
     * scan, then syncs each burst of changes once {@code debounce} passes without another.
     */
    public static FolderWatcher start(Ingester ingester, Duration debounce) throws IOException {
        if (debounce.isNegative() || debounce.isZero()) {
            throw new IllegalArgumentException("the debounce time must be positive, not " + debounce);
        }
        FolderWatcher watcher = new FolderWatcher(ingester, debounce);
        for (Path root : ingester.roots()) {
            watcher.watch(root);
        }
        watcher.thread.start();
        return watcher;
    }

    /**
     * Also watches {@code folder} and every folder under it (for a folder added to the index while running); a
     * folder that cannot be watched is reported as failed and left to the reconcile scan of the next start.
     */
    public void watch(Path folder) {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                    if (!dir.equals(folder) && FolderWalk.isHidden(dir) || dir.startsWith(ingester.indexLocation())) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    folders.put(dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY), dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // Typically the system's limit on watches (inotify's max_user_watches on Linux).
            ingester.report(new IngestEvent.Failed(folder, "cannot watch this folder for changes: "
                    + FolderWalk.describe(e)));
        }
    }

    private void run() {
        try {
            sync(Set.of(), true);
            while (true) {
                WatchKey key = service.take();
                Set<Path> changed = new LinkedHashSet<>();
                boolean overflow = false;
                for (int waits = 0; key != null && waits < MAX_DEBOUNCES_PER_SYNC; waits++) {
                    overflow |= drain(key, changed);
                    key = service.poll(debounce.toNanos(), TimeUnit.NANOSECONDS);
                }
                if (key != null) {
                    overflow |= drain(key, changed);
                }
                sync(changed, overflow);
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // Closed: the watcher's work is over.
        }
    }

    /** Collects the paths a key's events name; true if events were lost. */
    private boolean drain(WatchKey key, Set<Path> changed) {
        boolean overflow = false;
        Path folder = folders.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW || folder == null) {
                overflow = true;
                continue;
            }
            Path path = folder.resolve((Path) event.context());
            changed.add(path);
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE
                    && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                // Files created in it before this registration are found when the sync walks the new folder.
                watch(path);
            }
        }
        if (!key.reset()) {
            folders.remove(key);
        }
        return overflow;
    }

    private void sync(Set<Path> changed, boolean everything) {
        try {
            if (everything) {
                ingester.reconcile();
            } else {
                ingester.update(changed);
            }
        } catch (IOException | RuntimeException e) {
            // The index itself failed (disk full, closed); keep watching so the next change tries again.
            LOG.log(Level.ERROR, "could not update the document index", e);
        }
    }

    @Override
    public void close() throws IOException {
        service.close();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
