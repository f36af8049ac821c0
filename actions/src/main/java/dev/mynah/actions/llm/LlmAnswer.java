package dev.mynah.actions.llm;

import dev.mynah.actions.Plan;

import java.util.List;
import java.util.Objects;

/** What the LLM route decided: actions to run, words to say, or why its answer cannot be used. */
public sealed interface LlmAnswer permits LlmAnswer.Actions, LlmAnswer.Speech, LlmAnswer.Unusable {

    /** Validated plans, at most three, in the order the model asked; {@code notice} says what was dropped. */
    record Actions(List<Plan> plans, String notice) implements LlmAnswer {
        public Actions {
            plans = List.copyOf(plans);
            if (plans.isEmpty()) {
                throw new IllegalArgumentException("an actions answer needs at least one plan");
            }
        }
    }

    /** A plain-language reply, when no action fits what the user said. */
    record Speech(String text) implements LlmAnswer, ToolCallParser.Parsed {
        public Speech {
            Objects.requireNonNull(text, "text");
        }
    }

    /** The model's answer could not be used; nothing ran. {@code reason} is a sentence for the log and user. */
    record Unusable(String reason) implements LlmAnswer, ToolCallParser.Parsed {
        public Unusable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
