package dev.mynah.nativelibs.sherpa;

import dev.mynah.nativelibs.gguf.InvalidModelFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad models and options get clear Java exceptions; sherpa-onnx, which exits the process on them, never sees them. */
class VadBadInputTest {
    @TempDir
    static Path dir;

    private static String openFailure(Path model) {
        return assertThrows(InvalidModelFileException.class,
                () -> VoiceActivityDetector.open(model, VadOptions.defaults())).getMessage();
    }

    @Test
    void missingModel() {
        assertTrue(openFailure(dir.resolve("silero.onnx")).contains("does not exist"));
    }

    @Test
    void directoryAsModel() {
        assertTrue(openFailure(dir).contains("not an ONNX model file"));
    }

    @Test
    void textFileAsModel() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.onnx"), "These are my notes, not a model. ".repeat(10));
        assertTrue(openFailure(text).contains("not an ONNX model file"), openFailure(text));
    }

    @Test
    void truncatedSileroModel() throws Exception {
        byte[] whole = Files.readAllBytes(TestSpeech.sileroModel());
        Path cut = Files.write(dir.resolve("cut.onnx"), Arrays.copyOf(whole, whole.length / 2));
        assertTrue(openFailure(cut).contains("truncated"), openFailure(cut));
    }

    @Test
    void onnxModelThatIsNotSilero() throws Exception {
        Path other = Files.write(dir.resolve("classifier.onnx"), onnxModel("input_ids", "logits"));
        String message = openFailure(other);
        assertTrue(message.contains("not Silero VAD") && message.contains("[input_ids]"), message);
    }

    @Test
    void sampleRateOtherThan16kHz() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new VadOptions(0.3f, 0.1, 0.25, 0, 20, 512, 44_100));
        assertTrue(e.getMessage().contains("16000 Hz audio only"), e.getMessage());
    }

    @Test
    void windowOtherThan512Samples() {
        assertThrows(IllegalArgumentException.class, () -> new VadOptions(0.3f, 0.1, 0.25, 0, 20, 1024, 16_000));
    }

    @Test
    void outOfRangeOptions() {
        VadOptions defaults = VadOptions.defaults();
        assertThrows(IllegalArgumentException.class, () -> defaults.withThreshold(1.5f));
        assertThrows(IllegalArgumentException.class, () -> defaults.withThreshold(Float.NaN));
        assertThrows(IllegalArgumentException.class, () -> defaults.withMinSilenceSeconds(0));
        assertThrows(IllegalArgumentException.class, () -> defaults.withPaddingSeconds(-0.1));
        assertThrows(IllegalArgumentException.class, () -> new VadOptions(0.3f, 5, 0.25, 0, 2, 512, 16_000));
    }

    /** A minimal ONNX ModelProto: ir_version 8 and a graph with one input and one output. */
    private static byte[] onnxModel(String input, String output) {
        byte[] graph = concat(field(11, field(1, utf8(input))), field(12, field(1, utf8(output))));
        return concat(new byte[] {0x08, 0x08}, field(7, graph));
    }

    private static byte[] field(int number, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(number << 3 | 2);
        for (int length = payload.length; ; length >>>= 7) {
            if (length < 0x80) {
                out.write(length);
                break;
            }
            out.write(length & 0x7f | 0x80);
        }
        out.writeBytes(payload);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
