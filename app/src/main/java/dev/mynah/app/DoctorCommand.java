package dev.mynah.app;

import dev.mynah.nativelibs.llama.LlamaLibrary;
import dev.mynah.nativelibs.sherpa.SherpaOnnxLibrary;
import dev.mynah.nativelibs.whisper.WhisperLibrary;
import dev.mynah.supply.Engine;
import dev.mynah.supply.PackageCache;
import dev.mynah.supply.Platform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code mynah doctor}: what this machine has for Mynah, and what is missing. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Report platform, JDK, native engines (version, path, CPU features) and models.")
final class DoctorCommand implements Callable<Integer> {
    @Option(names = "--offline", description = "Do not fetch missing engines; only report what is cached.")
    boolean offline;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Platform platform;
        try {
            platform = Platform.current();
        } catch (Platform.UnsupportedPlatformException e) {
            out.println("Platform      unsupported: " + e.getMessage());
            return 1;
        }
        AppDirectories dirs = AppDirectories.forUser();
        PackageCache cache = PackageCache.forUser();
        row(out, "Platform", platform.id() + " (" + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + ", " + System.getProperty("os.arch") + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs)");
        row(out, "JDK", Runtime.version() + " (" + System.getProperty("java.vendor") + ") at "
                + System.getProperty("java.home"));
        row(out, "Native access", Main.class.getModule().isNativeAccessEnabled()
                ? "enabled" : "DISABLED: start with --enable-native-access=ALL-UNNAMED");
        row(out, "App data", dirs.config().getParent().equals(dirs.models().getParent())
                ? dirs.config().getParent().toString() : dirs.config() + ", " + dirs.models().getParent());
        row(out, "Engine cache", cache.root().toString());

        boolean healthy = true;
        for (Engine engine : Engine.values()) {
            healthy &= reportEngine(out, engine, cache, platform);
        }
        reportModels(out, dirs);
        return healthy ? 0 : 1;
    }

    /** Installs (unless offline), loads and describes one engine; false when it is not usable. */
    private boolean reportEngine(PrintWriter out, Engine engine, PackageCache cache, Platform platform) {
        String label = engine.displayName();
        try {
            Engine.Installed installed = offline
                    ? engine.findInstalled(cache, platform).orElse(null)
                    : engine.install(cache, platform);
            if (installed == null) {
                row(out, label, "not found (not in the cache; run without --offline to fetch "
                        + engine.build(platform).origin() + ")");
                return false;
            }
            List<String> details = switch (engine) {
                case LLAMA_CPP -> {
                    LlamaLibrary.load(installed);
                    yield List.of("GPU offload: " + (LlamaLibrary.supportsGpuOffload() ? "yes" : "no"),
                            LlamaLibrary.systemInfo());
                }
                case WHISPER_CPP -> {
                    WhisperLibrary.load(installed);
                    yield List.of("version " + WhisperLibrary.version(), WhisperLibrary.systemInfo());
                }
                case SHERPA_ONNX -> {
                    SherpaOnnxLibrary.load(installed);
                    yield List.of("version " + SherpaOnnxLibrary.version() + " (" + SherpaOnnxLibrary.gitSha1()
                            + "), onnxruntime " + SherpaOnnxLibrary.onnxruntimeVersion());
                }
            };
            row(out, label, "loaded, " + engine.build(platform).origin() + " (" + engine.upstreamVersion() + ")");
            row(out, "", installed.mainLibrary().toString());
            details.forEach(line -> row(out, "", line));
            return true;
        } catch (Exception | UnsatisfiedLinkError e) {
            row(out, label, "NOT AVAILABLE: " + e.getMessage());
            return false;
        }
    }

    private static void reportModels(PrintWriter out, AppDirectories dirs) {
        ModelCatalog catalog = ModelCatalog.bundled();
        int present = 0;
        for (ModelCatalog.Entry entry : catalog.models()) {
            Path file = dirs.models().resolve(entry.file());
            if (Files.isRegularFile(file)) {
                present++;
                row(out, "Model", entry.id() + " (" + entry.kind() + ") present: " + file);
            }
        }
        row(out, "Models", present + " of " + catalog.models().size() + " catalogue models present in "
                + dirs.models());
    }

    private static void row(PrintWriter out, String label, String value) {
        out.printf("%-14s%s%n", label, value);
    }
}
