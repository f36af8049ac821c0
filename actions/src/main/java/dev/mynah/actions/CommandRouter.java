package dev.mynah.actions;

import dev.mynah.actions.llm.LlmAnswer;
import dev.mynah.actions.route.Call;
import dev.mynah.actions.route.FastPathResult;
import dev.mynah.actions.route.FastPathRouter;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Decides what an utterance means: the deterministic fast path first, the language model only when the fast
 * path is not sure. Whatever route decides, every call is validated into a {@link Plan} by the registry;
 * nothing here runs anything.
 */
public final class CommandRouter {
    /** Longer than any spoken command; longer input is refused before any routing work. */
    public static final int MAX_UTTERANCE = 2000;

    private final ActionRegistry registry;
    private final FastPathRouter fastPath;
    private final Os os;
    private final Function<String, LlmAnswer> llm;

    /**
     * @param llm the language-model route ({@code LlmRouter::route}), or null when no model is installed
     */
    public CommandRouter(ActionRegistry registry, FastPathRouter fastPath, Os os, Function<String, LlmAnswer> llm) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.fastPath = Objects.requireNonNull(fastPath, "fastPath");
        this.os = Objects.requireNonNull(os, "os");
        this.llm = llm;
    }

    public Decision decide(String utterance) {
        if (utterance == null || utterance.isBlank()) {
            return none("I didn't catch anything to do.");
        }
        if (utterance.length() > MAX_UTTERANCE) {
            return none("That is too long for a command (" + utterance.length() + " characters; the limit is "
                    + MAX_UTTERANCE + ").");
        }
        return switch (fastPath.route(utterance)) {
            case FastPathResult.Matched matched -> fromFastPath(matched.call());
            case FastPathResult.Rejected rejected ->
                    new Decision(Decision.Route.FAST_PATH, rejected.action(), List.of(), rejected.reply());
            case FastPathResult.NoMatch ignored -> llm == null
                    ? none("I don't know how to do that without a language model. Say \"what can you do\" to hear "
                            + "the commands I know.")
                    : fromLlm(llm.apply(utterance));
        };
    }

    private Decision fromFastPath(Call call) {
        if (registry.find(call.action()).isEmpty()) {
            return new Decision(Decision.Route.FAST_PATH, call.action(), List.of(),
                    "\"" + call.action() + "\" is switched off in your settings.");
        }
        try {
            return new Decision(Decision.Route.FAST_PATH, call.action(),
                    List.of(registry.plan(call.action(), call.arguments(), os)), null);
        } catch (InvalidArgumentsException e) {
            return new Decision(Decision.Route.FAST_PATH, call.action(), List.of(), capitalized(e.getMessage()));
        }
    }

    private static Decision fromLlm(LlmAnswer answer) {
        return switch (answer) {
            case LlmAnswer.Actions actions -> new Decision(Decision.Route.LLM,
                    actions.plans().getFirst().action().name(), actions.plans(), actions.notice());
            case LlmAnswer.Speech speech -> new Decision(Decision.Route.LLM, null, List.of(), speech.text());
            case LlmAnswer.Unusable unusable ->
                    new Decision(Decision.Route.LLM, null, List.of(), capitalized(unusable.reason()) + ".");
        };
    }

    private static Decision none(String reply) {
        return new Decision(Decision.Route.NONE, null, List.of(), reply);
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
