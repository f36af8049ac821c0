package dev.mynah.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mynah.voice.audio.WavReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code mynah vad} on speech synthesized with espeak-ng, stored as 44.1 kHz stereo between known silences. */
class VadCommandTest {

    /** espeak-ng's "Set a timer for ten minutes." between 1.5 s silences, as 44.1 kHz stereo, and where it is. */
    private record Clip(File file, double trueStart, double trueEnd, double seconds) {
    }

    private static Clip spokenClip(Path dir) throws Exception {
        Path spoken = dir.resolve("spoken.wav");
        Process espeak = new ProcessBuilder("espeak-ng", "-w", spoken.toString(), "Set a timer for ten minutes.")
                .redirectErrorStream(true).start();
        espeak.getInputStream().readAllBytes();
        assertEquals(0, espeak.waitFor(), "espeak-ng must be installed (Debian: apt-get install espeak-ng)");

        AudioInputStream speech = AudioSystem.getAudioInputStream(
                new AudioFormat(44_100, 16, 1, true, false), AudioSystem.getAudioInputStream(spoken.toFile()));
        byte[] speechBytes = speech.readAllBytes();
        short[] mono = new short[speechBytes.length / 2];
        ByteBuffer.wrap(speechBytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(mono);
        int lead = 44_100 + 22_050; // 1.5 s of silence before and after
        ByteBuffer stereo = ByteBuffer.allocate((lead * 2 + mono.length) * 4).order(ByteOrder.LITTLE_ENDIAN);
        stereo.position(lead * 4);
        for (short s : mono) {
            stereo.putShort(s).putShort(s);
        }
        File clip = dir.resolve("clip.wav").toFile();
        AudioFormat cd = new AudioFormat(44_100, 16, 2, true, false);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(stereo.array()), cd, lead * 2L + mono.length),
                AudioFileFormat.Type.WAVE, clip);

        // The truth: first and last sample of the synthesized speech louder than -46 dBFS.
        int first = 0;
        int last = mono.length - 1;
        while (Math.abs(mono[first]) < 164) {
            first++;
        }
        while (Math.abs(mono[last]) < 164) {
            last--;
        }
        return new Clip(clip, (lead + first) / 44_100.0, (lead + last) / 44_100.0, (lead * 2.0 + mono.length) / 44_100);
    }

    private static JsonNode runJson(String... args) throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        assertEquals(0, cli.execute(args), out.toString());
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void printsTheSpeechSegmentAsJsonWithinAFewTensOfMilliseconds(@TempDir Path dir) throws Exception {
        Clip clip = spokenClip(dir);

        JsonNode result = runJson("vad", clip.file().getPath(), "--json");

        JsonNode segments = result.get("segments");
        assertEquals(1, segments.size(), result.toString());
        assertEquals(clip.trueStart(), segments.get(0).get("start").asDouble(), 0.1, result.toString());
        assertEquals(clip.trueEnd(), segments.get(0).get("end").asDouble(), 0.15, result.toString());
        assertTrue(result.path("frames").isMissingNode(), "frames only when asked for");
    }

    @Test
    void speechShorterThanTheMinimumIsIgnored(@TempDir Path dir) throws Exception {
        Clip clip = spokenClip(dir);
        double spoken = clip.trueEnd() - clip.trueStart();

        assertEquals(1, runJson("vad", clip.file().getPath(), "--json", "--min-speech", String.valueOf(spoken / 2))
                .get("segments").size());
        assertEquals(0, runJson("vad", clip.file().getPath(), "--json", "--min-speech", String.valueOf(spoken + 1.0))
                .get("segments").size());
    }

    @Test
    void printsTheSpeechProbabilityOfEvery32MillisecondFrame(@TempDir Path dir) throws Exception {
        Clip clip = spokenClip(dir);

        JsonNode frames = runJson("vad", clip.file().getPath(), "--json", "--frames").get("frames");

        int samplesAt16k = WavReader.readSpeech(clip.file().toPath()).length;
        assertEquals((samplesAt16k + 511) / 512, frames.size());
        double loudest = 0;
        for (int i = 0; i < frames.size(); i++) {
            JsonNode frame = frames.get(i);
            double start = frame.get("start").asDouble();
            double probability = frame.get("probability").asDouble();
            assertEquals(i * 0.032, start, 0.0005);
            assertTrue(probability >= 0 && probability <= 1, frame.toString());
            boolean farFromSpeech = start + 0.032 < clip.trueStart() - 0.1 || start > clip.trueEnd() + 0.3;
            if (farFromSpeech) {
                assertTrue(probability < 0.1, "silence at " + start + " s scores " + probability);
            } else {
                loudest = Math.max(loudest, probability);
            }
        }
        assertTrue(loudest > 0.9, "the speech never scores above " + loudest);
    }

    @Test
    void printsOneLinePerFrameAsText(@TempDir Path dir) throws Exception {
        Clip clip = spokenClip(dir);
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));

        assertEquals(0, cli.execute("vad", clip.file().getPath(), "--frames"));

        List<String> frameLines = out.toString().lines().filter(line -> line.startsWith("frame ")).toList();
        int frames = (WavReader.readSpeech(clip.file().toPath()).length + 511) / 512;
        assertEquals(frames, frameLines.size(), out.toString());
        assertTrue(frameLines.get(1).matches("frame +0\\.032 +[01]\\.\\d{3}"), frameLines.get(1));
        assertTrue(out.toString().contains("1 speech segment(s)"), out.toString());
    }

    @Test
    void explainsAFileThatIsNotAudio(@TempDir Path dir) throws Exception {
        Path text = java.nio.file.Files.writeString(dir.resolve("notes.wav"), "hello");
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute("vad", text.toString());

        assertEquals(1, code);
        assertTrue(err.toString().contains("not a WAV"), err.toString());
    }
}
