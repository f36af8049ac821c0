package dev.mynah.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mynah.supply.PackageCache;
import dev.mynah.supply.PackageFetchException;
import dev.mynah.supply.SourceTree;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * llama.cpp's own {@code llama-bench}, built once from the exact source of the engine Mynah loads (CPU
 * kernels for this machine, ggml's own thread pool, no OpenMP, like the prebuilt libraries) and cached.
 */
final class NativeLlamaBench {
    private final Path executable;

    private NativeLlamaBench(Path executable) {
        this.executable = executable;
    }

    /** Pass-by-pass speeds llama-bench measured, in tokens per second. */
    record Samples(List<Double> prefill, List<Double> decode) {
    }

    static NativeLlamaBench buildIfNeeded(PackageCache cache, java.io.PrintStream progress)
            throws IOException, PackageFetchException, InterruptedException {
        Path source = SourceTree.LLAMA_CPP.resolve(cache);
        Path build = cache.root().resolve("build").resolve("llama-bench-"
                + SourceTree.LLAMA_CPP.npmPackage().version());
        Path executable = build.resolve("bin").resolve("llama-bench");
        if (!Files.isExecutable(executable)) {
            progress.println("Building llama-bench from the llama.cpp source of the pinned engine (once, a few minutes)...");
            run(List.of("cmake", "-S", source.toString(), "-B", build.toString(), "-DCMAKE_BUILD_TYPE=Release",
                    "-DBUILD_SHARED_LIBS=OFF", "-DGGML_NATIVE=ON", "-DGGML_OPENMP=OFF", "-DLLAMA_CURL=OFF",
                    "-DLLAMA_OPENSSL=OFF", "-DLLAMA_BUILD_TESTS=OFF", "-DLLAMA_BUILD_EXAMPLES=OFF",
                    "-DLLAMA_BUILD_SERVER=OFF"), source);
            run(List.of("cmake", "--build", build.toString(), "--target", "llama-bench", "-j",
                    Integer.toString(Runtime.getRuntime().availableProcessors())), source);
        }
        return new NativeLlamaBench(executable);
    }

    /** One llama-bench invocation: {@code prompt} tokens of prefill and {@code generate} tokens of decode. */
    Samples run(Path model, int threads, int prompt, int generate, int repetitions)
            throws IOException, InterruptedException {
        String json = run(List.of(executable.toString(), "-m", model.toString(), "-t", Integer.toString(threads),
                "-p", Integer.toString(prompt), "-n", Integer.toString(generate), "-b", "512", "-ub", "512",
                "-r", Integer.toString(repetitions), "-o", "json"), executable.getParent());
        List<Double> prefill = new ArrayList<>();
        List<Double> decode = new ArrayList<>();
        for (JsonNode test : new ObjectMapper().readTree(json.substring(json.indexOf('[')))) {
            List<Double> into = test.path("n_prompt").asInt() > 0 ? prefill : decode;
            test.path("samples_ts").forEach(v -> into.add(v.asDouble()));
        }
        return new Samples(prefill, decode);
    }

    /** Runs a command and returns its standard output; its standard error goes to a log beside the build. */
    private static String run(List<String> command, Path directory) throws IOException, InterruptedException {
        Path log = Files.createTempFile("mynah-llama-bench-", ".log");
        Process process = new ProcessBuilder(command).directory(directory.toFile())
                .redirectError(log.toFile()).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish within an hour; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (exit " + process.exitValue() + "); see "
                    + log + ". Building llama-bench needs cmake and a C++ compiler (macOS: xcode-select --install "
                    + "and brew install cmake; Debian: apt-get install cmake g++).");
        }
        Files.delete(log);
        return output;
    }
}
