package dev.mynah.app;

import dev.mynah.fixtures.speech.SpeechSamples;
import dev.mynah.nativelibs.whisper.TranscribeOptions;
import dev.mynah.nativelibs.whisper.Transcript;
import dev.mynah.nativelibs.whisper.WhisperModel;
import dev.mynah.supply.PackageCache;
import dev.mynah.nativelibs.sherpa.PiperVoice;
import dev.mynah.nativelibs.sherpa.SynthesisOptions;
import dev.mynah.voice.audio.Resampler;
import dev.mynah.voice.audio.WavReader;
import dev.mynah.voice.eval.WordErrorRate;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
        String reason = "real model " + path + " is not present; download it from the URL in models.json to run "
                + "this acceptance test";
        if (!Files.isRegularFile(path)) {
            // The app module's test output goes to the console, so the reason shows in the build log too.
            System.out.println("[acceptance test skipped] " + reason);
        }
        assumeTrue(Files.isRegularFile(path), reason);
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

    @Test
    void aPiperVoiceIsUnderstoodByWhisperWithAtMostFifteenPercentWordErrors() throws Exception {
        Path voice = model("en_US-lessac-medium.onnx");
        Path baseEn = model("ggml-base.en.bin");
        List<String> sentences = List.of(
                "Set a timer for ten minutes.",
                "What is the weather like in Berlin tomorrow?",
                "Turn the volume down to thirty percent.",
                "Remind me to call my sister at six.",
                "Play some quiet piano music in the kitchen.",
                "How long will it take to drive to the airport?",
                "Open my notes from yesterday's meeting.",
                "Switch off the lights in the living room.",
                "Read me the first paragraph of the report.",
                "Add eggs, milk and bread to the shopping list.");

        StringBuilder reference = new StringBuilder();
        StringBuilder heard = new StringBuilder();
        try (PiperVoice piper = PiperVoice.openPiper(voice, SayCommand.systemEspeakData());
             WhisperModel whisper = WhisperModel.load(baseEn)) {
            for (String sentence : sentences) {
                float[] speech = Resampler.resample(piper.synthesize(sentence, SynthesisOptions.defaults()),
                        piper.sampleRate(), WavReader.SPEECH_RATE);
                reference.append(sentence).append(' ');
                heard.append(whisper.transcribe(speech, TranscribeOptions.defaults().withLanguage("en")).text())
                        .append(' ');
            }
        }

        double wer = WordErrorRate.of(reference.toString(), heard.toString());
        System.out.printf("Piper lessac-medium through whisper base.en: WER %.3f%n", wer);
        assertTrue(wer <= 0.15, "WER " + wer + "; whisper heard: " + heard);
    }
}
