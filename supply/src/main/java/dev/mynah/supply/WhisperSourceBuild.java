package dev.mynah.supply;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Compiles whisper.cpp 1.9.1 for this machine, once, into the cache: a static build with the host's SIMD,
 * then one shared library that exports only {@code whisper_*}. Its ggml stays private, so it can never meet
 * llama.cpp's ggml (which has library files of the same names) in the same process.
 */
final class WhisperSourceBuild {
    private static final System.Logger LOG = System.getLogger(WhisperSourceBuild.class.getName());
    static final String LIBRARY = "libmynah-whisper.so";
    static final String VERSION = "1.9.1";
    private static final String HINT = "Compiling whisper.cpp needs cmake and a C++ compiler "
            + "(Debian: apt-get install cmake g++).";

    private WhisperSourceBuild() {
    }

    static Path outputDirectory(PackageCache cache, Platform platform) {
        return cache.root().resolve("build").resolve("whisper.cpp-" + VERSION + "-" + platform.id());
    }

    /** The directory holding the compiled library, compiling it first when needed. */
    static synchronized Path build(PackageCache cache, Platform platform) throws PackageFetchException {
        Path out = outputDirectory(cache, platform);
        if (Files.isRegularFile(out.resolve(LIBRARY))) {
            return out;
        }
        Path source = SourceTree.WHISPER_CPP.resolve(cache);
        try {
            Path cmake = out.resolve("cmake");
            Files.createDirectories(out);
            LOG.log(System.Logger.Level.INFO, "Compiling whisper.cpp for this machine (once, a minute or two)...");
            ExternalCommand.run(List.of("cmake", "-S", source.toString(), "-B", cmake.toString(),
                    "-DCMAKE_BUILD_TYPE=Release", "-DBUILD_SHARED_LIBS=OFF", "-DCMAKE_POSITION_INDEPENDENT_CODE=ON",
                    "-DGGML_NATIVE=ON", "-DGGML_OPENMP=OFF", "-DWHISPER_BUILD_TESTS=OFF", "-DWHISPER_SDL2=OFF",
                    "-DWHISPER_CURL=OFF"), source, 10, HINT);
            ExternalCommand.run(List.of("cmake", "--build", cmake.toString(), "--target", "whisper", "-j",
                    Integer.toString(Runtime.getRuntime().availableProcessors())), source, 60, HINT);
            link(cmake, out);
            return out;
        } catch (IOException e) {
            throw new PackageFetchException("Could not compile whisper.cpp into " + out + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PackageFetchException("Interrupted while compiling whisper.cpp", e);
        }
    }

    private static void link(Path cmake, Path out) throws IOException, InterruptedException {
        List<Path> archives;
        try (Stream<Path> files = Files.walk(cmake)) {
            archives = files.filter(p -> p.getFileName().toString().endsWith(".a")).sorted().toList();
        }
        Path whisper = archives.stream().filter(p -> p.getFileName().toString().equals("libwhisper.a")).findFirst()
                .orElseThrow(() -> new IOException("the whisper.cpp build produced no libwhisper.a"));
        Path exports = out.resolve("exports.map");
        Files.writeString(exports, "{ global: whisper_*; local: *; };\n");
        Path partial = out.resolve(LIBRARY + ".partial");
        List<String> command = new ArrayList<>(List.of("c++", "-shared", "-o", partial.toString(),
                "-Wl,--whole-archive", whisper.toString(), "-Wl,--no-whole-archive", "-Wl,--start-group"));
        archives.stream().filter(p -> !p.equals(whisper)).map(Path::toString).forEach(command::add);
        command.addAll(List.of("-Wl,--end-group", "-Wl,--version-script=" + exports, "-pthread"));
        ExternalCommand.run(command, out, 10, HINT);
        Files.move(partial, out.resolve(LIBRARY), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
