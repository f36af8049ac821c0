package dev.mynah.voice.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WavReaderTest {
    @TempDir
    Path dir;

    /** Writes {@code seconds} of a sine of {@code hz} at amplitude 0.5 in the given integer PCM format. */
    private Path sineWav(String name, float rate, int bits, int channels, boolean signed, double hz, double seconds)
            throws IOException {
        AudioFormat format = new AudioFormat(rate, bits, channels, signed, false);
        int frames = (int) (rate * seconds);
        int bytesPerSample = bits / 8;
        ByteBuffer data = ByteBuffer.allocate(frames * channels * bytesPerSample).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            double value = 0.5 * Math.sin(2 * Math.PI * hz * i / rate);
            for (int c = 0; c < channels; c++) {
                long scaled = Math.round(value * ((1L << (bits - 1)) - 1)) + (signed ? 0 : (1L << (bits - 1)));
                for (int b = 0; b < bytesPerSample; b++) {
                    data.put((byte) (scaled >> (8 * b)));
                }
            }
        }
        return write(name, format, data.array(), frames);
    }

    private Path write(String name, AudioFormat format, byte[] data, long frames) throws IOException {
        Path file = dir.resolve(name);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(data), format, frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }

    @Test
    void readsCommonPcmFormatsAs16kMonoKeepingPitchAndLevel() throws Exception {
        Path[] files = {
                sineWav("cd.wav", 44_100, 16, 2, true, 440, 1.0),
                sineWav("studio.wav", 48_000, 24, 1, true, 440, 1.0),
                sineWav("old.wav", 8_000, 8, 1, false, 440, 1.0),
                sineWav("wide.wav", 22_050, 32, 2, true, 440, 1.0),
                sineWav("native.wav", 16_000, 16, 1, true, 440, 1.0)};
        for (Path file : files) {
            float[] speech = WavReader.readSpeech(file);

            assertEquals(16_000, speech.length, 2, file.getFileName().toString());
            assertEquals(0.5, peak(speech, 800, speech.length - 800), 0.02, file + " keeps its level");
            assertEquals(440, dominantFrequency(speech), 5, file + " keeps its pitch");
        }
    }

    @Test
    void readsFloatWavAndRejectsNonFiniteSamples() throws Exception {
        AudioFormat format = new AudioFormat(AudioFormat.Encoding.PCM_FLOAT, 16_000, 32, 1, 4, 16_000, false);
        ByteBuffer data = ByteBuffer.allocate(4 * 1600).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 1600; i++) {
            data.putFloat((float) (0.25 * Math.sin(2 * Math.PI * 1000 * i / 16_000.0)));
        }
        Path good = write("float.wav", format, data.array(), 1600);
        assertEquals(0.25, peak(WavReader.readSpeech(good), 0, 1600), 0.01);

        data.putFloat(4 * 100, Float.NaN);
        Path damaged = write("nan.wav", format, data.array(), 1600);
        AudioFileException e = assertThrows(AudioFileException.class, () -> WavReader.readSpeech(damaged));
        assertTrue(e.getMessage().contains("sample 100 is NaN"), e.getMessage());
    }

    @Test
    void downsamplingRemovesWhatWouldFoldBackIntoTheSpeechBand() throws Exception {
        // 12 kHz is above 16 kHz audio's 8 kHz Nyquist limit; a naive decimator would alias it to 4 kHz.
        float[] speech = WavReader.readSpeech(sineWav("ultra.wav", 48_000, 16, 1, true, 12_000, 1.0));

        assertTrue(peak(speech, 800, speech.length - 800) < 0.01, "peak " + peak(speech, 800, speech.length - 800));
    }

    @Test
    void readsAThirtyMinuteRecordingAtAnotherRate() throws Exception {
        Path halfHour = sineWav("meeting.wav", 22_050, 16, 1, true, 440, 30 * 60);

        float[] speech = WavReader.readSpeech(halfHour);

        assertEquals(30 * 60 * 16_000, speech.length, 2);
        int lastMinute = speech.length - 16_000 * 60;
        assertEquals(0.5, peak(speech, lastMinute, lastMinute + 16_000), 0.02, "level kept to the end");
    }

    @Test
    void explainsFilesItCannotUse() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.wav"), "not audio at all");
        Path empty = write("empty.wav", new AudioFormat(16_000, 16, 1, true, false), new byte[0], 0);

        assertTrue(assertThrows(AudioFileException.class, () -> WavReader.readSpeech(text)).getMessage()
                .contains("not a WAV"));
        assertTrue(assertThrows(AudioFileException.class, () -> WavReader.readSpeech(empty)).getMessage()
                .contains("no audio samples"));
        assertTrue(assertThrows(AudioFileException.class, () -> WavReader.readSpeech(dir.resolve("missing.wav")))
                .getMessage().contains("does not exist"));
        assertTrue(assertThrows(AudioFileException.class, () -> WavReader.readSpeech(dir)).getMessage()
                .contains("directory"));
    }

    private static double peak(float[] samples, int from, int to) {
        double peak = 0;
        for (int i = from; i < to; i++) {
            peak = Math.max(peak, Math.abs(samples[i]));
        }
        return peak;
    }

    /** Frequency estimated from zero crossings of the middle of the signal, at 16 kHz. */
    private static double dominantFrequency(float[] samples) {
        int crossings = 0;
        int from = 1000;
        int to = samples.length - 1000;
        for (int i = from + 1; i < to; i++) {
            if ((samples[i - 1] < 0) != (samples[i] < 0)) {
                crossings++;
            }
        }
        return crossings / 2.0 / ((to - from) / 16_000.0);
    }
}
