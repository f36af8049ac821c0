package dev.mynah.nativelibs.sherpa;

import dev.mynah.fixtures.onnx.PiperStandInModel;
import dev.mynah.fixtures.onnx.PiperStandInModel.Voice;
import dev.mynah.nativelibs.gguf.InvalidModelFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad voices, espeak-ng data and options get clear Java exceptions; sherpa-onnx, which exits the process on
 * them, never sees them (a dead JVM would fail the whole run, not one test).
 */
class PiperVoiceBadInputTest {
    @TempDir
    static Path dir;

    private static String layoutFailure(Path layout) {
        return assertThrows(InvalidModelFileException.class, () -> PiperVoice.openSherpaLayout(layout)).getMessage();
    }

    private static String pairFailure(Path onnx, Path espeakData) {
        return assertThrows(InvalidModelFileException.class, () -> PiperVoice.openPiper(onnx, espeakData))
                .getMessage();
    }

    private static void assertMentions(String message, String expected) {
        assertTrue(message.contains(expected), message);
    }

    @Test
    void missingEspeakDataDirectory() throws Exception {
        Path onnx = PiperTestVoices.piperPair(dir, Voice.english());
        assertMentions(pairFailure(onnx, dir.resolve("no-such-espeak-ng-data")),
                "espeak-ng data directory does not exist");
    }

    @Test
    void espeakDataDirectoryWithoutPhonemeTables() throws Exception {
        Path onnx = PiperTestVoices.piperPair(dir, Voice.english());
        Path empty = Files.createTempDirectory(dir, "empty-");
        assertMentions(pairFailure(onnx, empty), "has no phontab");
    }

    @Test
    void espeakVoiceThatDoesNotExist() throws Exception {
        Path onnx = PiperTestVoices.piperPair(dir, new Voice("xx-nowhere", "Nowhere", 22_050, 1));
        assertMentions(pairFailure(onnx, EspeakReference.dataDir()), "no voice \"xx-nowhere\"");
    }

    @Test
    void sherpaLayoutWithoutEspeakData() throws Exception {
        Path layout = PiperTestVoices.sherpaLayout(dir, Voice.english());
        Files.delete(layout.resolve("espeak-ng-data"));
        assertMentions(layoutFailure(layout), "espeak-ng data directory does not exist");
    }

    @Test
    void sherpaLayoutWithoutModel() throws Exception {
        Path layout = PiperTestVoices.sherpaLayout(dir, Voice.english());
        Files.delete(layout.resolve("model.onnx"));
        assertMentions(layoutFailure(layout), "does not exist");
    }

    @Test
    void fileInsteadOfLayoutDirectory() throws Exception {
        Path file = Files.writeString(dir.resolve("voice.txt"), "not a voice");
        assertMentions(layoutFailure(file), "not a directory");
    }

    @Test
    void truncatedModel() throws Exception {
        Path layout = PiperTestVoices.sherpaLayout(dir, Voice.english());
        byte[] whole = Files.readAllBytes(layout.resolve("model.onnx"));
        Files.write(layout.resolve("model.onnx"), Arrays.copyOf(whole, whole.length / 2));
        assertMentions(layoutFailure(layout), "truncated");
    }

    @Test
    void textFileAsModel() throws Exception {
        Path onnx = PiperTestVoices.piperPair(dir, Voice.english());
        Files.writeString(onnx, "These are my notes, not a voice. ".repeat(10));
        assertMentions(pairFailure(onnx, EspeakReference.dataDir()), "not an ONNX model file");
    }

    @Test
    void onnxModelOfAnotherKind() throws Exception {
        Path layout = PiperTestVoices.sherpaLayout(dir, Voice.english());
        Files.copy(TestSpeech.sileroModel(), layout.resolve("model.onnx"), StandardCopyOption.REPLACE_EXISTING);
        String message = layoutFailure(layout);
        assertMentions(message, "not a Piper voice");
        assertMentions(message, "[input, state, sr]");
    }

    @Test
    void piperModelWithoutSherpaMetadataInTheSherpaLayout() throws Exception {
        Path layout = PiperTestVoices.sherpaLayout(dir, Voice.english());
        Files.write(layout.resolve("model.onnx"), PiperStandInModel.model(Voice.english(), false));
        assertMentions(layoutFailure(layout), "metadata has no sample_rate");
    }

    @Test
    void tokensWithADuplicateSymbol() throws Exception {
        Path layout = PiperTestVoices.sherpaLayout(dir, Voice.english());
        Files.writeString(layout.resolve("tokens.txt"), PiperStandInModel.tokensTxt() + "a 200\n");
        assertMentions(layoutFailure(layout), "symbol \"a\" appears twice");
    }

    @Test
    void tokensWithoutEndSymbol() throws Exception {
        Path layout = PiperTestVoices.sherpaLayout(dir, Voice.english());
        Files.writeString(layout.resolve("tokens.txt"), PiperStandInModel.tokensTxt().replace("$ 2\n", ""));
        assertMentions(layoutFailure(layout), "it has no \"$\"");
    }

    @Test
    void tokensLineWithThreeFields() throws Exception {
        Path layout = PiperTestVoices.sherpaLayout(dir, Voice.english());
        Files.writeString(layout.resolve("tokens.txt"), PiperStandInModel.tokensTxt() + "ab 7 8\n");
        assertMentions(layoutFailure(layout), "is not \"<one symbol> <id>\"");
    }

    @Test
    void piperModelWithoutItsJson() throws Exception {
        Path onnx = PiperTestVoices.piperPair(dir, Voice.english());
        Files.delete(onnx.resolveSibling(onnx.getFileName() + ".json"));
        assertMentions(pairFailure(onnx, EspeakReference.dataDir()), ".onnx.json does not exist");
    }

    @Test
    void piperJsonThatIsNotJson() throws Exception {
        Path onnx = PiperTestVoices.piperPair(dir, Voice.english());
        Files.writeString(onnx.resolveSibling(onnx.getFileName() + ".json"), "{\"audio\": {\"sample_rate\": 22050");
        assertMentions(pairFailure(onnx, EspeakReference.dataDir()), "not valid JSON");
    }

    @Test
    void piperJsonWithoutPhonemeIdMap() throws Exception {
        Path onnx = PiperTestVoices.piperPair(dir, Voice.english());
        Path json = onnx.resolveSibling(onnx.getFileName() + ".json");
        Files.writeString(json, Files.readString(json).replace("\"phoneme_id_map\"", "\"renamed_map\""));
        assertMentions(pairFailure(onnx, EspeakReference.dataDir()), "no phoneme_id_map");
    }

    @Test
    void piperJsonMappingAPhonemeToTwoIds() throws Exception {
        Path onnx = PiperTestVoices.piperPair(dir, Voice.english());
        Path json = onnx.resolveSibling(onnx.getFileName() + ".json");
        String text = Files.readString(json);
        Files.writeString(json, text.replaceFirst("\"a\" : \\[ 14 \\]", "\"a\" : [ 14, 15 ]"));
        assertMentions(pairFailure(onnx, EspeakReference.dataDir()), "\"a\": [14,15] is not one visible symbol");
    }

    @Test
    void outOfRangeOptions() {
        assertThrows(IllegalArgumentException.class, () -> SynthesisOptions.defaults().withSpeed(0));
        assertThrows(IllegalArgumentException.class, () -> SynthesisOptions.defaults().withSpeed(Float.NaN));
        assertThrows(IllegalArgumentException.class, () -> SynthesisOptions.defaults().withSpeed(9));
        assertThrows(IllegalArgumentException.class, () -> SynthesisOptions.defaults().withSpeakerId(-1));
    }

    @Test
    void closedVoiceRefusesToSpeak() throws Exception {
        PiperVoice voice = PiperVoice.openSherpaLayout(PiperTestVoices.sherpaLayout(dir, Voice.english()));
        voice.close();
        assertThrows(IllegalStateException.class, () -> voice.synthesize("Hello.", SynthesisOptions.defaults()));
    }
}
