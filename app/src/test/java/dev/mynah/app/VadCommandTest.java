package dev.mynah.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code mynah vad} on speech synthesized with espeak-ng, stored as 44.1 kHz stereo between known silences. */
class VadCommandTest {

    @Test
    void printsTheSpeechSegmentAsJsonWithinAFewTensOfMilliseconds(@TempDir Path dir) throws Exception {
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
        double trueStart = (lead + first) / 44_100.0;
        double trueEnd = (lead + last) / 44_100.0;

        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        int code = cli.execute("vad", clip.getPath(), "--json");

        assertEquals(0, code);
        JsonNode segments = new ObjectMapper().readTree(out.toString()).get("segments");
        assertEquals(1, segments.size(), out.toString());
        assertEquals(trueStart, segments.get(0).get("start").asDouble(), 0.1, out.toString());
        assertEquals(trueEnd, segments.get(0).get("end").asDouble(), 0.15, out.toString());
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
