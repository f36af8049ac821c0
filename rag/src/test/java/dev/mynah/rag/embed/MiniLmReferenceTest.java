package dev.mynah.rag.embed;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedder runs MiniLM on sherpa-onnx's onnxruntime through Mynah's FFM binding; Microsoft's onnxruntime
 * Java API (JNI, onnxruntime 1.23 against sherpa-onnx's 1.28) running the same model on the same token ids
 * gives the same vectors, pooled and normalised here the plain way. Not always to the last bit: the model
 * quantizes its activations on the fly, and the two versions' kernels round a few of those differently
 * (seen: 2 of these 6 texts, cosine 0.997 and 0.9993); the rest agree to 1e-7.
 */
class MiniLmReferenceTest {
    private static final List<String> TEXTS = List.of(
            "How do I reset my password?",
            "Steps to change your login password",
            "The quarterly revenue grew by 5% while costs stayed flat, according to the annual report.",
            "apt-mark hold keeps a package at its current version",
            "你好世界",
            "x");

    @Test
    void vectorsEqualThoseOfAnIndependentOnnxruntime() throws Exception {
        WordPieceTokenizer tokenizer = MiniLmEmbedder.tokenizer();
        byte[] model;
        try (InputStream in = MiniLmEmbedder.class.getResourceAsStream("/all-minilm-l6-v2-q.onnx")) {
            model = in.readAllBytes();
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (MiniLmEmbedder embedder = MiniLmEmbedder.load(1);
             OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            try (OrtSession reference = env.createSession(model, options)) {
                int exact = 0;
                for (String text : TEXTS) {
                    float[] expected = referenceVector(env, reference, tokenizer, text);
                    float[] actual = embedder.embed(text);
                    assertEquals(MiniLmEmbedder.DIMENSIONS, actual.length);
                    double cosine = 0;
                    double largestDifference = 0;
                    for (int d = 0; d < actual.length; d++) {
                        cosine += expected[d] * actual[d];
                        largestDifference = Math.max(largestDifference, Math.abs(expected[d] - actual[d]));
                    }
                    assertTrue(cosine > 0.995, text + ": cosine " + cosine + " to the reference vector");
                    exact += largestDifference < 1e-5 ? 1 : 0;
                }
                assertTrue(exact >= TEXTS.size() - 2, "only " + exact + " of " + TEXTS.size()
                        + " vectors equal the reference's");
            }
        }
    }

    private static float[] referenceVector(OrtEnvironment env, OrtSession session, WordPieceTokenizer tokenizer,
                                           String text) throws Exception {
        int[] tokens = tokenizer.encode(text, MiniLmEmbedder.MAX_TOKENS);
        int length = tokens.length + 2;
        long[] ids = new long[length];
        ids[0] = tokenizer.clsId();
        for (int i = 0; i < tokens.length; i++) {
            ids[i + 1] = tokens[i];
        }
        ids[length - 1] = tokenizer.sepId();
        long[] ones = new long[length];
        Arrays.fill(ones, 1);
        long[] shape = {1, length};
        try (OnnxTensor inputIds = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
             OnnxTensor mask = OnnxTensor.createTensor(env, LongBuffer.wrap(ones), shape);
             OnnxTensor types = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[length]), shape);
             OrtSession.Result result = session.run(Map.of("input_ids", inputIds, "attention_mask", mask,
                     "token_type_ids", types))) {
            FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
            double[] mean = new double[MiniLmEmbedder.DIMENSIONS];
            for (int t = 0; t < length; t++) {
                for (int d = 0; d < mean.length; d++) {
                    mean[d] += hidden.get(t * mean.length + d) / (double) length;
                }
            }
            double norm = 0;
            for (double value : mean) {
                norm += value * value;
            }
            float[] vector = new float[mean.length];
            for (int d = 0; d < mean.length; d++) {
                vector[d] = (float) (mean[d] / Math.sqrt(norm));
            }
            return vector;
        }
    }
}
