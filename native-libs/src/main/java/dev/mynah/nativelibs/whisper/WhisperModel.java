package dev.mynah.nativelibs.whisper;

import dev.mynah.nativelibs.CInterop;
import dev.mynah.nativelibs.gguf.InvalidModelFileException;
import dev.mynah.supply.PackageFetchException;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import static dev.mynah.nativelibs.whisper.WhisperLayouts.CONTEXT_PARAMS;
import static dev.mynah.nativelibs.whisper.WhisperLayouts.C_POINTER;
import static dev.mynah.nativelibs.whisper.WhisperLayouts.FULL_PARAMS;
import static dev.mynah.nativelibs.whisper.WhisperLayouts.TIMINGS;
import static dev.mynah.nativelibs.whisper.WhisperLayouts.TOKEN_DATA;
import static dev.mynah.nativelibs.whisper.WhisperLayouts.offset;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * A whisper.cpp model with its decoding state, turning 16 kHz mono PCM into a {@link Transcript}. One
 * transcription runs at a time; {@link #cancel()} may be called from any thread.
 */
public final class WhisperModel implements AutoCloseable {
    private static final BooleanSupplier NEVER = () -> false;

    private static final int SAMPLE_RATE = 16_000;
    private static final int SAMPLES_PER_AUDIO_CONTEXT = SAMPLE_RATE / 50; // the encoder sees 50 positions a second
    private static final double SECONDS_PER_TICK = 0.01; // whisper's timestamps count 10 ms steps

    private final Path path;
    private final MemorySegment context;
    private final Arena callbackArena = Arena.ofShared();
    private final MemorySegment newSegmentCallback;
    private final MemorySegment abortCallback;
    private final int audioContext;
    private final int endOfText;
    private volatile boolean cancelRequested;
    private volatile Consumer<Transcript.Segment> segmentListener;
    private volatile Throwable listenerFailure;
    private volatile BooleanSupplier callStop = NEVER;
    private double audioSeconds;
    private boolean closed;

    private WhisperModel(Path path, MemorySegment context) throws Throwable {
        this.path = path;
        this.context = context;
        this.audioContext = (int) WhisperNative.whisper_model_n_audio_ctx.invokeExact(context);
        this.endOfText = (int) WhisperNative.whisper_token_eot.invokeExact(context);
        this.newSegmentCallback = WhisperNative.upcall(this, "onNewSegments", WhisperNative.NEW_SEGMENT_CALLBACK,
                callbackArena);
        this.abortCallback = WhisperNative.upcall(this, "shouldAbort", WhisperNative.ABORT_CALLBACK, callbackArena);
    }

    /** Loads a model with whisper.cpp's default options. */
    public static WhisperModel load(Path path) throws WhisperLoadException {
        return load(path, WhisperModelOptions.defaults());
    }

    /** Checks the file in Java, then loads it with whisper.cpp together with one decoding state. */
    public static WhisperModel load(Path path, WhisperModelOptions options) throws WhisperLoadException {
        try {
            WhisperModelFile.read(path);
            WhisperLibrary.load();
        } catch (InvalidModelFileException | PackageFetchException e) {
            throw new WhisperLoadException(e.getMessage(), e);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment params = (MemorySegment) WhisperNative.whisper_context_default_params.invokeExact(
                    (SegmentAllocator) arena);
            params.set(JAVA_BOOLEAN, offset(CONTEXT_PARAMS, "use_gpu"), options.useGpu());
            params.set(JAVA_BOOLEAN, offset(CONTEXT_PARAMS, "flash_attn"), options.flashAttention());
            MemorySegment handle = (MemorySegment) WhisperNative.whisper_init_from_file_with_params.invokeExact(
                    arena.allocateFrom(path.toAbsolutePath().toString(), StandardCharsets.UTF_8), params);
            if (handle.equals(MemorySegment.NULL)) {
                throw new WhisperLoadException("whisper.cpp could not load " + path + " (see the log for its reason);"
                        + " the file may be damaged or not a whisper model. Download it again.");
            }
            return new WhisperModel(path, handle);
        } catch (WhisperLoadException e) {
            throw e;
        } catch (Throwable t) {
            throw new WhisperLoadException("whisper.cpp failed while loading " + path + ": " + t, t);
        }
    }

    public Path path() {
        return path;
    }

    /** The encoder's full context: 1500 positions (30 s of audio) in every published whisper model. */
    public int audioContext() {
        return audioContext;
    }

    /** Transcribes 16 kHz mono samples in [-1, 1]. */
    public Transcript transcribe(float[] pcm16kMono, TranscribeOptions options) {
        return transcribe(pcm16kMono, options, segment -> { });
    }

    /**
     * Transcribes 16 kHz mono samples in [-1, 1], handing each segment to {@code onSegment} as soon as whisper
     * finishes it (on the transcribing thread). Throws {@link TranscriptionCancelledException} after
     * {@link #cancel()}.
     */
    public Transcript transcribe(float[] pcm16kMono, TranscribeOptions options,
                                 Consumer<Transcript.Segment> onSegment) {
        return transcribe(pcm16kMono, options, onSegment, NEVER);
    }

    /**
     * As {@link #transcribe(float[], TranscribeOptions, Consumer)}, and also stops (with
     * {@link TranscriptionCancelledException}) as soon as {@code stopRequested} says so, including before it
     * starts: a per-call stop, which, unlike {@link #cancel()}, cannot be lost to a transcription that starts
     * just after it was asked for.
     */
    public synchronized Transcript transcribe(float[] pcm16kMono, TranscribeOptions options,
                                              Consumer<Transcript.Segment> onSegment, BooleanSupplier stopRequested) {
        ensureOpen();
        if (stopRequested.getAsBoolean()) {
            throw new TranscriptionCancelledException("Transcription was cancelled before it started.");
        }
        requireFinite(pcm16kMono);
        int audioCtx = options.trimAudioContext() ? audioContextFor(pcm16kMono.length) : audioContext;
        if (pcm16kMono.length == 0) {
            return new Transcript(List.of(), options.language(), new Transcript.Timings(0, 0, 0, 0, 0, audioCtx));
        }
        cancelRequested = false;
        listenerFailure = null;
        segmentListener = onSegment;
        callStop = stopRequested;
        audioSeconds = pcm16kMono.length / 16_000.0;
        long started = System.nanoTime();
        try (Arena arena = Arena.ofConfined()) {
            int status = runFull(pcm16kMono, options, audioCtx, arena);
            if (listenerFailure != null) {
                throw new IllegalStateException("a segment listener or stop check failed, so transcription stopped: "
                        + listenerFailure, listenerFailure);
            }
            if (cancelRequested || stopRequested.getAsBoolean()) {
                throw new TranscriptionCancelledException("Transcription was cancelled.");
            }
            if (status != 0) {
                throw new IllegalStateException("whisper.cpp failed to transcribe (error " + status
                        + "; see the log for its reason)");
            }
            List<Transcript.Segment> segments = new ArrayList<>();
            int count = (int) WhisperNative.whisper_full_n_segments.invokeExact(context);
            for (int i = 0; i < count; i++) {
                segments.add(segment(i, arena));
            }
            int languageId = (int) WhisperNative.whisper_full_lang_id.invokeExact(context);
            return new Transcript(segments, WhisperLibrary.languageCode(languageId),
                    timings((System.nanoTime() - started) / 1e6, audioCtx));
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("whisper.cpp failed to transcribe: " + t, t);
        } finally {
            segmentListener = null;
            callStop = NEVER;
        }
    }

    /**
     * Runs the encoder once on an empty spectrogram, exactly as whisper-bench does, and returns the call's
     * wall-clock milliseconds. Whisper pads the input to the encoder's window, which is the full 30 s unless a
     * trimmed transcription on this model set a shorter one; benchmarks give it a model of its own.
     */
    public synchronized double timeEncoder(int threads) {
        ensureOpen();
        try {
            int mels = (int) WhisperNative.whisper_model_n_mels.invokeExact(context);
            int status = (int) WhisperNative.whisper_set_mel.invokeExact(context, MemorySegment.NULL, 0, mels);
            if (status != 0) {
                throw new IllegalStateException("whisper.cpp rejected the spectrogram (error " + status + ")");
            }
            long started = System.nanoTime();
            status = (int) WhisperNative.whisper_encode.invokeExact(context, 0, threads);
            double millis = (System.nanoTime() - started) / 1e6;
            if (status != 0) {
                throw new IllegalStateException("whisper.cpp failed to encode (error " + status
                        + "; see the log for its reason)");
            }
            return millis;
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("whisper.cpp failed to encode: " + t, t);
        }
    }

    /** Stops the transcription in progress as soon as whisper.cpp next checks (between graph nodes). */
    public void cancel() {
        cancelRequested = true;
    }

    /** The encoder positions an utterance of {@code samples} needs, at most the model's full context. */
    int audioContextFor(int samples) {
        return Math.clamp((samples + SAMPLES_PER_AUDIO_CONTEXT - 1L) / SAMPLES_PER_AUDIO_CONTEXT, 1, audioContext);
    }

    private int runFull(float[] pcm, TranscribeOptions options, int audioCtx, Arena arena) throws Throwable {
        int strategy = options.beamSize() > 1 ? WhisperLayouts.SAMPLING_BEAM_SEARCH : WhisperLayouts.SAMPLING_GREEDY;
        MemorySegment params = ((MemorySegment) WhisperNative.whisper_full_default_params_by_ref.invokeExact(strategy))
                .reinterpret(FULL_PARAMS.byteSize());
        try {
            setInt(params, options.threads(), "n_threads");
            setBoolean(params, false, "print_progress");
            setBoolean(params, false, "print_timestamps");
            setBoolean(params, !options.timestamps(), "no_timestamps");
            setBoolean(params, options.tokenTimestamps(), "token_timestamps");
            setBoolean(params, options.singleSegment(), "single_segment");
            setBoolean(params, options.suppressNonSpeech(), "suppress_nst");
            setInt(params, audioCtx == audioContext ? 0 : audioCtx, "audio_ctx");
            setFloat(params, options.temperature(), "temperature");
            setFloat(params, options.temperatureIncrement(), "temperature_inc");
            setInt(params, options.beamSize(), "beam_search", "beam_size");
            setPointer(params, cString(arena, options.language() == null ? "auto" : options.language()), "language");
            setPointer(params, cString(arena, options.initialPrompt()), "initial_prompt");
            setPointer(params, newSegmentCallback, "new_segment_callback");
            setPointer(params, abortCallback, "abort_callback");
            MemorySegment samples = arena.allocateFrom(JAVA_FLOAT, pcm);
            WhisperNative.whisper_reset_timings.invokeExact(context);
            return (int) WhisperNative.whisper_full.invokeExact(context, params, samples, pcm.length);
        } finally {
            WhisperNative.whisper_free_params.invokeExact(params);
        }
    }

    private Transcript.Segment segment(int index, Arena arena) throws Throwable {
        long t0 = (long) WhisperNative.whisper_full_get_segment_t0.invokeExact(context, index);
        long t1 = (long) WhisperNative.whisper_full_get_segment_t1.invokeExact(context, index);
        String text = CInterop.string((MemorySegment) WhisperNative.whisper_full_get_segment_text.invokeExact(context,
                index));
        float noSpeech = (float) WhisperNative.whisper_full_get_segment_no_speech_prob.invokeExact(context, index);
        int tokenCount = (int) WhisperNative.whisper_full_n_tokens.invokeExact(context, index);
        List<Transcript.Token> tokens = new ArrayList<>(tokenCount);
        for (int i = 0; i < tokenCount; i++) {
            MemorySegment data = (MemorySegment) WhisperNative.whisper_full_get_token_data.invokeExact(
                    (SegmentAllocator) arena, context, index, i);
            int id = data.get(JAVA_INT, offset(TOKEN_DATA, "id"));
            if (id >= endOfText) {
                continue; // control and timestamp tokens carry no text
            }
            String tokenText = CInterop.string((MemorySegment) WhisperNative.whisper_full_get_token_text.invokeExact(
                    context, index, i));
            long tokenStart = data.get(JAVA_LONG, offset(TOKEN_DATA, "t0"));
            long tokenEnd = data.get(JAVA_LONG, offset(TOKEN_DATA, "t1"));
            tokens.add(new Transcript.Token(id, tokenText, data.get(JAVA_FLOAT, offset(TOKEN_DATA, "p")),
                    tokenStart < 0 ? Double.NaN : withinAudio(tokenStart),
                    tokenEnd < 0 ? Double.NaN : withinAudio(tokenEnd)));
        }
        return new Transcript.Segment(withinAudio(t0), Math.max(withinAudio(t0), withinAudio(t1)), text, noSpeech,
                tokens);
    }

    /**
     * A whisper timestamp (in 10 ms ticks) in seconds, no later than the end of the audio: whisper decodes a
     * 30-second window and may place timestamps in the padding after a short utterance.
     */
    private double withinAudio(long ticks) {
        return Math.min(ticks * SECONDS_PER_TICK, audioSeconds);
    }

    private Transcript.Timings timings(double totalMillis, int audioCtx) throws Throwable {
        MemorySegment timings = ((MemorySegment) WhisperNative.whisper_get_timings.invokeExact(context))
                .reinterpret(TIMINGS.byteSize());
        try {
            return new Transcript.Timings(totalMillis, timings.get(JAVA_FLOAT, offset(TIMINGS, "encode_ms")),
                    timings.get(JAVA_FLOAT, offset(TIMINGS, "decode_ms")),
                    timings.get(JAVA_FLOAT, offset(TIMINGS, "batchd_ms")),
                    timings.get(JAVA_FLOAT, offset(TIMINGS, "prompt_ms")), audioCtx);
        } finally {
            WhisperNative.free.invokeExact(timings);
        }
    }

    @SuppressWarnings("unused") // called from native code on the transcribing thread
    void onNewSegments(MemorySegment ctx, MemorySegment state, int newCount, MemorySegment userData) {
        try {
            Consumer<Transcript.Segment> listener = segmentListener;
            int total = (int) WhisperNative.whisper_full_n_segments.invokeExact(context);
            try (Arena arena = Arena.ofConfined()) {
                for (int i = total - newCount; i < total; i++) {
                    listener.accept(segment(i, arena));
                }
            }
        } catch (Throwable t) {
            // An exception escaping an upcall kills the JVM; a failing listener stops the transcription instead.
            listenerFailure = t;
        }
    }

    @SuppressWarnings("unused") // called from native code, possibly on ggml's worker threads
    boolean shouldAbort(MemorySegment userData) {
        try {
            return cancelRequested || listenerFailure != null || callStop.getAsBoolean();
        } catch (Throwable t) {
            // An exception escaping an upcall kills the JVM; a failing stop check stops the transcription.
            listenerFailure = t;
            return true;
        }
    }

    private static void requireFinite(float[] pcm) {
        for (int i = 0; i < pcm.length; i++) {
            if (!Float.isFinite(pcm[i])) {
                throw new IllegalArgumentException("audio sample " + i + " is " + pcm[i]
                        + "; whisper needs finite 16 kHz mono samples in [-1, 1]");
            }
        }
    }

    private static MemorySegment cString(Arena arena, String text) {
        return text == null ? MemorySegment.NULL : arena.allocateFrom(text, StandardCharsets.UTF_8);
    }

    private static void setInt(MemorySegment params, int value, String... member) {
        params.set(JAVA_INT, offset(FULL_PARAMS, member), value);
    }

    private static void setFloat(MemorySegment params, float value, String member) {
        params.set(JAVA_FLOAT, offset(FULL_PARAMS, member), value);
    }

    private static void setBoolean(MemorySegment params, boolean value, String member) {
        params.set(JAVA_BOOLEAN, offset(FULL_PARAMS, member), value);
    }

    private static void setPointer(MemorySegment params, MemorySegment value, String member) {
        params.set(C_POINTER, offset(FULL_PARAMS, member), value);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the whisper model " + path + " is closed");
        }
    }

    /** Frees the model and its state; waits for a transcription in progress to finish. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            WhisperNative.whisper_free.invokeExact(context);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        callbackArena.close();
    }
}
