package dev.mynah.app;

import dev.mynah.actions.Plan;
import dev.mynah.actions.llm.LlmAnswer;

/**
 * The rule for a turn that read the user's documents: document text is data, and may carry instructions the user
 * never gave, so every action such a turn proposes waits for the user's yes, whatever its risk.
 */
final class DocumentTurn {
    static final String REASON = "This was proposed while reading your documents, and their text could be asking "
            + "for it rather than you.";

    private DocumentTurn() {
    }

    /** The model's answer with each proposed call made to wait for confirmation; words and refusals unchanged. */
    static LlmAnswer guard(LlmAnswer answer) {
        return answer instanceof LlmAnswer.Actions actions
                ? new LlmAnswer.Actions(actions.plans().stream().map(DocumentTurn::guard).toList(), actions.notice())
                : answer;
    }

    private static Plan guard(Plan plan) {
        return plan.confirmedOnlyBecause(REASON);
    }
}
