package dev.mynah.supply;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The native engines Mynah loads, each pinned to one registry package (or upstream source) per platform. */
public enum Engine {
    LLAMA_CPP("llama.cpp", "commit 5b4ebc5, ggml 0.23.0", Map.of(
            Platform.LINUX_X64, Build.prebuilt(
                    new NpmPackage("@node-llama-cpp/linux-x64", "3.21.1",
                            "sha512-Totj6RTDMGo3FoK2yNUaz/oGmZD0olAqTrRluFUWmu0kW2i9TOzHSW0OWCAiGkzRCVX0WsU2CyUQo/W2NYtdPA=="),
                    "bins/linux-x64", "libllama.v0.4.0.so", "libggml.v0.4.0.so"),
            Platform.MACOS_ARM64, Build.prebuilt(
                    new NpmPackage("@node-llama-cpp/mac-arm64-metal", "3.21.1",
                            "sha512-6MIDAZV7DXD9R1+jEXWJkFuolni3GATGE6mmuyFYc6ZmtOh9djAy15df0T0AXK3sCmVKL+fQcOAWZezxx4MvQQ=="),
                    "bins/mac-arm64-metal", "libllama.metal.v0.4.0.dylib", "libggml.metal.v0.4.0.dylib"))),
    /**
     * whisper.cpp: Metal build from a registry package on the Mac; on Linux compiled here from the 1.9.1
     * source with this machine's SIMD (the prebuilt Linux addon has no AVX), ggml linked in privately.
     */
    WHISPER_CPP("whisper.cpp", WhisperSourceBuild.VERSION, Map.of(
            Platform.LINUX_X64, Build.compiled(SourceTree.WHISPER_CPP, WhisperSourceBuild.LIBRARY),
            Platform.MACOS_ARM64, Build.prebuilt(
                    new NpmPackage("@fugood/node-whisper-darwin-arm64", "1.1.1",
                            "sha512-GPLcAKZkETXG6UbpdT1jhqAslelZ69kytKl0dR0B6M40B6eQ13dlh/KDL55/zdT1ilEQd6NASw19keTpqd9hAQ=="),
                    "", "index.node"))),
    /** sherpa-onnx's C API, which runs Piper voices and Silero VAD on its own onnxruntime. */
    SHERPA_ONNX("sherpa-onnx", "1.13.8, onnxruntime 1.28.2", Map.of(
            Platform.LINUX_X64, Build.prebuilt(
                    new NpmPackage("sherpa-onnx-linux-x64", "1.13.8",
                            "sha512-6plnhjagsSeTntCgnlag86hWbs/uZE9Crms1LgOb68/1nKsIQjMd+WG519m+aPwT6TrsBOiEMzrx41t8sL5L5g=="),
                    "", "libsherpa-onnx-c-api.so", "libonnxruntime.so"),
            Platform.MACOS_ARM64, Build.prebuilt(
                    new NpmPackage("sherpa-onnx-darwin-arm64", "1.13.8",
                            "sha512-FPNgJMgnWVl/KhRTIhG3KL3A4Om63Rn4YKXc9/uHY7SzLcvqLJLc/h7UBWJwduXvv7K18t5NpxHR6XgXn4sjWw=="),
                    "", "libsherpa-onnx-c-api.dylib", "libonnxruntime.dylib")));

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
     * Where one platform's build comes from and what it consists of: the package (or, for a build compiled
     * here, the source tree), the library directory inside it, the main library, and the libraries that must
     * be loaded before it (ggml's registry for llama.cpp, onnxruntime for sherpa-onnx, which has no RUNPATH).
     */
    public record Build(NpmPackage npmPackage, SourceTree source, String libraryDirectory, String mainLibrary,
                        List<String> preloadLibraries) {

        static Build prebuilt(NpmPackage npmPackage, String libraryDirectory, String mainLibrary,
                              String... preloadLibraries) {
            return new Build(npmPackage, null, libraryDirectory, mainLibrary, List.of(preloadLibraries));
        }

        static Build compiled(SourceTree source, String mainLibrary) {
            return new Build(source.npmPackage(), source, "", mainLibrary, List.of());
        }

        public boolean isCompiledHere() {
            return source != null;
        }

        /** A short description for reports: the package spec, or the source it is compiled from. */
        public String origin() {
            return isCompiledHere() ? "compiled here from " + npmPackage.spec() : npmPackage.spec();
        }
    }

    /** An engine's libraries as found on disk. */
    public record Installed(Engine engine, Build build, Path libraryDirectory) {
        public Path mainLibrary() {
            return libraryDirectory.resolve(build.mainLibrary());
        }

        public List<Path> preloadLibraries() {
            return build.preloadLibraries().stream().map(libraryDirectory::resolve).toList();
        }
    }

    /** This engine's libraries for the current platform, fetched (or compiled) into the user's cache if needed. */
    public Installed install() throws PackageFetchException {
        return install(PackageCache.forUser(), Platform.current());
    }

    public Installed install(PackageCache cache, Platform platform) throws PackageFetchException {
        Build build = build(platform);
        Path dir = build.isCompiledHere()
                ? WhisperSourceBuild.build(cache, platform)
                : cache.resolve(build.npmPackage()).resolve(build.libraryDirectory());
        Installed installed = new Installed(this, build, dir);
        if (!Files.isRegularFile(installed.mainLibrary())) {
            throw new PackageFetchException(build.origin() + " was prepared but " + installed.mainLibrary()
                    + " is missing; delete " + dir + " and run again.");
        }
        return installed;
    }

    /** This engine's libraries if they are already in the cache; never fetches or compiles. */
    public Optional<Installed> findInstalled(PackageCache cache, Platform platform) {
        Build build = build(platform);
        Path dir = build.isCompiledHere()
                ? WhisperSourceBuild.outputDirectory(cache, platform)
                : cache.directoryOf(build.npmPackage()).resolve(build.libraryDirectory());
        if (!build.isCompiledHere() && !cache.isCached(build.npmPackage())) {
            return Optional.empty();
        }
        Installed installed = new Installed(this, build, dir);
        return Files.isRegularFile(installed.mainLibrary()) ? Optional.of(installed) : Optional.empty();
    }
}
