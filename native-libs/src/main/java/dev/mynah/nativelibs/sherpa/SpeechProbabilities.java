package dev.mynah.nativelibs.sherpa;

import dev.mynah.nativelibs.gguf.InvalidModelFileException;
import dev.mynah.nativelibs.onnx.OnnxSession;
import dev.mynah.nativelibs.onnx.Tensor;
import dev.mynah.supply.PackageFetchException;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * Silero VAD v5's speech probability for every 32 ms frame (512 samples of 16 kHz mono), computed by running
 * the model in sherpa-onnx's onnxruntime directly, since sherpa-onnx's C API only reports its decisions.
 * Frames are scored the way Silero's own wrapper does it: each with the 64 samples before it as context and
 * the recurrent state carried over. Use from one thread at a time; owns its session until {@link #close}.
 */
public final class SpeechProbabilities implements AutoCloseable {
    public static final int FRAME_SAMPLES = VadOptions.WINDOW_SIZE;
    public static final double FRAME_SECONDS = FRAME_SAMPLES / (double) VadOptions.SAMPLE_RATE;
    static final int CONTEXT_SAMPLES = 64;
    private static final long[] STATE_SHAPE = {2, 1, 128};
    /** A scalar, as the model declares it and Silero's own wrapper passes it. */
    private static final Tensor SAMPLE_RATE = Tensor.longs(new long[] {VadOptions.SAMPLE_RATE});

    private final OnnxSession session;
    private final float[] input = new float[CONTEXT_SAMPLES + FRAME_SAMPLES];
    private float[] state = new float[2 * 128];

    private SpeechProbabilities(OnnxSession session) {
        this.session = session;
    }

    /** Scores frames with the Silero VAD v5 model at {@code sileroModel}, checked in Java before onnxruntime does. */
    public static SpeechProbabilities open(Path sileroModel) throws InvalidModelFileException, PackageFetchException {
        Objects.requireNonNull(sileroModel, "sileroModel");
        if (!SileroVadModel.validate(sileroModel).equals(SileroVadModel.V5)) {
            throw new InvalidModelFileException(sileroModel, "it is Silero VAD v4; per-frame probabilities need v5 "
                    + "(" + SileroVadModel.PACKAGE.spec() + " has it)");
        }
        return new SpeechProbabilities(OnnxSession.open(sileroModel, 1));
    }

    /** The probability, in [0, 1], that the next {@value #FRAME_SAMPLES} samples are speech. */
    public float next(float[] frame) {
        if (frame.length != FRAME_SAMPLES) {
            throw new IllegalArgumentException("a frame is " + FRAME_SAMPLES + " samples, not " + frame.length);
        }
        VoiceActivityDetector.requireFinite(frame);
        System.arraycopy(frame, 0, input, CONTEXT_SAMPLES, FRAME_SAMPLES);
        Map<String, Tensor> outputs = session.run(Map.of(
                "input", Tensor.floats(input, 1, input.length),
                "state", Tensor.floats(state, STATE_SHAPE),
                "sr", SAMPLE_RATE));
        state = ((Tensor.Floats) outputs.get("stateN")).data();
        System.arraycopy(frame, FRAME_SAMPLES - CONTEXT_SAMPLES, input, 0, CONTEXT_SAMPLES);
        return ((Tensor.Floats) outputs.get("output")).data()[0];
    }

    /**
     * One probability per frame of a whole clip, frame {@code i} covering samples {@code [512 i, 512 (i + 1))};
     * a last partial frame is scored padded with silence. Resets first.
     */
    public float[] of(float[] pcm) {
        VoiceActivityDetector.requireFinite(pcm);
        reset();
        float[] probabilities = new float[(pcm.length + FRAME_SAMPLES - 1) / FRAME_SAMPLES];
        float[] frame = new float[FRAME_SAMPLES];
        for (int i = 0; i < probabilities.length; i++) {
            int from = i * FRAME_SAMPLES;
            int count = Math.min(FRAME_SAMPLES, pcm.length - from);
            System.arraycopy(pcm, from, frame, 0, count);
            Arrays.fill(frame, count, FRAME_SAMPLES, 0f);
            probabilities[i] = next(frame);
        }
        return probabilities;
    }

    /** Forgets the audio heard so far: the next frame is scored as the first of a clip. */
    public void reset() {
        Arrays.fill(input, 0f);
        state = new float[state.length];
    }

    @Override
    public void close() {
        session.close();
    }
}
