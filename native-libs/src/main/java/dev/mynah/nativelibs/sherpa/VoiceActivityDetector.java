package dev.mynah.nativelibs.sherpa;

import dev.mynah.nativelibs.gguf.InvalidModelFileException;
import dev.mynah.supply.PackageFetchException;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static dev.mynah.nativelibs.sherpa.SherpaVadLayouts.SPEECH_SEGMENT;
import static dev.mynah.nativelibs.sherpa.SherpaVadLayouts.VAD_MODEL_CONFIG;
import static dev.mynah.nativelibs.sherpa.SherpaVadLayouts.offset;
import static dev.mynah.nativelibs.sherpa.SherpaVadLayouts.sileroOffset;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * Finds speech in 16 kHz mono PCM with Silero VAD running in sherpa-onnx. Feed audio with {@link #accept} as
 * it arrives and collect the segments it completes, then {@link #flush} at the end; or hand a whole clip to
 * {@link #segments}. Use from one thread at a time; owns its native detector until {@link #close}.
 */
public final class VoiceActivityDetector implements AutoCloseable {
    private static final long START_OFFSET = offset(SPEECH_SEGMENT, "start");
    private static final long N_OFFSET = offset(SPEECH_SEGMENT, "n");

    private final VadOptions options;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment detector;
    private final MemorySegment window;
    private final int paddingSamples;
    private long samplesFed;
    private long previousEnd;
    private boolean closed;

    private VoiceActivityDetector(Path model, VadOptions options) {
        this.options = options;
        this.paddingSamples = (int) Math.round(options.paddingSeconds() * options.sampleRate());
        this.window = arena.allocate(JAVA_FLOAT, options.windowSize());
        try (Arena config = Arena.ofConfined()) {
            MemorySegment vadConfig = config.allocate(VAD_MODEL_CONFIG);
            vadConfig.set(ADDRESS, sileroOffset("model"),
                    config.allocateFrom(model.toAbsolutePath().toString(), StandardCharsets.UTF_8));
            vadConfig.set(JAVA_FLOAT, sileroOffset("threshold"), options.threshold());
            vadConfig.set(JAVA_FLOAT, sileroOffset("min_silence_duration"), (float) options.minSilenceSeconds());
            vadConfig.set(JAVA_FLOAT, sileroOffset("min_speech_duration"), (float) options.minSpeechSeconds());
            vadConfig.set(JAVA_INT, sileroOffset("window_size"), options.windowSize());
            vadConfig.set(JAVA_FLOAT, sileroOffset("max_speech_duration"), (float) options.maxSpeechSeconds());
            vadConfig.set(JAVA_INT, offset(VAD_MODEL_CONFIG, "sample_rate"), options.sampleRate());
            vadConfig.set(JAVA_INT, offset(VAD_MODEL_CONFIG, "num_threads"), 1);
            vadConfig.set(ADDRESS, offset(VAD_MODEL_CONFIG, "provider"), config.allocateFrom("cpu"));
            // The circular buffer holds the segment in progress: room for the longest one plus its lead-in.
            float bufferSeconds = (float) Math.max(60, 2 * options.maxSpeechSeconds());
            MemorySegment created = (MemorySegment) SherpaVadNative.create.invokeExact(vadConfig, bufferSeconds);
            if (created.equals(MemorySegment.NULL)) {
                throw new IllegalStateException("sherpa-onnx refused the VAD configuration for " + model
                        + " with " + options + "; its log on stderr says why");
            }
            this.detector = created;
        } catch (RuntimeException | Error e) {
            arena.close();
            throw e;
        } catch (Throwable t) {
            arena.close();
            throw new IllegalStateException(t);
        }
    }

    /**
     * A detector over the Silero model at {@code sileroModel}, checked in Java first (it must be a Silero VAD
     * ONNX file), with sherpa-onnx loaded (and fetched on first use).
     */
    public static VoiceActivityDetector open(Path sileroModel, VadOptions options)
            throws InvalidModelFileException, PackageFetchException {
        Objects.requireNonNull(sileroModel, "sileroModel");
        Objects.requireNonNull(options, "options");
        SileroVadModel.validate(sileroModel);
        SherpaOnnxLibrary.load();
        return new VoiceActivityDetector(sileroModel, options);
    }

    public VadOptions options() {
        return options;
    }

    /** Feeds the next {@code pcm} samples (mono, 16 kHz, nominally in [-1, 1]) and returns the segments they complete. */
    public List<SpeechSegment> accept(float[] pcm) {
        requireOpen();
        requireFinite(pcm);
        if (samplesFed + pcm.length > Integer.MAX_VALUE) {
            // sherpa-onnx counts samples in int32.
            throw new IllegalStateException("the detector has seen 37 hours of audio since its last reset(); reset it");
        }
        List<SpeechSegment> completed = new ArrayList<>();
        // One window per call: sherpa-onnx reports a single speech decision for everything passed at once.
        for (int from = 0; from < pcm.length; from += options.windowSize()) {
            int count = Math.min(options.windowSize(), pcm.length - from);
            MemorySegment.copy(pcm, from, window, JAVA_FLOAT, 0, count);
            try {
                SherpaVadNative.acceptWaveform.invokeExact(detector, window, count);
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
            samplesFed += count;
            drainInto(completed, false);
        }
        return completed;
    }

    /** Ends the audio: a segment still in progress is closed where the audio ends and returned. */
    public List<SpeechSegment> flush() {
        requireOpen();
        try {
            SherpaVadNative.flush.invokeExact(detector);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        List<SpeechSegment> completed = new ArrayList<>();
        drainInto(completed, true);
        return completed;
    }

    /** True while the audio fed so far ends inside speech. */
    public boolean inSpeech() {
        requireOpen();
        try {
            return (int) SherpaVadNative.detected.invokeExact(detector) != 0;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Forgets all audio and pending segments; times count from zero again. */
    public void reset() {
        requireOpen();
        try {
            SherpaVadNative.reset.invokeExact(detector);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        samplesFed = 0;
        previousEnd = 0;
    }

    /** The speech segments of one whole clip, timed from its first sample; resets the detector first. */
    public List<SpeechSegment> segments(float[] pcm) {
        reset();
        List<SpeechSegment> segments = new ArrayList<>(accept(pcm));
        segments.addAll(flush());
        return List.copyOf(segments);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            SherpaVadNative.destroy.invokeExact(detector);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        } finally {
            arena.close();
        }
    }

    @SuppressWarnings("restricted")
    private void drainInto(List<SpeechSegment> completed, boolean endsWithTheAudio) {
        try {
            while ((int) SherpaVadNative.empty.invokeExact(detector) == 0) {
                MemorySegment front = ((MemorySegment) SherpaVadNative.front.invokeExact(detector))
                        .reinterpret(SPEECH_SEGMENT.byteSize());
                long start = front.get(JAVA_INT, START_OFFSET);
                // sherpa-onnx's flush stops at its last whole window; the open segment runs to the audio's end.
                long end = endsWithTheAudio ? samplesFed : start + front.get(JAVA_INT, N_OFFSET);
                SherpaVadNative.destroySpeechSegment.invokeExact(front);
                SherpaVadNative.pop.invokeExact(detector);
                completed.add(padded(start, end));
            }
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private SpeechSegment padded(long start, long end) {
        long paddedStart = Math.max(Math.max(0, start - paddingSamples), previousEnd);
        long paddedEnd = Math.min(end + paddingSamples, samplesFed);
        previousEnd = paddedEnd;
        double rate = options.sampleRate();
        return new SpeechSegment(paddedStart / rate, paddedEnd / rate);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this voice activity detector is closed");
        }
    }

    static void requireFinite(float[] pcm) {
        for (int i = 0; i < pcm.length; i++) {
            if (!Float.isFinite(pcm[i])) {
                throw new IllegalArgumentException("sample " + i + " is " + pcm[i]
                        + "; PCM for voice activity detection must be finite (nominally within [-1, 1])");
            }
        }
    }
}
