package dev.mynah.supply;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PackageCacheTest {
    // A tiny real package; its integrity string is the one the registry publishes for this version.
    private static final NpmPackage IS_NUMBER = new NpmPackage("is-number", "7.0.0",
            "sha512-41Cifkg6e8TylSpdtTpeLVMqvSBEVzTttHvERD741+pnZ8ANv0004MRL43QKPDlK9cGvNp6NZWZUBlbGXYxxng==");

    @Test
    void fetchesVerifiesAndUnpacksAPinnedPackageThenReusesItWithoutNpm(@TempDir Path root) throws Exception {
        Path dir = new PackageCache(root).resolve(IS_NUMBER);

        assertTrue(Files.readString(dir.resolve("package.json")).contains("\"version\": \"7.0.0\""));
        assertTrue(Files.isRegularFile(dir.resolve("index.js")));
        // A cache hit must not need npm at all: an npm that does not exist proves it is never started.
        PackageCache offline = new PackageCache(root, root.resolve("no-such-npm").toString());
        assertTrue(offline.isCached(IS_NUMBER));
        assertEquals(dir, offline.resolve(IS_NUMBER));
    }

    @Test
    void rejectsATarballWhoseChecksumDiffersAndCachesNothing(@TempDir Path root) {
        NpmPackage tampered = new NpmPackage("is-number", "7.0.0",
                "sha512-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==");
        PackageCache cache = new PackageCache(root);

        PackageFetchException e = assertThrows(PackageFetchException.class, () -> cache.resolve(tampered));

        assertTrue(e.getMessage().contains("does not match its pinned checksum"), e.getMessage());
        assertFalse(cache.isCached(tampered));
        assertFalse(Files.exists(cache.directoryOf(tampered)));
    }

    @Test
    void namesTheFixWhenNpmIsMissing(@TempDir Path root) {
        PackageCache cache = new PackageCache(root, root.resolve("no-such-npm").toString());

        PackageFetchException e = assertThrows(PackageFetchException.class, () -> cache.resolve(IS_NUMBER));

        assertTrue(e.getMessage().contains("npm is needed"), e.getMessage());
        assertTrue(e.getMessage().contains("brew install node"), e.getMessage());
    }

    @Test
    void reportsAPackageTheRegistryDoesNotHave(@TempDir Path root) {
        NpmPackage missing = new NpmPackage("is-number", "999.0.0-does-not-exist", IS_NUMBER.integrity());

        PackageFetchException e = assertThrows(PackageFetchException.class,
                () -> new PackageCache(root).resolve(missing));

        assertTrue(e.getMessage().contains("npm could not fetch is-number@999.0.0-does-not-exist"), e.getMessage());
    }
}
