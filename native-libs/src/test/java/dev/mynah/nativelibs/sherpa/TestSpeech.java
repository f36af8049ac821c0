package dev.mynah.nativelibs.sherpa;

import dev.mynah.fixtures.speech.SpeechSamples;
import dev.mynah.supply.PackageCache;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Audio for the VAD tests, all 16 kHz mono: JFK's inaugural sentence from a pinned package, utterances spoken
 * by espeak-ng (Debian package espeak-ng) with their silent edges cut so that their extent is exact, silence.
 */
final class TestSpeech {
    static final int RATE = VadOptions.SAMPLE_RATE;
    /** Quieter than this (about -46 dBFS) counts as the silence around a synthesized utterance. */
    private static final float SYNTHETIC_SILENCE = 0.005f;

    private TestSpeech() {
    }

    static Path sileroModel() throws Exception {
        return SileroVadModel.fetch(PackageCache.forUser());
    }

    /** "And so my fellow Americans, ask not what your country can do for you...": 11 s, as recorded. */
    static float[] jfk() throws Exception {
        return read(SpeechSamples.jfkWav(PackageCache.forUser()));
    }

    /** {@code text} spoken by espeak-ng, cut to the first and last sample louder than -46 dBFS. */
    static float[] spoken(String text, Path workDir) throws Exception {
        Path wav = Files.createTempFile(workDir, "espeak-", ".wav");
        Process espeak = new ProcessBuilder("espeak-ng", "-w", wav.toString(), text)
                .redirectErrorStream(true).start();
        String output = new String(espeak.getInputStream().readAllBytes());
        if (!espeak.waitFor(60, TimeUnit.SECONDS) || espeak.exitValue() != 0) {
            throw new IllegalStateException("espeak-ng failed (apt-get install espeak-ng): " + output);
        }
        float[] pcm = read(wav);
        int first = 0;
        while (Math.abs(pcm[first]) < SYNTHETIC_SILENCE) {
            first++;
        }
        int last = pcm.length - 1;
        while (Math.abs(pcm[last]) < SYNTHETIC_SILENCE) {
            last--;
        }
        return java.util.Arrays.copyOfRange(pcm, first, last + 1);
    }

    static float[] silence(double seconds) {
        return new float[samples(seconds)];
    }

    static int samples(double seconds) {
        return (int) Math.round(seconds * RATE);
    }

    static double seconds(int samples) {
        return samples / (double) RATE;
    }

    static float[] concat(float[]... parts) {
        int length = 0;
        for (float[] part : parts) {
            length += part.length;
        }
        float[] joined = new float[length];
        int at = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, joined, at, part.length);
            at += part.length;
        }
        return joined;
    }

    /** Any WAV file Java Sound reads, converted to 16 kHz mono floats. */
    static float[] read(Path wav) throws Exception {
        AudioFormat target = new AudioFormat(RATE, 16, 1, true, false);
        try (AudioInputStream source = AudioSystem.getAudioInputStream(wav.toFile());
             AudioInputStream converted = AudioSystem.getAudioInputStream(target, source)) {
            ByteBuffer bytes = ByteBuffer.wrap(converted.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            float[] pcm = new float[bytes.remaining() / 2];
            for (int i = 0; i < pcm.length; i++) {
                pcm[i] = bytes.getShort() / 32768f;
            }
            return pcm;
        } catch (IOException e) {
            throw new IOException("cannot read " + wav + ": " + e.getMessage(), e);
        }
    }
}
