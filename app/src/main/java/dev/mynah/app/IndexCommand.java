package dev.mynah.app;

import dev.mynah.rag.index.ChunkIndex;
import dev.mynah.rag.index.EmbedderChange;
import dev.mynah.rag.index.FileRecord;
import dev.mynah.rag.ingest.IngestListener;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code mynah index}: the folders of documents Mynah searches and answers from. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Manage the folders of documents that `mynah search` and `mynah ask` look in.",
        subcommands = {IndexCommand.AddCommand.class, IndexCommand.RemoveCommand.class,
                IndexCommand.UpdateCommand.class, IndexCommand.StatusCommand.class})
final class IndexCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code mynah index add DIR…}: index folders, or bring them up to date when they are indexed already. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add folders to the index and read their documents (text, Markdown, HTML, PDF, DOCX, "
                    + "RTF). Adding a folder again reads only what changed since.")
    static final class AddCommand implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "DIR", description = "Folders to index.")
        List<Path> folders;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            // Every folder is checked before the index is touched, so a typo changes nothing.
            for (Path folder : folders) {
                if (!Files.exists(folder)) {
                    throw new IllegalArgumentException("there is no folder " + folder + "; nothing was added");
                }
                if (!Files.isDirectory(folder)) {
                    throw new IllegalArgumentException(folder + " is a file, not a folder; add the folder that "
                            + "holds it (nothing was added)");
                }
            }
            AppDirectories dirs = AppDirectories.forUser();
            Opening opening = listener -> DocumentLibrary.open(dirs, EmbedderChange.REFUSE, listener);
            return ingest(spec.commandLine(), opening, library -> {
                for (Path folder : folders) {
                    library.ingester().addRoot(folder);
                }
            });
        }
    }

    /** {@code mynah index update}: the reconcile scan, for changes made while nothing was watching. */
    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "Bring every indexed folder up to date: read new and changed files, drop deleted ones. "
                    + "If the index was built with another embedding model, every file is embedded again.")
    static final class UpdateCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            AppDirectories dirs = AppDirectories.forUser();
            return ingest(spec.commandLine(),
                    listener -> DocumentLibrary.openExisting(dirs, EmbedderChange.REEMBED, listener),
                    library -> library.ingester().reconcile());
        }
    }

    /** {@code mynah index remove DIR}: forget a folder and its documents. */
    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a folder and its documents from the index (the files themselves are untouched).")
    static final class RemoveCommand implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "An indexed folder.")
        Path folder;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            IngestProgress progress = new IngestProgress(spec.commandLine().getErr(), false);
            try (DocumentLibrary library = DocumentLibrary.openExisting(AppDirectories.forUser(),
                    EmbedderChange.REFUSE, progress)) {
                library.ingester().removeRoot(folder);
                PrintWriter out = spec.commandLine().getOut();
                out.println("Removed " + folder + " from the index (" + IngestProgress.count(progress.removed(), "file")
                        + " dropped).");
                printTotals(out, library.index());
            }
            return 0;
        }
    }

    /** {@code mynah index status}: what the index holds. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show the indexed folders with their file and chunk counts, the index's size on disk, "
                    + "its embedding model and when a file was last indexed. It reads the index as it is; "
                    + "`mynah index update` picks up changes made since.")
    static final class StatusCommand implements Callable<Integer> {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
                .withZone(ZoneId.systemDefault());

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            AppDirectories dirs = AppDirectories.forUser();
            if (!DocumentLibrary.exists(dirs)) {
                out.println("No documents are indexed yet; add a folder with `mynah index add DIR`.");
                return 0;
            }
            try (DocumentLibrary library = DocumentLibrary.open(dirs, EmbedderChange.REFUSE, IngestListener.NONE)) {
                ChunkIndex index = library.index();
                Collection<FileRecord> files = index.files().values();
                out.printf(Locale.ROOT, "Index: %s (%.1f MB on disk)%n", index.location(),
                        sizeOnDisk(index.location()) / (1024.0 * 1024.0));
                out.println("Embedder: " + index.embedderId());
                out.println("Folders:" + (index.roots().isEmpty() ? " none" : ""));
                for (Path root : index.roots().stream().sorted().toList()) {
                    out.println("  " + root + ": " + counts(files.stream().filter(f -> f.path().startsWith(root))
                            .toList()));
                }
                out.println("Total: " + counts(files));
                out.println("Last indexed: " + files.stream().map(FileRecord::indexedAt).max(Instant::compareTo)
                        .map(TIME::format).orElse("never"));
            }
            return 0;
        }

        private static String counts(Collection<FileRecord> files) {
            long skipped = files.stream().filter(FileRecord::skipped).count();
            int chunks = files.stream().mapToInt(FileRecord::chunks).sum();
            return IngestProgress.count(files.size() - skipped, "file") + ", " + IngestProgress.count(chunks, "chunk")
                    + ", " + skipped + " skipped";
        }

        private static long sizeOnDisk(Path location) throws IOException {
            try (Stream<Path> files = Files.list(location)) {
                return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
            }
        }
    }

    /** Opens the library with ingestion reporting to {@code listener}. */
    @FunctionalInterface
    private interface Opening {
        DocumentLibrary open(IngestListener listener) throws IOException;
    }

    /** Ingestion work done on an open library. */
    @FunctionalInterface
    private interface Ingestion {
        void run(DocumentLibrary library) throws IOException;
    }

    /** Runs {@code work} with progress on standard error, then prints what happened and what the index holds. */
    private static int ingest(CommandLine commandLine, Opening opening, Ingestion work) throws IOException {
        IngestProgress progress = new IngestProgress(commandLine.getErr(), IngestProgress.onTerminal());
        try (DocumentLibrary library = opening.open(progress)) {
            try {
                work.run(library);
            } finally {
                progress.finish();
            }
            PrintWriter out = commandLine.getOut();
            progress.printSummary(out);
            printTotals(out, library.index());
        }
        return 0;
    }

    private static void printTotals(PrintWriter out, ChunkIndex index) throws IOException {
        Map<Path, FileRecord> files = index.files();
        long indexed = files.values().stream().filter(file -> !file.skipped()).count();
        out.println("The index holds " + IngestProgress.count(indexed, "file") + " and "
                + IngestProgress.count(index.chunkCount(), "chunk") + " from "
                + IngestProgress.count(index.roots().size(), "folder") + ".");
    }
}
