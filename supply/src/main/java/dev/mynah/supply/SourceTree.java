package dev.mynah.supply;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Upstream source code shipped inside a registry package, unpacked once into the cache: the exact llama.cpp
 * source of the prebuilt libraries (a git bundle, for the layout probe's header and llama-bench) and the
 * whisper.cpp source that Linux builds its whisper library from.
 */
public enum SourceTree {
    LLAMA_CPP(new NpmPackage("node-llama-cpp", "3.21.1",
            "sha512-E3N0Ev2Va0wzydvXYFwM9Hvyo07PoWjt8T/9GMc43Cvt8YkV/NU/tYUgEMC1grTPv2o9PRjQi0G3Wb5P/awiMg=="),
            "llama/gitRelease.bundle", null, "include/llama.h"),
    WHISPER_CPP(new NpmPackage("nodejs-whisper", "0.3.1",
            "sha512-ceoilUVraRuR5FnNyXpGQT2auAR48Oc3AQBEmkXnVpSn9iN6yVRzQBFCqVTGWbk6Wdi95NhvwXNzFvuR7erLWw=="),
            null, "cpp/whisper.cpp", "include/whisper.h");

    private static final String GIT_HINT = "install git (macOS: xcode-select --install; Debian: apt-get install git)";

    private final NpmPackage npmPackage;
    private final String gitBundle;
    private final String directory;
    private final String markerFile;

    SourceTree(NpmPackage npmPackage, String gitBundle, String directory, String markerFile) {
        this.npmPackage = npmPackage;
        this.gitBundle = gitBundle;
        this.directory = directory;
        this.markerFile = markerFile;
    }

    public NpmPackage npmPackage() {
        return npmPackage;
    }

    /** The source tree's root directory, fetched (and for a git bundle, checked out) on first use. */
    public Path resolve(PackageCache cache) throws PackageFetchException {
        if (gitBundle == null) {
            Path tree = cache.resolve(npmPackage).resolve(directory);
            if (!Files.isRegularFile(tree.resolve(markerFile))) {
                throw new PackageFetchException(npmPackage.spec() + " has no " + directory + "/" + markerFile
                        + "; delete " + cache.directoryOf(npmPackage) + " and run again.");
            }
            return tree;
        }
        Path target = cache.root().resolve("src").resolve(npmPackage.directoryName() + "-" + npmPackage.version());
        if (Files.isRegularFile(target.resolve(markerFile))) {
            return target;
        }
        Path bundle = cache.resolve(npmPackage).resolve(gitBundle);
        try {
            Files.createDirectories(target.getParent());
            Path work = Files.createTempDirectory(target.getParent(), "checkout-");
            try {
                Path checkout = work.resolve("tree");
                ExternalCommand.run(List.of("git", "clone", "--quiet", bundle.toString(), checkout.toString()), work,
                        10, GIT_HINT);
                FileTrees.delete(target);
                Files.move(checkout, target);
            } finally {
                FileTrees.delete(work);
            }
            return target;
        } catch (IOException e) {
            throw new PackageFetchException("Could not check out " + name() + " source into " + target + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PackageFetchException("Interrupted while checking out " + name() + " source", e);
        }
    }
}
