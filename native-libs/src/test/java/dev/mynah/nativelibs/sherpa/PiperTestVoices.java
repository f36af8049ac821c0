package dev.mynah.nativelibs.sherpa;

import dev.mynah.fixtures.onnx.PiperStandInModel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Stand-in Piper voices written for a test, in sherpa-onnx's layout or as Piper's .onnx + .onnx.json pair. */
final class PiperTestVoices {
    private PiperTestVoices() {
    }

    /** A sherpa-onnx layout directory whose espeak-ng-data links to the installed espeak-ng's data. */
    static Path sherpaLayout(Path parent, PiperStandInModel.Voice voice) throws Exception {
        Path dir = Files.createTempDirectory(parent, "sherpa-layout-");
        PiperStandInModel.writeSherpaLayout(dir, voice);
        Files.createSymbolicLink(dir.resolve("espeak-ng-data"), EspeakReference.dataDir());
        return dir;
    }

    /** Piper's pair: the returned .onnx file, with its .onnx.json beside it. */
    static Path piperPair(Path parent, PiperStandInModel.Voice voice) throws Exception {
        Path onnx = Files.createTempDirectory(parent, "piper-pair-").resolve("stand-in-medium.onnx");
        PiperStandInModel.writePiperPair(onnx, voice);
        return onnx;
    }

    /** The phoneme ids of each model call, decoded from the stand-in's audio. */
    static List<List<Integer>> decodedIds(float[] audio, int numSpeakers) {
        return PiperStandInModel.decode(audio, numSpeakers).stream()
                .map(call -> Arrays.stream(call.ids()).boxed().toList()).toList();
    }
}
