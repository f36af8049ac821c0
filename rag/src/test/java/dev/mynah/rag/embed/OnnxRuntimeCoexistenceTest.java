package dev.mynah.rag.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * sherpa-onnx brings its own onnxruntime (loaded through the FFM binding) and MiniLM runs on the Maven one
 * (loaded through JNI): in one JVM, whichever loads first, both keep giving correct results while used in turn.
 * Each order runs in a fresh child JVM ({@link OnnxRuntimeCoexistenceProbe}), since a library never unloads.
 */
class OnnxRuntimeCoexistenceTest {
    private static final String UTTERANCE = "Please remind me to call my mother tomorrow.";
    private static final List<String> SENTENCES = List.of("How do I reset my password?",
            "Steps to change your login password", "The quarterly revenue grew by 5%");
    private static final double VAD_TOLERANCE_SECONDS = 0.2;

    @TempDir
    static Path dir;
    private static Path speechWav;
    private static List<float[]> alone;

    @BeforeAll
    static void prepare() throws Exception {
        speechWav = dir.resolve("utterance.wav");
        Process espeak = new ProcessBuilder("espeak-ng", "-w", speechWav.toString(), UTTERANCE)
                .redirectErrorStream(true).start();
        String output = new String(espeak.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(espeak.waitFor(60, TimeUnit.SECONDS) && espeak.exitValue() == 0,
                "espeak-ng failed (apt-get install espeak-ng): " + output);
        // The vectors MiniLM gives in this JVM, where sherpa-onnx is not loaded.
        try (MiniLmEmbedder embedder = MiniLmEmbedder.load()) {
            alone = SENTENCES.stream().map(embedder::embed).toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sherpa-first", "minilm-first"})
    void sherpaOnnxAndMiniLmBothWorkInOneJvm(String order) throws Exception {
        JsonNode result = runProbe(order);

        double utterance = result.get("utteranceSeconds").asDouble();
        assertTrue(utterance > 1.5, "espeak-ng spoke the sentence: " + utterance + " s");
        if (order.equals("sherpa-first")) {
            assertFindsTheUtterance(result.get("speechBeforeMiniLmLoaded"), utterance);
        } else {
            assertVectorEquals(alone.getFirst(), result.get("embeddingBeforeSherpaLoaded"));
        }
        assertEquals(3, result.get("rounds").size());
        for (JsonNode round : result.get("rounds")) {
            assertFindsTheUtterance(round.get("speech"), utterance);
            assertEquals(0, round.get("silenceSegments").asInt(), "silence has no speech");
            JsonNode embeddings = round.get("embeddings");
            for (int i = 0; i < SENTENCES.size(); i++) {
                assertVectorEquals(alone.get(i), embeddings.get(i));
            }
            double paraphrase = dot(embeddings.get(0), embeddings.get(1));
            double unrelated = dot(embeddings.get(0), embeddings.get(2));
            assertTrue(paraphrase > unrelated + 0.2, paraphrase + " vs " + unrelated);
        }

        assertEquals("1.23.1", result.get("mavenOnnxruntimeVersion").asText());
        assertNotEquals(result.get("mavenOnnxruntimeVersion").asText(), result.get("sherpaOnnxruntimeVersion").asText(),
                "two different onnxruntime builds");
        if (Files.isReadable(Path.of("/proc/self/maps"))) {
            List<String> runtimes = new ArrayList<>();
            result.get("onnxruntimeLibraries").forEach(path -> runtimes.add(path.asText()));
            List<String> cores = runtimes.stream().filter(p -> p.contains("/libonnxruntime.so")).toList();
            assertEquals(2, cores.size(), "two copies of libonnxruntime.so mapped: " + runtimes);
            assertEquals(1, cores.stream().filter(p -> p.contains("sherpa-onnx")).count(), runtimes.toString());
            assertTrue(runtimes.stream().anyMatch(p -> p.contains("libonnxruntime4j_jni.so")), runtimes.toString());
        }
    }

    private static JsonNode runProbe(String order) throws Exception {
        Path resultFile = dir.resolve(order + ".json");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                OnnxRuntimeCoexistenceProbe.class.getName(), order, speechWav.toString(), resultFile.toString()));
        command.addAll(SENTENCES);
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(3, TimeUnit.MINUTES), "the probe JVM did not finish: " + output);
        assertEquals(0, child.exitValue(), "the probe JVM failed (" + order + "):\n" + output);
        return new ObjectMapper().readTree(resultFile.toFile());
    }

    /** One segment, from the end of the leading second of silence to the end of the utterance. */
    private static void assertFindsTheUtterance(JsonNode segments, double utteranceSeconds) {
        assertEquals(1, segments.size(), "segments: " + segments);
        assertEquals(1.0, segments.get(0).get(0).asDouble(), VAD_TOLERANCE_SECONDS, "start: " + segments);
        assertEquals(1.0 + utteranceSeconds, segments.get(0).get(1).asDouble(), VAD_TOLERANCE_SECONDS,
                "end: " + segments);
    }

    private static void assertVectorEquals(float[] expected, JsonNode actual) {
        assertEquals(expected.length, actual.size());
        for (int d = 0; d < expected.length; d++) {
            assertEquals(expected[d], actual.get(d).floatValue(), 1e-6f, "dimension " + d);
        }
    }

    private static double dot(JsonNode a, JsonNode b) {
        double sum = 0;
        for (int d = 0; d < a.size(); d++) {
            sum += a.get(d).asDouble() * b.get(d).asDouble();
        }
        return sum;
    }
}
