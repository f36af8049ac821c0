package dev.mynah.app;

import dev.mynah.fixtures.speech.SpeechSamples;
import dev.mynah.nativelibs.whisper.TranscribeOptions;
import dev.mynah.nativelibs.whisper.Transcript;
import dev.mynah.nativelibs.whisper.WhisperModel;
import dev.mynah.supply.PackageCache;
import dev.mynah.voice.audio.WavReader;
import dev.mynah.voice.eval.WordErrorRate;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Quality on real models, which cannot be downloaded where the project is built: each test runs when the
 * model is in the app-data models directory (where Mynah downloads it) and is skipped with the reason
 * otherwise.
 */
class RealModelAcceptanceTest {

    private static Path model(String file) {
        Path path = AppDirectories.forUser().models().resolve(file);
        assumeTrue(Files.isRegularFile(path), "real model " + path + " is not present; download it from the URL "
                + "in models.json to run this acceptance test");
        return path;
    }

    @Test
    void whisperBaseEnTranscribesJfkWithAtMostTenPercentWordErrors() throws Exception {
        Path baseEn = model("ggml-base.en.bin");
        float[] jfk = WavReader.readSpeech(SpeechSamples.jfkWav(PackageCache.forUser()));

        Transcript transcript;
        try (WhisperModel whisper = WhisperModel.load(baseEn)) {
            transcript = whisper.transcribe(jfk, TranscribeOptions.defaults().withLanguage("en"));
        }

        double wer = WordErrorRate.of(SpeechSamples.JFK_TRANSCRIPT, transcript.text());
        System.out.printf("whisper base.en on jfk.wav: WER %.3f, \"%s\"%n", wer, transcript.text().strip());
        assertTrue(wer <= 0.10, "WER " + wer + " for: " + transcript.text());
    }
}
