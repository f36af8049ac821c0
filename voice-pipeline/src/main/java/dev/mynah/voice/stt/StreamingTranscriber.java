package dev.mynah.voice.stt;

import dev.mynah.nativelibs.whisper.TranscribeOptions;
import dev.mynah.nativelibs.whisper.Transcript;
import dev.mynah.nativelibs.whisper.TranscriptionCancelledException;
import dev.mynah.nativelibs.whisper.WhisperModel;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Transcribes one utterance while it is spoken: re-decodes the growing audio on its own thread every step,
 * reports partial text whose stable prefix never changes, and after {@link #finish()} decodes the whole
 * utterance once more for the final transcript.
 */
public final class StreamingTranscriber implements AutoCloseable {
    private static final int SAMPLE_RATE = 16_000;

    private final WhisperModel model;
    private final TranscribeOptions options;
    private final int stepSamples;
    private final Consumer<Event> listener;
    private final LocalAgreement agreement = new LocalAgreement();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workArrived = lock.newCondition();
    private final Thread worker;
    private float[] audio = new float[SAMPLE_RATE * 10];
    private int length;
    private int decodedLength;
    private boolean decodingPartial;
    /** Set to stop the decode in progress (or about to start); a fresh one for every decode. */
    private AtomicBoolean stopDecode = new AtomicBoolean();
    private boolean finished;
    private volatile boolean closed;

    /** What the listener hears, always on the transcriber's thread and in order: partials, then one end. */
    public sealed interface Event permits Partial, Final, Failed {
    }

    /**
     * The utterance so far: {@code stableText} only ever grows, {@code unstableText} may still change;
     * {@code audioSeconds} is how much audio this hypothesis heard.
     */
    public record Partial(String stableText, String unstableText, double audioSeconds) implements Event {
        /** Stable and unstable text as one line to show. */
        public String text() {
            return stableText.isEmpty() || unstableText.isEmpty() ? stableText + unstableText
                    : stableText + " " + unstableText;
        }
    }

    /** The transcript of the whole utterance, exactly what a one-shot decode of the same audio gives. */
    public record Final(Transcript transcript) implements Event {
    }

    /** The utterance could not be transcribed; no other event follows. */
    public record Failed(RuntimeException error) implements Event {
    }

    private StreamingTranscriber(WhisperModel model, TranscribeOptions options, Duration step,
                                 Consumer<Event> listener) {
        if (!step.isPositive() || step.toMillis() < 1) {
            throw new IllegalArgumentException("the decoding step must be at least 1 ms, not " + step);
        }
        this.model = Objects.requireNonNull(model, "model");
        this.options = options.withTrimmedAudioContext(true);
        this.stepSamples = Math.toIntExact(step.toMillis() * SAMPLE_RATE / 1000);
        this.listener = Objects.requireNonNull(listener, "listener");
        this.worker = Thread.ofPlatform().name("mynah-streaming-transcriber").daemon().unstarted(this::run);
    }

    /**
     * Starts transcribing a new utterance with {@code model}, re-decoding after every {@code step} of new audio.
     * Every decode trims the encoder window to the audio, whatever {@code options} says.
     */
    public static StreamingTranscriber start(WhisperModel model, TranscribeOptions options, Duration step,
                                             Consumer<Event> listener) {
        StreamingTranscriber transcriber = new StreamingTranscriber(model, options, step, listener);
        transcriber.worker.start();
        return transcriber;
    }

    /** Appends 16 kHz mono samples; cheap enough for the capture thread. Ignored once closed. */
    public void accept(float[] pcm16kMono) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            if (finished) {
                throw new IllegalStateException("the utterance is finished; start a new StreamingTranscriber");
            }
            if (length + pcm16kMono.length > audio.length) {
                audio = Arrays.copyOf(audio, Math.max(audio.length * 2, length + pcm16kMono.length));
            }
            System.arraycopy(pcm16kMono, 0, audio, length, pcm16kMono.length);
            length += pcm16kMono.length;
            if (length - decodedLength >= stepSamples) {
                workArrived.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Ends the utterance: the final decode starts at once, abandoning a partial decode in progress. */
    public void finish() {
        lock.lock();
        try {
            if (closed || finished) {
                return;
            }
            finished = true;
            if (decodingPartial) {
                stopDecode.set(true); // its hypothesis would be stale, and it would delay the final one
            }
            workArrived.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Abandons the utterance, stopping any decode in progress; no event arrives after this returns. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            stopDecode.set(true);
            workArrived.signal();
        } finally {
            lock.unlock();
        }
        if (Thread.currentThread() == worker) {
            return;
        }
        boolean interrupted = false;
        while (worker.isAlive()) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (true) {
                float[] utterance;
                boolean last;
                AtomicBoolean stop;
                lock.lock();
                try {
                    while (!closed && !finished && length - decodedLength < stepSamples) {
                        workArrived.awaitUninterruptibly();
                    }
                    if (closed) {
                        return;
                    }
                    // Each decode takes all the audio there is, so decodes never queue up behind the speaker.
                    utterance = Arrays.copyOf(audio, length);
                    decodedLength = length;
                    last = finished;
                    decodingPartial = !last;
                    stopDecode = new AtomicBoolean();
                    stop = stopDecode;
                } finally {
                    lock.unlock();
                }
                if (last) {
                    Transcript transcript = model.transcribe(utterance, options, segment -> { }, stop::get);
                    emit(new Final(transcript));
                    return;
                }
                decodePartial(utterance, stop);
            }
        } catch (RuntimeException e) {
            emit(new Failed(e));
        }
    }

    private void decodePartial(float[] utterance, AtomicBoolean stop) {
        Transcript hypothesis;
        try {
            hypothesis = model.transcribe(utterance, options, segment -> { }, stop::get);
        } catch (TranscriptionCancelledException e) {
            return; // finish() or close() wants the worker back; the loop sees which
        } finally {
            lock.lock();
            try {
                decodingPartial = false;
            } finally {
                lock.unlock();
            }
        }
        emit(agreement.next(hypothesis.text(), (double) utterance.length / SAMPLE_RATE));
    }

    private void emit(Event event) {
        if (!closed) {
            listener.accept(event);
        }
    }
}
