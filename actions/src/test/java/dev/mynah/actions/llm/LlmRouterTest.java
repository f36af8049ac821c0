package dev.mynah.actions.llm;

import dev.mynah.actions.ActionRegistry;
import dev.mynah.actions.Os;
import dev.mynah.actions.Plan;
import dev.mynah.fixtures.qwen3.TinyQwen3;
import dev.mynah.nativelibs.llama.ContextOptions;
import dev.mynah.nativelibs.llama.LlamaModel;
import dev.mynah.nativelibs.llama.Sampling;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The LLM route with the real llama binding and a tiny Qwen3 of random weights: the grammar alone must hold. */
class LlmRouterTest {
    private static final List<String> UTTERANCES = List.of("Turn the volume down to twenty percent.",
            "Play some jazz by Miles Davis.", "How many feet are in three meters?");
    private static final ActionRegistry REGISTRY = SampleActions.registry();
    private static LlamaModel model;

    @BeforeAll
    static void load() throws Exception {
        model = LlamaModel.load(TinyQwen3.model());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static LlmRouter router(ToolCallGrammar.Answers answers) {
        return new LlmRouter(model, REGISTRY, Os.LINUX, answers, ContextOptions.chat(4096).withThreads(2));
    }

    @Test
    void constrainedGenerationAlwaysYieldsCallsThatValidateIntoPlansForEverySeed() {
        Set<String> chosen = new HashSet<>();
        try (LlmRouter router = router(ToolCallGrammar.Answers.CALLS_ONLY)) {
            for (int seed = 1; seed <= 10; seed++) {
                for (String utterance : UTTERANCES) {
                    LlmAnswer answer = router.route(utterance, Sampling.seeded(seed));

                    LlmAnswer.Actions actions = assertInstanceOf(LlmAnswer.Actions.class, answer,
                            "seed " + seed + ", \"" + utterance + "\": " + answer);
                    assertTrue(actions.plans().size() <= ToolCallGrammar.MAX_CALLS);
                    for (Plan plan : actions.plans()) {
                        assertTrue(REGISTRY.find(plan.action().name()).isPresent());
                        assertTrue(plan.available() && !plan.steps().isEmpty(), "dry run has steps: " + plan);
                        assertEquals(Os.LINUX, plan.os());
                        chosen.add(plan.action().name());
                    }
                }
            }
        }
        assertTrue(chosen.size() >= 4, "random weights should pick many different actions, picked " + chosen);
    }

    @Test
    void withSpeechAllowedTheAnswerIsEitherValidCallsOrWords() {
        try (LlmRouter router = router(ToolCallGrammar.Answers.CALLS_OR_SPEECH)) {
            for (int seed = 1; seed <= 6; seed++) {
                LlmAnswer answer = router.route("How are you today?", Sampling.seeded(seed));

                assertFalse(answer instanceof LlmAnswer.Unusable, "seed " + seed + ": " + answer);
                if (answer instanceof LlmAnswer.Speech speech) {
                    assertFalse(speech.text().isBlank() || speech.text().contains("<"), speech.text());
                    assertTrue(speech.text().codePointCount(0, speech.text().length()) <= ToolCallGrammar.MAX_SPEECH);
                }
            }
        }
    }

    @Test
    void thePromptHoldsTheSystemPromptEveryToolAndTurnsThinkingOff() {
        try (LlmRouter router = router(ToolCallGrammar.Answers.CALLS_ONLY)) {
            String prompt = router.prompt("Mute.");

            assertTrue(prompt.startsWith("<|im_start|>system\n" + ToolCatalog.SYSTEM_PROMPT + "\n\n# Tools\n"), prompt);
            for (String tool : ToolCatalog.toolsJson(REGISTRY)) {
                assertTrue(prompt.contains("\n" + tool + "\n"), tool);
            }
            assertTrue(prompt.endsWith("<|im_start|>user\nMute.<|im_end|>\n<|im_start|>assistant\n<think>\n\n"
                    + "</think>\n\n"), prompt);
        }
    }

    @Test
    void aContextTooSmallForTheToolsGivesAnUnusableAnswerInsteadOfAnError() {
        try (LlmRouter router = new LlmRouter(model, REGISTRY, Os.LINUX, ToolCallGrammar.Answers.CALLS_ONLY,
                ContextOptions.chat(256).withThreads(2))) {
            LlmAnswer answer = router.route("Mute.");

            assertEquals(new LlmAnswer.Unusable("that request is too long for the language model's context"), answer);
        }
    }
}
