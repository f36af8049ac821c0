package dev.mynah.app.bench;

import dev.mynah.supply.Engine;
import dev.mynah.supply.ExternalCommand;
import dev.mynah.supply.PackageCache;
import dev.mynah.supply.PackageFetchException;
import dev.mynah.supply.SourceTree;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * whisper.cpp's own {@code whisper-bench}, built once from the source of the engine Mynah loads. On Linux it
 * comes from the very cmake build directory that produced Mynah's library, so both run the same kernels; on
 * the Mac, whose engine is prebuilt, it is compiled from the same whisper.cpp source with cmake's defaults.
 */
final class SttNativeBench {
    private static final String HINT = "Building whisper-bench needs cmake and a C++ compiler "
            + "(macOS: brew install cmake and xcode-select --install; Debian: apt-get install cmake g++).";
    private static final Pattern ENCODE_TIME = Pattern.compile("encode time =\\s*([0-9.]+) ms /\\s*(\\d+) runs");

    private final Path executable;

    private SttNativeBench(Path executable) {
        this.executable = executable;
    }

    static SttNativeBench buildIfNeeded(PackageCache cache, Engine.Installed engine, PrintStream progress)
            throws IOException, PackageFetchException, InterruptedException {
        Path buildDirectory = engine.build().isCompiledHere()
                ? engine.libraryDirectory().resolve("cmake")
                : cache.root().resolve("build").resolve("whisper-bench-" + engine.engine().upstreamVersion())
                        .resolve("cmake");
        Path executable = buildDirectory.resolve("bin").resolve("whisper-bench");
        if (!Files.isExecutable(executable)) {
            progress.println("Compiling whisper-bench from the engine's whisper.cpp source (once)...");
            Path source = SourceTree.WHISPER_CPP.resolve(cache);
            if (!Files.isRegularFile(buildDirectory.resolve("CMakeCache.txt"))) {
                if (engine.build().isCompiledHere()) {
                    throw new IOException("whisper.cpp's build directory " + buildDirectory + " is gone; delete "
                            + engine.libraryDirectory() + " so that whisper.cpp is compiled again, and run again.");
                }
                ExternalCommand.run(List.of("cmake", "-S", source.toString(), "-B", buildDirectory.toString(),
                        "-DCMAKE_BUILD_TYPE=Release", "-DWHISPER_BUILD_TESTS=OFF", "-DWHISPER_SDL2=OFF",
                        "-DWHISPER_CURL=OFF"), source, 10, HINT);
            }
            ExternalCommand.run(List.of("cmake", "--build", buildDirectory.toString(), "--target", "whisper-bench",
                    "-j", Integer.toString(Runtime.getRuntime().availableProcessors())), source, 60, HINT);
        }
        return new SttNativeBench(executable);
    }

    /** One whisper-bench run: the milliseconds of its single measured encoder pass (after its two warm-ups). */
    double encodeMillis(Path model, int threads) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(executable.toString(), "-m", model.toString(),
                "-t", Integer.toString(threads), "-w", "0").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(executable + " failed on " + model + ":\n" + output);
        }
        Matcher encode = ENCODE_TIME.matcher(output);
        if (!encode.find()) {
            throw new IOException("whisper-bench printed no encode time:\n" + output);
        }
        return Double.parseDouble(encode.group(1)) / Integer.parseInt(encode.group(2));
    }
}
