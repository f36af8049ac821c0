package dev.mynah.voice.audio;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads any common WAV file (8-, 16-, 24- or 32-bit integer PCM, 32- or 64-bit float, mono or multichannel,
 * any rate) as 16 kHz mono float samples in [-1, 1], the input whisper.cpp and Silero VAD expect.
 */
public final class WavReader {
    public static final int SPEECH_RATE = 16_000;

    private WavReader() {
    }

    /** The file as 16 kHz mono; every problem becomes an {@link AudioFileException} naming the file. */
    public static float[] readSpeech(Path file) throws AudioFileException {
        Decoded decoded = read(file);
        return Resampler.resample(decoded.mono(), decoded.sampleRate(), SPEECH_RATE);
    }

    /** The file's samples downmixed to mono, at their own rate. */
    public record Decoded(float[] mono, int sampleRate, int channels) {
        public double seconds() {
            return (double) mono.length / sampleRate;
        }
    }

    public static Decoded read(Path file) throws AudioFileException {
        if (!Files.isRegularFile(file)) {
            throw new AudioFileException(file, Files.isDirectory(file) ? "it is a directory" : "the file does not exist");
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
             AudioInputStream audio = AudioSystem.getAudioInputStream(raw)) {
            AudioFormat format = audio.getFormat();
            byte[] bytes = audio.readAllBytes();
            float[] mono = downmix(decode(file, format, bytes), format.getChannels());
            if (mono.length == 0) {
                throw new AudioFileException(file, "it contains no audio samples");
            }
            return new Decoded(mono, Math.round(format.getSampleRate()), format.getChannels());
        } catch (UnsupportedAudioFileException e) {
            throw new AudioFileException(file, "it is not a WAV (or other audio) file Java Sound can read; "
                    + "convert it to a 16-bit PCM WAV, for example with: sox input output.wav");
        } catch (IOException e) {
            throw new AudioFileException(file, "it could not be read (" + e.getMessage() + ")");
        }
    }

    private static float[] decode(Path file, AudioFormat format, byte[] bytes) throws AudioFileException {
        int bits = format.getSampleSizeInBits();
        int bytesPerSample = (bits + 7) / 8;
        if (format.getChannels() < 1 || bytesPerSample < 1 || format.getSampleRate() < 1000
                || format.getSampleRate() > 384_000) {
            throw new AudioFileException(file, "its format is not usable: " + format);
        }
        AudioFormat.Encoding encoding = format.getEncoding();
        boolean floating = encoding.equals(AudioFormat.Encoding.PCM_FLOAT);
        boolean signed = encoding.equals(AudioFormat.Encoding.PCM_SIGNED);
        boolean unsigned = encoding.equals(AudioFormat.Encoding.PCM_UNSIGNED);
        if (!(floating && (bits == 32 || bits == 64)) && !((signed || unsigned) && bits <= 32 && bits % 8 == 0)) {
            throw new AudioFileException(file, "its encoding " + encoding + " with " + bits
                    + "-bit samples is not supported; convert it to 16-bit PCM");
        }
        int count = bytes.length / bytesPerSample;
        float[] samples = new float[count];
        boolean bigEndian = format.isBigEndian();
        for (int i = 0; i < count; i++) {
            long value = 0;
            for (int b = 0; b < bytesPerSample; b++) {
                int index = i * bytesPerSample + (bigEndian ? b : bytesPerSample - 1 - b);
                value = (value << 8) | (bytes[index] & 0xFF);
            }
            float sample;
            if (floating) {
                sample = bits == 32 ? Float.intBitsToFloat((int) value) : (float) Double.longBitsToDouble(value);
                if (!Float.isFinite(sample)) {
                    throw new AudioFileException(file, "sample " + i + " is " + sample
                            + "; the file is damaged");
                }
            } else if (unsigned) {
                sample = (float) ((value - (1L << (bits - 1))) / (double) (1L << (bits - 1)));
            } else {
                long signedValue = (value << (64 - bits)) >> (64 - bits);
                sample = (float) (signedValue / (double) (1L << (bits - 1)));
            }
            samples[i] = Math.max(-1f, Math.min(1f, sample));
        }
        return samples;
    }

    private static float[] downmix(float[] interleaved, int channels) {
        if (channels == 1) {
            return interleaved;
        }
        float[] mono = new float[interleaved.length / channels];
        for (int frame = 0; frame < mono.length; frame++) {
            float sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += interleaved[frame * channels + c];
            }
            mono[frame] = sum / channels;
        }
        return mono;
    }
}
