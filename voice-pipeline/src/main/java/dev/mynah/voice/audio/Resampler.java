package dev.mynah.voice.audio;

/**
 * Band-limited sample-rate conversion: each output sample is a Blackman-windowed sinc interpolation of the
 * input, with the cutoff lowered to the output's Nyquist frequency when downsampling, so that nothing above
 * 8 kHz folds back into the band whisper listens to.
 */
public final class Resampler {
    private static final int HALF_WIDTH_ZERO_CROSSINGS = 16;

    private Resampler() {
    }

    public static float[] resample(float[] input, int fromRate, int toRate) {
        if (fromRate <= 0 || toRate <= 0) {
            throw new IllegalArgumentException("sample rates must be positive: " + fromRate + " -> " + toRate);
        }
        if (fromRate == toRate || input.length == 0) {
            return input.clone();
        }
        double step = (double) fromRate / toRate;
        double cutoff = Math.min(1.0, (double) toRate / fromRate);
        int halfWidth = (int) Math.ceil(HALF_WIDTH_ZERO_CROSSINGS / cutoff);
        int outputLength = (int) Math.max(1, Math.floor((long) input.length * (double) toRate / fromRate));
        float[] output = new float[outputLength];
        for (int n = 0; n < outputLength; n++) {
            double center = n * step;
            int first = (int) Math.floor(center) - halfWidth + 1;
            double sum = 0;
            double weights = 0;
            for (int i = first; i < first + 2 * halfWidth; i++) {
                if (i < 0 || i >= input.length) {
                    continue;
                }
                double x = (i - center) * cutoff;
                double w = sinc(x) * blackman((i - center) / halfWidth);
                sum += input[i] * w;
                weights += w;
            }
            // Normalising by the summed weights keeps DC gain exactly 1, also at the edges.
            output[n] = weights == 0 ? 0f : (float) (sum / weights);
        }
        return output;
    }

    private static double sinc(double x) {
        if (Math.abs(x) < 1e-9) {
            return 1.0;
        }
        double px = Math.PI * x;
        return Math.sin(px) / px;
    }

    /** Blackman window over [-1, 1]. */
    private static double blackman(double t) {
        if (t <= -1 || t >= 1) {
            return 0;
        }
        double phase = Math.PI * (t + 1);
        return 0.42 - 0.5 * Math.cos(phase) + 0.08 * Math.cos(2 * phase);
    }
}
