package dev.mynah.nativelibs.whisper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bad whisper model file gets a clear Java exception; whisper.cpp (which aborts on bad input) never sees it. */
class BadWhisperModelFileTest {
    @TempDir
    static Path dir;

    private static String loadFailure(Path file) {
        return assertThrows(WhisperLoadException.class, () -> WhisperModel.load(file)).getMessage();
    }

    private static Path withHeaderField(String name, int field, int value) throws IOException {
        byte[] bytes = Files.readAllBytes(TinyWhisperModels.tiny());
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(4 * field, value);
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void theTinyModelPassesWithTheHyperparametersItWasWrittenWith() throws Exception {
        WhisperModelFile file = WhisperModelFile.read(TinyWhisperModels.tiny());
        assertEquals(new WhisperModelFile.Hyperparameters(51865, 1500, 64, 2, 1, 448, 64, 2, 1, 80, 1),
                file.hyperparameters());
        assertEquals(file.hyperparameters().expectedTensorCount(), file.tensorCount());
    }

    @Test
    void missingFile() {
        assertTrue(loadFailure(dir.resolve("nope.bin")).contains("does not exist"));
    }

    @Test
    void directory() {
        assertTrue(loadFailure(dir).contains("is a directory"));
    }

    @Test
    void notAModelFile() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.bin"), "These are my notes, not a model. ".repeat(10));
        assertTrue(loadFailure(text).contains("not a whisper.cpp model file"));
    }

    @Test
    void emptyFile() throws IOException {
        assertTrue(loadFailure(Files.createFile(dir.resolve("empty.bin"))).contains("too small"));
    }

    @Test
    void truncatedInTheVocabulary() throws IOException {
        byte[] bytes = Files.readAllBytes(TinyWhisperModels.tiny());
        Path cut = Files.write(dir.resolve("cut-vocab.bin"), Arrays.copyOf(bytes, 80_000));
        String message = loadFailure(cut);
        assertTrue(message.contains("truncated in its vocabulary"), message);
    }

    @Test
    void truncatedInTheTensorData() throws IOException {
        byte[] bytes = Files.readAllBytes(TinyWhisperModels.tiny());
        Path cut = Files.write(dir.resolve("cut-data.bin"), Arrays.copyOf(bytes, bytes.length - 1000));
        String message = loadFailure(cut);
        assertTrue(message.contains("truncated in its tensor data") && message.contains("download"), message);
    }

    @Test
    void hugeVocabularyInTheHeader() throws IOException {
        String message = loadFailure(withHeaderField("vocab.bin", 1, 2_000_000_000));
        assertTrue(message.contains("header is corrupt: n_vocab is 2000000000"), message);
    }

    @Test
    void negativeWidthInTheHeader() throws IOException {
        assertTrue(loadFailure(withHeaderField("state.bin", 3, -64)).contains("n_audio_state is -64"));
    }

    @Test
    void headsThatDoNotDivideTheWidth() throws IOException {
        assertTrue(loadFailure(withHeaderField("heads.bin", 4, 3)).contains("do not fit together"));
    }

    @Test
    void unknownWeightType() throws IOException {
        assertTrue(loadFailure(withHeaderField("ftype.bin", 11, 42)).contains("weight type code 42"));
    }

    @Test
    void moreLayersThanTheFileHolds() throws IOException {
        String message = loadFailure(withHeaderField("layers.bin", 5, 4));
        assertTrue(message.contains("holds 50 of the 95 tensors"), message);
    }
}
