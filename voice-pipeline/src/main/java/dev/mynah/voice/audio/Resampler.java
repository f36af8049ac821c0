package dev.mynah.voice.audio;

/**
 * Band-limited sample-rate conversion: each output sample is a Blackman-windowed sinc interpolation of the
 * input, with the cutoff lowered to the output's Nyquist frequency when downsampling, so that nothing above
 * 8 kHz folds back into the band whisper listens to. The filter is precomputed for every output phase of
 * the rate ratio, so converting half an hour of audio takes about a second.
 */
public final class Resampler {
    private static final int HALF_WIDTH_ZERO_CROSSINGS = 16;
    private static final int MAX_PHASES = 4096;

    private Resampler() {
    }

    public static float[] resample(float[] input, int fromRate, int toRate) {
        if (fromRate <= 0 || toRate <= 0) {
            throw new IllegalArgumentException("sample rates must be positive: " + fromRate + " -> " + toRate);
        }
        if (fromRate == toRate || input.length == 0) {
            return input.clone();
        }
        int gcd = gcd(fromRate, toRate);
        int up = toRate / gcd;      // output phases per input step
        int down = fromRate / gcd;
        double cutoff = Math.min(1.0, (double) toRate / fromRate);
        int halfWidth = (int) Math.ceil(HALF_WIDTH_ZERO_CROSSINGS / cutoff);
        int taps = 2 * halfWidth;
        int phases = Math.min(up, MAX_PHASES);
        // weights[p][k] is the weight of input sample (base - halfWidth + 1 + k) for output phase p / phases.
        double[][] weights = new double[phases][taps];
        for (int p = 0; p < phases; p++) {
            double fraction = (double) p / phases;
            for (int k = 0; k < taps; k++) {
                double distance = (k - halfWidth + 1) - fraction;
                weights[p][k] = sinc(distance * cutoff) * blackman(distance / halfWidth);
            }
        }
        int outputLength = (int) Math.max(1, (long) input.length * up / down);
        float[] output = new float[outputLength];
        for (int n = 0; n < outputLength; n++) {
            long position = (long) n * down;
            int base = (int) (position / up);
            // With more phases than the table holds, the nearest tabulated phase is used (error < 1/4096 sample).
            int phase = (int) ((position % up) * phases / up);
            double[] w = weights[phase];
            int first = base - halfWidth + 1;
            double sum = 0;
            double weightSum = 0;
            int from = Math.max(0, -first);
            int to = Math.min(taps, input.length - first);
            for (int k = from; k < to; k++) {
                sum += input[first + k] * w[k];
                weightSum += w[k];
            }
            // Normalising by the weights used keeps DC gain exactly 1, also at the edges.
            output[n] = weightSum == 0 ? 0f : (float) (sum / weightSum);
        }
        return output;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
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
