package dev.mynah.nativelibs.llama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenerationTest {
    private static LlamaModel model;
    private static int[] prompt;

    @BeforeAll
    static void load() throws Exception {
        model = LlamaModel.load(TinyModels.qwen3());
        prompt = model.tokenize(Qwen3ChatFormat.render(List.of(ChatMessage.system("You are Mynah."),
                ChatMessage.user("Turn the volume up a little.")), List.of(), true, false), false, true);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static ContextOptions options() {
        return ContextOptions.chat(1024).withThreads(2);
    }

    private static TokenStream.Result generate(int[] tokens, GenerationOptions generation) {
        try (LlamaContext context = model.newContext(options());
             TokenStream stream = context.generate(tokens, generation)) {
            return stream.drainTo(piece -> { });
        }
    }

    private static int[] generatedTokens(GenerationOptions generation) {
        try (LlamaContext context = model.newContext(options());
             TokenStream stream = context.generate(prompt, generation)) {
            stream.drainTo(piece -> { });
            return stream.tokens();
        }
    }

    @Test
    void greedyGenerationIsDeterministic() {
        GenerationOptions greedy = GenerationOptions.of(24, Sampling.greedy());

        int[] first = generatedTokens(greedy);
        int[] second = generatedTokens(greedy);

        assertEquals(24, first.length);
        assertArrayEquals(first, second);
    }

    @Test
    void seededSamplingIsReproducibleAndTheSeedMatters() {
        int[] a = generatedTokens(GenerationOptions.of(16, Sampling.seeded(7)));
        int[] b = generatedTokens(GenerationOptions.of(16, Sampling.seeded(7)));
        int[] c = generatedTokens(GenerationOptions.of(16, Sampling.seeded(8)));

        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c), "a different seed should sample differently");
    }

    @Test
    void grammarConstrainedOutputAlwaysParsesAsTheSchemaForManySeeds() throws Exception {
        String schema = """
                {"type": "object",
                 "properties": {
                   "name": {"const": "set_volume"},
                   "arguments": {"type": "object",
                     "properties": {
                       "percent": {"type": "integer"},
                       "device": {"type": "string", "maxLength": 12},
                       "muted": {"type": "boolean"},
                       "mode": {"enum": ["absolute", "relative"]}},
                     "required": ["percent", "mode"]}},
                 "required": ["name", "arguments"]}""";
        String grammar = JsonSchemaGrammar.fromSchema(schema);
        ObjectMapper json = new ObjectMapper();
        Set<String> distinct = new HashSet<>();
        for (int seed = 1; seed <= 10; seed++) {
            TokenStream.Result result = generate(prompt,
                    GenerationOptions.of(400, Sampling.seeded(seed).withGrammar(grammar)));

            assertEquals(TokenStream.StopReason.END_OF_GENERATION, result.stopReason(), result.text());
            JsonNode call = json.readTree(result.text());
            assertEquals("set_volume", call.get("name").asText());
            JsonNode args = call.get("arguments");
            assertTrue(args.get("percent").isIntegralNumber(), result.text());
            assertTrue(Set.of("absolute", "relative").contains(args.get("mode").asText()), result.text());
            if (args.has("device")) {
                String device = args.get("device").asText();
                assertTrue(args.get("device").isTextual() && device.codePointCount(0, device.length()) <= 12);
            }
            if (args.has("muted")) {
                assertTrue(args.get("muted").isBoolean());
            }
            Set<String> allowed = Set.of("percent", "device", "muted", "mode");
            args.fieldNames().forEachRemaining(f -> assertTrue(allowed.contains(f), "unexpected field " + f));
            distinct.add(result.text());
        }
        assertTrue(distinct.size() > 5, "random weights and different seeds should give different calls");
    }

    @Test
    void rejectsAGrammarThatDoesNotParse() {
        try (LlamaContext context = model.newContext(options())) {
            assertThrows(IllegalArgumentException.class, () -> context.generate(prompt,
                    GenerationOptions.of(4, Sampling.greedy().withGrammar("root ::= undefined-rule"))));
            // The context is still usable afterwards.
            try (TokenStream stream = context.generate(prompt, GenerationOptions.of(2, Sampling.greedy()))) {
                assertEquals(2, stream.drainTo(p -> { }).generatedTokens());
            }
        }
    }

    @Test
    void prefixReuseGivesTheSameLogitsAsAFullPrefillAndEvaluatesOnlyTheNewTokens() {
        int[] followUp = model.tokenize(Qwen3ChatFormat.render(List.of(ChatMessage.system("You are Mynah."),
                ChatMessage.user("Turn the volume up a little."), ChatMessage.assistant("Volume set to 60 percent."),
                ChatMessage.user("And mute notifications.")), List.of(), true, false), false, true);
        int common = commonPrefix(prompt, followUp);
        assertTrue(common > 10 && common < prompt.length, "the conversations share a real prefix");

        try (LlamaContext reusing = model.newContext(options()); LlamaContext fresh = model.newContext(options())) {
            reusing.prefill(prompt);
            LlamaContext.Prefill second = reusing.prefill(followUp);
            LlamaContext.Prefill full = fresh.prefill(followUp);

            assertEquals(common, second.reusedTokens());
            assertEquals(followUp.length - common, second.evaluatedTokens());
            assertEquals(followUp.length, full.evaluatedTokens());
            assertArrayEquals(followUp, reusing.cachedTokens());
            assertLogitsClose(fresh.logits(), reusing.logits());
        }
    }

    @Test
    void aFollowUpAfterGenerationReusesThePromptAndTheReply() {
        try (LlamaContext context = model.newContext(options())) {
            int[] reply;
            try (TokenStream stream = context.generate(prompt, GenerationOptions.of(8, Sampling.greedy()))) {
                stream.drainTo(p -> { });
                reply = stream.tokens();
            }
            int[] next = new int[prompt.length + reply.length + 3];
            System.arraycopy(prompt, 0, next, 0, prompt.length);
            System.arraycopy(reply, 0, next, prompt.length, reply.length);
            System.arraycopy(model.tokenize("ok!", false, false), 0, next, prompt.length + reply.length, 2);
            next = Arrays.copyOf(next, prompt.length + reply.length + 2);

            LlamaContext.Prefill prefill = context.prefill(next);

            // All but the last reply token were evaluated during generation and stay cached.
            assertEquals(prompt.length + reply.length - 1, prefill.reusedTokens());
            assertEquals(3, prefill.evaluatedTokens());
        }
    }

    @Test
    void stopStringsEndGenerationAndAreNotEmitted() {
        String full = generate(prompt, GenerationOptions.of(40, Sampling.greedy())).text();
        String stop = full.substring(full.length() / 2, full.length() / 2 + 3);
        int expectedEnd = full.indexOf(stop);

        List<String> pieces = new ArrayList<>();
        try (LlamaContext context = model.newContext(options());
             TokenStream stream = context.generate(prompt,
                     GenerationOptions.of(40, Sampling.greedy()).withStopStrings(stop))) {
            TokenStream.Result result = stream.drainTo(pieces::add);

            assertEquals(TokenStream.StopReason.STOP_STRING, result.stopReason());
            assertEquals(full.substring(0, expectedEnd), result.text());
            assertEquals(result.text(), String.join("", pieces));
        }
    }

    @Test
    void cancellingBetweenTokensStopsWithinOneToken() {
        try (LlamaContext context = model.newContext(options());
             TokenStream stream = context.generate(prompt, GenerationOptions.of(1000, Sampling.greedy()))) {
            int pieces = 0;
            while (stream.hasNext()) {
                stream.next();
                if (++pieces == 5) {
                    context.cancel();
                }
            }
            TokenStream.Result result = stream.result();

            assertEquals(TokenStream.StopReason.CANCELLED, result.stopReason());
            assertTrue(result.generatedTokens() <= 6, "generated " + result.generatedTokens());
        }
    }

    @Test
    void cancellingDuringALongPrefillAbortsItAndKeepsTheCacheConsistent() throws Exception {
        int[] longPrompt = new int[3000];
        for (int i = 0; i < longPrompt.length; i++) {
            longPrompt[i] = prompt[i % prompt.length];
        }
        ContextOptions smallBatches = new ContextOptions(4096, 32, 32, 2, 2,
                ContextOptions.FlashAttention.AUTO, false);
        try (LlamaContext context = model.newContext(smallBatches); LlamaContext fresh = model.newContext(smallBatches)) {
            AtomicBoolean done = new AtomicBoolean();
            Thread canceller = Thread.ofPlatform().start(() -> {
                while (!done.get()) {
                    if (context.cachedTokenCount() > 64) {
                        context.cancel();
                    }
                    Thread.onSpinWait();
                }
            });
            try {
                assertThrows(GenerationCancelledException.class, () -> context.prefill(longPrompt));
            } finally {
                done.set(true);
                canceller.join();
            }
            int[] kept = context.cachedTokens();
            assertTrue(kept.length < longPrompt.length, "prefill was stopped early");
            assertArrayEquals(Arrays.copyOf(longPrompt, kept.length), kept, "cache holds a prefix of the prompt");

            LlamaContext.Prefill resumed = context.prefill(longPrompt);
            fresh.prefill(longPrompt);

            assertEquals(kept.length, resumed.reusedTokens());
            assertLogitsClose(fresh.logits(), context.logits());
        }
    }

    @Test
    void refusesContextsTheModelCannotHold() {
        assertThrows(IllegalArgumentException.class, () -> model.newContext(ContextOptions.chat(1 << 30)));
        assertThrows(IllegalArgumentException.class, () -> ContextOptions.chat(8));
        assertThrows(IllegalArgumentException.class,
                () -> new ContextOptions(512, 64, 128, 2, 2, ContextOptions.FlashAttention.AUTO, false));
    }

    @Test
    void refusesAPromptLongerThanTheContext() {
        try (LlamaContext context = model.newContext(new ContextOptions(64, 64, 64, 2, 2,
                ContextOptions.FlashAttention.AUTO, false))) {
            int[] tooLong = new int[context.contextSize() + 1];
            Arrays.fill(tooLong, prompt[0]);
            assertThrows(ContextOverflowException.class, () -> context.prefill(tooLong));
        }
    }

    @Test
    void embeddingsArePooledNormalisedAndTextDependent() {
        try (LlamaContext context = model.newContext(ContextOptions.embedding(512).withThreads(2))) {
            float[] a = context.embed("Where is my tax return?");
            float[] again = context.embed("Where is my tax return?");
            float[] b = context.embed("Play some jazz in the kitchen.");

            assertEquals(64, a.length);
            assertEquals(1.0, norm(a), 1e-4);
            assertArrayEquals(a, again, 1e-6f);
            assertNotEquals(1.0, dot(a, b), 1e-3);
        }
    }

    private static void assertLogitsClose(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        float worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(worst < 1e-3f, "largest logit difference " + worst);
    }

    private static double norm(float[] v) {
        return Math.sqrt(dot(v, v));
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }

    private static int commonPrefix(int[] a, int[] b) {
        int mismatch = Arrays.mismatch(a, b);
        return mismatch < 0 ? Math.min(a.length, b.length) : mismatch;
    }
}
