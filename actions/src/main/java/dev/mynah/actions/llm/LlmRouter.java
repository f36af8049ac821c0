package dev.mynah.actions.llm;

import dev.mynah.actions.ActionRegistry;
import dev.mynah.actions.InvalidArgumentsException;
import dev.mynah.actions.Os;
import dev.mynah.actions.Plan;
import dev.mynah.actions.route.Call;
import dev.mynah.nativelibs.llama.ChatMessage;
import dev.mynah.nativelibs.llama.ContextOptions;
import dev.mynah.nativelibs.llama.ContextOverflowException;
import dev.mynah.nativelibs.llama.GenerationOptions;
import dev.mynah.nativelibs.llama.LlamaContext;
import dev.mynah.nativelibs.llama.LlamaModel;
import dev.mynah.nativelibs.llama.Sampling;
import dev.mynah.nativelibs.llama.TokenStream;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The slow route: asks a Qwen3 model which action an utterance means, with every tool in the prompt and the
 * {@link ToolCallGrammar} on the sampler, then reads and plans the calls for one desktop. Owns its inference
 * context; the model belongs to the caller. The tools prompt is the same every time, so after the first
 * utterance the context reuses it from its cache and evaluates only the new words.
 */
public final class LlmRouter implements AutoCloseable {
    private final LlamaModel model;
    private final ActionRegistry registry;
    private final Os os;
    private final List<String> tools;
    private final ToolCallGrammar grammar;
    private final ToolCallParser parser;
    private final LlamaContext context;

    public LlmRouter(LlamaModel model, ActionRegistry registry, Os os, ToolCallGrammar.Answers answers,
                     ContextOptions contextOptions) {
        this.model = Objects.requireNonNull(model, "model");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.os = Objects.requireNonNull(os, "os");
        this.tools = ToolCatalog.toolsJson(registry);
        this.grammar = ToolCallGrammar.of(registry, answers);
        this.parser = new ToolCallParser(registry);
        this.context = model.newContext(contextOptions);
    }

    /** Routes with greedy sampling, which suits tool calls best. */
    public LlmAnswer route(String utterance) {
        return route(utterance, Sampling.greedy());
    }

    /** Routes with {@code sampling}; the tool-call grammar is added to it. Never throws for a bad answer. */
    public LlmAnswer route(String utterance, Sampling sampling) {
        TokenStream.Result result;
        try {
            result = generate(utterance, sampling);
        } catch (ContextOverflowException e) {
            return new LlmAnswer.Unusable("that request is too long for the language model's context");
        }
        if (result.stopReason() != TokenStream.StopReason.END_OF_GENERATION) {
            return new LlmAnswer.Unusable("the language model's answer was cut off before it finished");
        }
        return switch (parser.parse(result.text())) {
            case LlmAnswer.Speech speech -> speech;
            case LlmAnswer.Unusable unusable -> unusable;
            case ToolCallParser.Calls calls -> plans(calls);
        };
    }

    /** The prompt this router sends for {@code utterance}, as text. */
    public String prompt(String utterance) {
        return model.renderChat(List.of(ChatMessage.system(ToolCatalog.SYSTEM_PROMPT), ChatMessage.user(utterance)),
                tools, true, false);
    }

    private TokenStream.Result generate(String utterance, Sampling sampling) {
        int[] prompt = model.tokenize(prompt(utterance), false, true);
        int room = context.contextSize() - prompt.length;
        if (room < 1) {
            throw new ContextOverflowException("prompt of " + prompt.length + " tokens fills the context");
        }
        GenerationOptions options = GenerationOptions.of(Math.min(room, grammar.longestAnswer() + 1),
                sampling.withGrammar(grammar.gbnf()));
        try (TokenStream stream = context.generate(prompt, options)) {
            return stream.drainTo(piece -> { });
        }
    }

    private LlmAnswer plans(ToolCallParser.Calls calls) {
        List<Plan> plans = new ArrayList<>();
        for (Call call : calls.calls()) {
            try {
                plans.add(registry.plan(call.action(), call.arguments(), os));
            } catch (InvalidArgumentsException e) {
                return new LlmAnswer.Unusable("the model's call to " + call.action() + " cannot run: "
                        + e.getMessage());
            }
        }
        return new LlmAnswer.Actions(plans, calls.notice());
    }

    @Override
    public void close() {
        context.close();
    }
}
