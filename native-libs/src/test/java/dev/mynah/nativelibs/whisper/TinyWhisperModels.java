package dev.mynah.nativelibs.whisper;

import dev.mynah.fixtures.gguf.GgmlType;
import dev.mynah.fixtures.whisper.TinyWhisperModel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The project-made whisper test model, generated once per test JVM into the build directory. */
final class TinyWhisperModels {
    private static Path tiny;

    private TinyWhisperModels() {
    }

    /** One encoder and one decoder layer, 64 wide, multilingual vocabulary, random F16 weights. */
    static synchronized Path tiny() {
        if (tiny == null) {
            try {
                Path file = Files.createDirectories(Path.of("target", "fixtures")).resolve("tiny-whisper-f16.bin");
                TinyWhisperModel.write(file, TinyWhisperModel.Shape.tiny(), GgmlType.F16, 20261124L);
                tiny = file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return tiny;
    }

    /** {@code seconds} of a quiet 220 Hz tone with a little noise, 16 kHz mono. */
    static float[] tone(double seconds) {
        float[] pcm = new float[(int) (seconds * 16_000)];
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (float) (0.3 * Math.sin(2 * Math.PI * 220 * i / 16_000.0) + 0.05 * random.nextGaussian());
        }
        return pcm;
    }
}
