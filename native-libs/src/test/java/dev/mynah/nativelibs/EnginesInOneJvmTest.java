package dev.mynah.nativelibs;

import dev.mynah.fixtures.gguf.GgmlType;
import dev.mynah.fixtures.whisper.TinyWhisperModel;
import dev.mynah.nativelibs.llama.ContextOptions;
import dev.mynah.nativelibs.llama.GenerationOptions;
import dev.mynah.nativelibs.llama.LlamaContext;
import dev.mynah.nativelibs.llama.LlamaModel;
import dev.mynah.nativelibs.llama.Sampling;
import dev.mynah.nativelibs.llama.TinyModels;
import dev.mynah.nativelibs.llama.TokenStream;
import dev.mynah.nativelibs.sherpa.SherpaOnnxLibrary;
import dev.mynah.nativelibs.sherpa.SileroVadModel;
import dev.mynah.nativelibs.sherpa.VadOptions;
import dev.mynah.nativelibs.sherpa.VoiceActivityDetector;
import dev.mynah.nativelibs.whisper.TranscribeOptions;
import dev.mynah.nativelibs.whisper.WhisperLibrary;
import dev.mynah.nativelibs.whisper.WhisperModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * llama.cpp and whisper.cpp each carry their own ggml, and sherpa-onnx its own onnxruntime: all three load
 * into one JVM and keep working side by side.
 */
class EnginesInOneJvmTest {

    @Test
    void llamaWhisperAndSherpaOnnxWorkSideBySide(@TempDir Path dir) throws Exception {
        WhisperLibrary.load();
        SherpaOnnxLibrary.load();
        Path tinyModel = TinyModels.qwen3();

        try (LlamaModel model = LlamaModel.load(tinyModel);
             LlamaContext context = model.newContext(ContextOptions.chat(256).withThreads(2));
             TokenStream stream = context.generate(model.tokenize("Hello", false, false),
                     GenerationOptions.of(4, Sampling.greedy()))) {
            assertEquals(4, stream.drainTo(piece -> { }).generatedTokens());
        }

        assertEquals("1.9.1", WhisperLibrary.version());
        assertTrue(WhisperLibrary.systemInfo().contains("CPU :"), WhisperLibrary.systemInfo());
        // whisper's language table starts en, zh, de.
        assertEquals(0, WhisperLibrary.languageId("en"));
        assertEquals(1, WhisperLibrary.languageId("zh"));
        assertEquals(2, WhisperLibrary.languageId("de"));
        assertEquals(-1, WhisperLibrary.languageId("klingon"));

        assertEquals("1.13.8", SherpaOnnxLibrary.version());
        assertEquals("1.28.2", SherpaOnnxLibrary.onnxruntimeVersion());

        // And each does real work while the others are loaded: whisper transcribes, Silero finds no speech.
        Path whisperModel = dir.resolve("tiny-whisper.bin");
        TinyWhisperModel.write(whisperModel, TinyWhisperModel.Shape.tiny(), GgmlType.F16, 11);
        float[] silence = new float[2 * 16_000];
        try (WhisperModel whisper = WhisperModel.load(whisperModel)) {
            assertEquals("en", whisper.transcribe(silence, TranscribeOptions.defaults().withLanguage("en")).language());
        }
        try (VoiceActivityDetector vad = VoiceActivityDetector.open(SileroVadModel.fetch(), VadOptions.defaults())) {
            assertTrue(vad.segments(silence).isEmpty());
        }
    }
}
