package dev.mynah.supply;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** The native engines Mynah loads, each pinned to one registry package per platform. */
public enum Engine {
    LLAMA_CPP("llama.cpp", "commit 5b4ebc5, ggml 0.23.0", Map.of(
            Platform.LINUX_X64, new Build(
                    new NpmPackage("@node-llama-cpp/linux-x64", "3.21.1",
                            "sha512-Totj6RTDMGo3FoK2yNUaz/oGmZD0olAqTrRluFUWmu0kW2i9TOzHSW0OWCAiGkzRCVX0WsU2CyUQo/W2NYtdPA=="),
                    "bins/linux-x64", "libllama.v0.4.0.so", "libggml.v0.4.0.so"),
            Platform.MACOS_ARM64, new Build(
                    new NpmPackage("@node-llama-cpp/mac-arm64-metal", "3.21.1",
                            "sha512-6MIDAZV7DXD9R1+jEXWJkFuolni3GATGE6mmuyFYc6ZmtOh9djAy15df0T0AXK3sCmVKL+fQcOAWZezxx4MvQQ=="),
                    "bins/mac-arm64-metal", "libllama.metal.v0.4.0.dylib", "libggml.metal.v0.4.0.dylib")));

    private final String displayName;
    private final String upstreamVersion;
    private final Map<Platform, Build> builds;

    Engine(String displayName, String upstreamVersion, Map<Platform, Build> builds) {
        this.displayName = displayName;
        this.upstreamVersion = upstreamVersion;
        this.builds = builds;
    }

    public String displayName() {
        return displayName;
    }

    public String upstreamVersion() {
        return upstreamVersion;
    }

    public Build build(Platform platform) {
        Build build = builds.get(platform);
        if (build == null) {
            throw new Platform.UnsupportedPlatformException(displayName + " has no build for " + platform.id());
        }
        return build;
    }

    /**
     * Where one platform's build lives inside its package: the library directory, the main library and the
     * ggml library that owns backend loading.
     */
    public record Build(NpmPackage npmPackage, String libraryDirectory, String mainLibrary, String ggmlLibrary) {
    }

    /** An engine's libraries as found on disk. */
    public record Installed(Engine engine, Build build, Path libraryDirectory) {
        public Path mainLibrary() {
            return libraryDirectory.resolve(build.mainLibrary());
        }

        public Path ggmlLibrary() {
            return libraryDirectory.resolve(build.ggmlLibrary());
        }
    }

    /** This engine's libraries for the current platform, fetched into the user's cache when not there yet. */
    public Installed install() throws PackageFetchException {
        return install(PackageCache.forUser(), Platform.current());
    }

    public Installed install(PackageCache cache, Platform platform) throws PackageFetchException {
        Build build = build(platform);
        Path dir = cache.resolve(build.npmPackage()).resolve(build.libraryDirectory());
        Installed installed = new Installed(this, build, dir);
        if (!Files.isRegularFile(installed.mainLibrary())) {
            throw new PackageFetchException(build.npmPackage().spec() + " was unpacked but " + installed.mainLibrary()
                    + " is missing; delete " + cache.directoryOf(build.npmPackage()) + " and run again.");
        }
        return installed;
    }

    /** This engine's libraries if they are already in the cache; never fetches. */
    public Optional<Installed> findInstalled(PackageCache cache, Platform platform) {
        Build build = build(platform);
        if (!cache.isCached(build.npmPackage())) {
            return Optional.empty();
        }
        Installed installed = new Installed(this, build,
                cache.directoryOf(build.npmPackage()).resolve(build.libraryDirectory()));
        return Files.isRegularFile(installed.mainLibrary()) ? Optional.of(installed) : Optional.empty();
    }
}
