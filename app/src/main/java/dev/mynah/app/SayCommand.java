package dev.mynah.app;

import dev.mynah.nativelibs.sherpa.PiperVoice;
import dev.mynah.nativelibs.sherpa.SynthesisOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code mynah say "text"}: speak with a Piper voice, to a WAV file or to the speaker. */
@Command(name = "say", mixinStandardHelpOptions = true,
        description = "Speak text with a Piper voice through sherpa-onnx, into a WAV file (--out) or to the speaker.")
final class SayCommand implements Callable<Integer> {
    private static final List<Path> ESPEAK_DATA_LOCATIONS = List.of(
            Path.of("/opt/homebrew/share/espeak-ng-data"), Path.of("/usr/local/share/espeak-ng-data"),
            Path.of("/usr/lib/x86_64-linux-gnu/espeak-ng-data"), Path.of("/usr/lib/aarch64-linux-gnu/espeak-ng-data"),
            Path.of("/usr/share/espeak-ng-data"));

    @Parameters(paramLabel = "TEXT", description = "What to say.")
    String text;

    @Option(names = "--out", paramLabel = "FILE.wav", description = "Write 16-bit PCM WAV here instead of playing it.")
    Path out;

    @Option(names = "--voice", paramLabel = "FILE.onnx|DIR", description = "A Piper voice: an .onnx file with its "
            + ".onnx.json beside it, or a sherpa-onnx voice directory (default: the catalogue's voice in the app-data "
            + "models directory).")
    Path voice;

    @Option(names = "--espeak-data", paramLabel = "DIR", description = "espeak-ng's data directory, for an .onnx "
            + "voice (default: the system's espeak-ng data).")
    Path espeakData;

    @Option(names = "--speed", description = "Speaking speed, 1 is normal (default: ${DEFAULT-VALUE}).")
    float speed = 1f;

    @Option(names = "--speaker", description = "Speaker id of a multi-speaker voice (default: ${DEFAULT-VALUE}).")
    int speaker;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path voicePath = voice != null ? voice : ModelCatalog.bundled().installedDefault("tts",
                AppDirectories.forUser(), "pass --voice (a Piper voice needs its .onnx.json beside it)");
        SynthesisOptions options = SynthesisOptions.defaults().withSpeed(speed).withSpeakerId(speaker);
        try (PiperVoice piper = Files.isDirectory(voicePath)
                ? PiperVoice.openSherpaLayout(voicePath)
                : PiperVoice.openPiper(voicePath, espeakData != null ? espeakData : systemEspeakData())) {
            if (out != null) {
                writeWav(piper.synthesize(text, options), piper.sampleRate(), out);
                spec.commandLine().getOut().println("Wrote " + out);
            } else {
                play(piper, options);
            }
        }
        return 0;
    }

    /** Plays each chunk as soon as it is synthesized, so speech starts before the last sentence is ready. */
    private void play(PiperVoice piper, SynthesisOptions options) throws LineUnavailableException {
        AudioFormat format = new AudioFormat(piper.sampleRate(), 16, 1, true, false);
        SourceDataLine line;
        try {
            line = AudioSystem.getSourceDataLine(format);
            line.open(format);
        } catch (LineUnavailableException | IllegalArgumentException e) {
            throw new IllegalStateException("No audio output is available (" + e.getMessage()
                    + "); use --out FILE.wav to write the speech to a file instead.");
        }
        try {
            line.start();
            piper.synthesize(text, options, chunk -> {
                byte[] pcm = toPcm16(chunk);
                line.write(pcm, 0, pcm.length);
                return true;
            });
            line.drain();
        } finally {
            line.close();
        }
    }

    private static void writeWav(float[] samples, int sampleRate, Path file) throws IOException {
        byte[] pcm = toPcm16(samples);
        AudioFormat format = new AudioFormat(sampleRate, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format, samples.length)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }

    private static byte[] toPcm16(float[] samples) {
        ByteBuffer pcm = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float sample : samples) {
            pcm.putShort((short) Math.round(Math.max(-1f, Math.min(1f, sample)) * Short.MAX_VALUE));
        }
        return pcm.array();
    }

    static Path systemEspeakData() {
        List<Path> tried = new ArrayList<>();
        for (Path candidate : ESPEAK_DATA_LOCATIONS) {
            if (Files.isRegularFile(candidate.resolve("phontab"))) {
                return candidate;
            }
            tried.add(candidate);
        }
        throw new IllegalStateException("espeak-ng's data was not found in " + tried + "; install espeak-ng "
                + "(macOS: brew install espeak-ng; Debian: apt-get install espeak-ng) or pass --espeak-data DIR.");
    }
}
