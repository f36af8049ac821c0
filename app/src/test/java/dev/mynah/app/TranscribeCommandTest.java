package dev.mynah.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mynah.fixtures.gguf.GgmlType;
import dev.mynah.fixtures.whisper.TinyWhisperModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code mynah transcribe} end to end on real whisper.cpp with the project's tiny random-weight model. */
class TranscribeCommandTest {

    @Test
    void transcribesAStereo44kWavIntoSegmentsWithinTheAudio(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("tiny-whisper.bin");
        TinyWhisperModel.write(model, TinyWhisperModel.Shape.tiny(), GgmlType.F16, 5);
        int frames = 3 * 44_100;
        ByteBuffer pcm = ByteBuffer.allocate(frames * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            short s = (short) (8000 * Math.sin(2 * Math.PI * 330 * i / 44_100.0));
            pcm.putShort(s).putShort(s);
        }
        Path wav = dir.resolve("clip.wav");
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm.array()),
                new AudioFormat(44_100, 16, 2, true, false), frames), AudioFileFormat.Type.WAVE, wav.toFile());

        MynahCli.Run run = MynahCli.run("transcribe", wav.toString(), "--model", model.toString(), "--language", "en", "--threads",
                "2", "--json");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode result = new ObjectMapper().readTree(run.out());
        assertEquals("en", result.get("language").asText());
        assertTrue(result.get("timings").get("total_ms").asDouble() > 0);
        for (JsonNode segment : result.get("segments")) {
            assertTrue(segment.get("start").asDouble() >= 0, segment.toString());
            assertTrue(segment.get("end").asDouble() <= 3.0 + 1e-6, segment.toString());
            assertTrue(segment.get("start").asDouble() <= segment.get("end").asDouble(), segment.toString());
        }
    }

    @Test
    void explainsAMissingModel(@TempDir Path dir) throws Exception {
        Path wav = dir.resolve("silence.wav");
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(new byte[32_000]),
                new AudioFormat(16_000, 16, 1, true, false), 16_000), AudioFileFormat.Type.WAVE, wav.toFile());

        MynahCli.Run run = MynahCli.run("transcribe", wav.toString(), "--model", dir.resolve("nope.bin").toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("nope.bin") && run.err().contains("does not exist"), run.err());
    }
}
