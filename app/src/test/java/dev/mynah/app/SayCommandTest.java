package dev.mynah.app;

import dev.mynah.fixtures.onnx.PiperStandInModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code mynah say} with the project's Piper-shaped stand-in voice, whose audio encodes the phoneme ids it was
 * given: the WAV written must carry one model call per sentence, framed as Piper frames phonemes.
 */
class SayCommandTest {

    @Test
    void writesTheSpeechOfEachSentenceIntoAWavAtTheVoicesRate(@TempDir Path dir) throws Exception {
        Path voice = dir.resolve("stand-in.onnx");
        PiperStandInModel.writePiperPair(voice, PiperStandInModel.Voice.english());
        Path wav = dir.resolve("said.wav");

        MynahCli.Run run = MynahCli.run("say", "Turn the lights on. Then play some music.", "--voice", voice.toString(),
                "--out", wav.toString());

        assertEquals(0, run.exitCode(), run.err());
        float[] samples;
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            assertEquals(PiperStandInModel.Voice.english().sampleRate(), Math.round(in.getFormat().getSampleRate()));
            byte[] bytes = in.readAllBytes();
            short[] pcm = new short[bytes.length / 2];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(pcm);
            samples = new float[pcm.length];
            for (int i = 0; i < pcm.length; i++) {
                samples[i] = pcm[i] / (float) Short.MAX_VALUE;
            }
        }
        List<PiperStandInModel.ModelCall> calls = PiperStandInModel.decode(samples, 1);
        assertEquals(2, calls.size(), "one model call per sentence");
        for (PiperStandInModel.ModelCall call : calls) {
            int[] ids = call.ids();
            assertEquals(PiperStandInModel.BOS_ID, ids[0]);
            assertEquals(PiperStandInModel.EOS_ID, ids[ids.length - 1]);
            assertTrue(ids.length > 10, "a sentence has many phonemes");
        }
    }

    @Test
    void explainsAMissingVoice(@TempDir Path dir) {
        MynahCli.Run run = MynahCli.run("say", "hello", "--voice", dir.resolve("none.onnx").toString(), "--out",
                dir.resolve("x.wav").toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("none.onnx"), run.err());
    }
}
