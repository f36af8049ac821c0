package dev.mynah.supply;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Upstream source code shipped inside a registry package, unpacked once into the cache: the exact llama.cpp
 * source of the prebuilt libraries (for the header the layout probe compiles against, and for llama-bench).
 */
public enum SourceTree {
    LLAMA_CPP(new NpmPackage("node-llama-cpp", "3.21.1",
            "sha512-E3N0Ev2Va0wzydvXYFwM9Hvyo07PoWjt8T/9GMc43Cvt8YkV/NU/tYUgEMC1grTPv2o9PRjQi0G3Wb5P/awiMg=="),
            "llama/gitRelease.bundle", "include/llama.h");

    private final NpmPackage npmPackage;
    private final String gitBundle;
    private final String markerFile;

    SourceTree(NpmPackage npmPackage, String gitBundle, String markerFile) {
        this.npmPackage = npmPackage;
        this.gitBundle = gitBundle;
        this.markerFile = markerFile;
    }

    public NpmPackage npmPackage() {
        return npmPackage;
    }

    /** The source tree's root directory, fetched and checked out (with git) on first use. */
    public Path resolve(PackageCache cache) throws PackageFetchException {
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
                run(List.of("git", "clone", "--quiet", bundle.toString(), checkout.toString()), work);
                PackageCache.deleteRecursively(target);
                Files.move(checkout, target);
            } finally {
                PackageCache.deleteRecursively(work);
            }
            return target;
        } catch (IOException e) {
            throw new PackageFetchException("Could not check out " + name() + " source into " + target + ": "
                    + e.getMessage(), e);
        }
    }

    private static void run(List<String> command, Path workDir) throws PackageFetchException, IOException {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new PackageFetchException(command.getFirst() + " is needed here but was not found on PATH "
                    + "(macOS: xcode-select --install; Debian: apt-get install git).", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new PackageFetchException(String.join(" ", command) + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new PackageFetchException("interrupted: " + String.join(" ", command), e);
        }
    }
}
