package dev.mynah.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mynah.supply.Engine;
import dev.mynah.supply.ExternalCommand;
import dev.mynah.supply.PackageCache;
import dev.mynah.supply.PackageFetchException;
import dev.mynah.supply.SourceTree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * llama.cpp's own {@code llama-bench}, compiled once from the exact source of the engine Mynah loads and linked
 * against the very libraries Mynah loads, so that both run the same kernels and the comparison measures the
 * binding alone. It runs in the library directory, where ggml finds its CPU (and Metal) backends.
 */
final class NativeLlamaBench {
    private final Path executable;
    private final Path libraryDirectory;

    private NativeLlamaBench(Path executable, Path libraryDirectory) {
        this.executable = executable;
        this.libraryDirectory = libraryDirectory;
    }

    /** Pass-by-pass speeds llama-bench measured, in tokens per second. */
    record Samples(List<Double> prefill, List<Double> decode) {
    }

    static NativeLlamaBench buildIfNeeded(PackageCache cache, Engine.Installed engine, java.io.PrintStream progress)
            throws IOException, PackageFetchException, InterruptedException {
        Path source = SourceTree.LLAMA_CPP.resolve(cache);
        Path executable = cache.root().resolve("build")
                .resolve("llama-bench-" + engine.build().npmPackage().directoryName() + "-"
                        + engine.build().npmPackage().version())
                .resolve("llama-bench");
        if (!Files.isExecutable(executable)) {
            progress.println("Compiling llama-bench from the engine's llama.cpp source (once)...");
            Files.createDirectories(executable.getParent());
            List<String> command = new ArrayList<>(List.of("c++", "-O2", "-std=c++17", "-DNDEBUG", "-pthread",
                    "-I", source.resolve("include").toString(), "-I", source.resolve("ggml/include").toString(),
                    "-I", source.resolve("common").toString(), "-I", source.resolve("vendor").toString(),
                    "-I", source.resolve("tools/llama-bench").toString(),
                    source.resolve("tools/llama-bench/llama-bench.cpp").toString(),
                    source.resolve("tools/llama-bench/main.cpp").toString()));
            command.addAll(linkedLibraries(engine.libraryDirectory()));
            command.addAll(List.of("-Wl,-rpath," + engine.libraryDirectory(), "-o", executable.toString()));
            run(command, source);
        }
        return new NativeLlamaBench(executable, engine.libraryDirectory());
    }

    /** llama, its common library and ggml's core; the backend variants are loaded at run time instead. */
    private static List<String> linkedLibraries(Path libraryDirectory) throws IOException {
        try (var files = Files.list(libraryDirectory)) {
            return files.map(Path::toString)
                    .filter(p -> {
                        String name = Path.of(p).getFileName().toString();
                        boolean library = name.endsWith(".so") || name.endsWith(".dylib");
                        boolean core = name.startsWith("libllama") || name.startsWith("libggml.")
                                || name.startsWith("libggml-base");
                        return library && core;
                    })
                    .sorted()
                    .toList();
        }
    }

    /** One llama-bench invocation: {@code prompt} tokens of prefill and {@code generate} tokens of decode. */
    Samples run(Path model, int threads, int prompt, int generate, int repetitions)
            throws IOException, InterruptedException {
        String json = run(List.of(executable.toString(), "-m", model.toString(), "-t", Integer.toString(threads),
                "-p", Integer.toString(prompt), "-n", Integer.toString(generate), "-b", "512", "-ub", "512",
                "-r", Integer.toString(repetitions), "-o", "json"), libraryDirectory);
        List<Double> prefill = new ArrayList<>();
        List<Double> decode = new ArrayList<>();
        for (JsonNode test : new ObjectMapper().readTree(json.substring(json.indexOf('[')))) {
            List<Double> into = test.path("n_prompt").asInt() > 0 ? prefill : decode;
            test.path("samples_ts").forEach(v -> into.add(v.asDouble()));
        }
        return new Samples(prefill, decode);
    }

    private static String run(List<String> command, Path directory) throws IOException, InterruptedException {
        return ExternalCommand.run(command, directory, 60,
                "Compiling llama-bench needs a C++ compiler (macOS: xcode-select --install; Debian: apt-get install g++).");
    }
}
