package dev.mynah.supply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Per-user cache of pinned npm packages, keyed by package and version: fetched once with {@code npm pack},
 * checked against the pinned sha512 integrity, unpacked, and reused offline afterwards.
 */
public final class PackageCache {
    private static final System.Logger LOG = System.getLogger(PackageCache.class.getName());
    private static final String COMPLETE_MARKER = ".mynah-complete";
    private static final long NPM_TIMEOUT_MINUTES = 10;

    private final Path root;
    private final String npmCommand;

    public PackageCache(Path root) {
        this(root, defaultNpmCommand());
    }

    PackageCache(Path root, String npmCommand) {
        this.root = root;
        this.npmCommand = npmCommand;
    }

    /** The cache in the user's standard cache directory (or {@code MYNAH_CACHE} when set). */
    public static PackageCache forUser() {
        return new PackageCache(userCacheRoot());
    }

    /** {@code MYNAH_CACHE}, else {@code ~/Library/Caches/Mynah} on macOS, else the XDG cache directory. */
    public static Path userCacheRoot() {
        String override = System.getenv("MYNAH_CACHE");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        Path home = Path.of(System.getProperty("user.home"));
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac")) {
            return home.resolve("Library/Caches/Mynah");
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".cache");
        return base.resolve("mynah");
    }

    public Path root() {
        return root;
    }

    /** Where the package would be unpacked; present only after {@link #resolve}. */
    public Path directoryOf(NpmPackage pkg) {
        return root.resolve("npm").resolve(pkg.directoryName()).resolve(pkg.version());
    }

    public boolean isCached(NpmPackage pkg) {
        return Files.isRegularFile(directoryOf(pkg).resolve(COMPLETE_MARKER));
    }

    /** The unpacked package directory, fetching and unpacking it first when it is not cached yet. */
    public Path resolve(NpmPackage pkg) throws PackageFetchException {
        Path target = directoryOf(pkg);
        if (isCached(pkg)) {
            return target;
        }
        try {
            Files.createDirectories(target.getParent());
            Path work = Files.createTempDirectory(target.getParent(), pkg.version() + ".partial-");
            try {
                Path tarball = npmPack(pkg, work);
                verifyIntegrity(pkg, tarball);
                Path unpacked = work.resolve("unpacked");
                try (InputStream in = Files.newInputStream(tarball)) {
                    TarGzExtractor.extract(in, unpacked, 1);
                }
                Files.writeString(unpacked.resolve(COMPLETE_MARKER), pkg.integrity() + "\n");
                publish(unpacked, target);
            } finally {
                FileTrees.delete(work);
            }
            LOG.log(System.Logger.Level.INFO, "Fetched {0} into {1}", pkg.spec(), target);
            return target;
        } catch (IOException e) {
            throw new PackageFetchException("Could not store " + pkg.spec() + " in the cache at " + root
                    + ": " + e.getMessage() + ". Check that the directory is writable and the disk has space.", e);
        }
    }

    private static void publish(Path unpacked, Path target) throws IOException {
        try {
            Files.move(unpacked, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            // Another process finished the same fetch first; a complete copy is what we need.
            if (!Files.isRegularFile(target.resolve(COMPLETE_MARKER))) {
                FileTrees.delete(target);
                Files.move(unpacked, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(unpacked, target);
        }
    }

    private Path npmPack(NpmPackage pkg, Path workDir) throws PackageFetchException, IOException {
        List<String> command = List.of(npmCommand, "pack", pkg.spec(), "--json", "--silent",
                "--pack-destination", workDir.toString());
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectError(workDir.resolve("npm-stderr.txt").toFile())
                    .start();
        } catch (IOException e) {
            throw new PackageFetchException("npm is needed to fetch " + pkg.spec() + " but was not found on "
                    + "PATH. Install Node.js with npm (macOS: brew install node; Debian: apt-get install npm) "
                    + "and run again.", e);
        }
        byte[] out = process.getInputStream().readAllBytes();
        try {
            if (!process.waitFor(NPM_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new PackageFetchException("npm pack " + pkg.spec() + " did not finish within "
                        + NPM_TIMEOUT_MINUTES + " minutes. Check the network connection and run again.");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new PackageFetchException("Interrupted while fetching " + pkg.spec(), e);
        }
        if (process.exitValue() != 0) {
            String err = Files.readString(workDir.resolve("npm-stderr.txt"), StandardCharsets.UTF_8).strip();
            throw new PackageFetchException("npm could not fetch " + pkg.spec() + " (exit " + process.exitValue()
                    + "): " + lastLines(err, 5) + ". Check the network connection to the npm registry and run again.");
        }
        JsonNode reply = new ObjectMapper().readTree(out);
        JsonNode first = reply.isArray() && !reply.isEmpty() ? reply.get(0) : null;
        if (first == null || !first.hasNonNull("filename")) {
            throw new PackageFetchException("npm pack " + pkg.spec() + " gave an unexpected reply: "
                    + new String(out, StandardCharsets.UTF_8));
        }
        // npm names scoped tarballs "scope-name-version.tgz"; the reply says which.
        return workDir.resolve(first.get("filename").asText().replace('/', '-').replace("@", ""));
    }

    private static String defaultNpmCommand() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows") ? "npm.cmd" : "npm";
    }

    static void verifyIntegrity(NpmPackage pkg, Path tarball) throws IOException, PackageFetchException {
        MessageDigest sha512;
        try {
            sha512 = MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is part of every JDK", e);
        }
        try (InputStream in = Files.newInputStream(tarball)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha512.update(buffer, 0, n);
            }
        }
        String actual = "sha512-" + Base64.getEncoder().encodeToString(sha512.digest());
        if (!actual.equals(pkg.integrity())) {
            throw new PackageFetchException("The download of " + pkg.spec() + " does not match its pinned checksum "
                    + "(expected " + pkg.integrity() + ", got " + actual + "); it was not used. Run again; if it "
                    + "persists, the registry copy differs from the one Mynah was built against.");
        }
    }

    private static String lastLines(String text, int count) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        return String.join(" / ", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }
}
