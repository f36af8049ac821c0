package dev.mynah.actions.llm;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToolCallGrammarTest {
    @Test
    void tiesEachActionNameToItsOwnArguments() {
        String gbnf = ToolCallGrammar.of(SampleActions.registry(), ToolCallGrammar.Answers.CALLS_ONLY).gbnf();

        assertTrue(gbnf.startsWith("root ::= calls\n"), gbnf);
        assertTrue(gbnf.contains("calls ::= call (\"\\n\" call){0,2}\n"), gbnf);
        assertTrue(gbnf.contains("call ::= \"<tool_call>\\n{\\\"name\\\": \" tool \"}\\n</tool_call>\"\n"), gbnf);
        assertTrue(gbnf.contains("tool-set-volume ::= \"\\\"set_volume\\\", \\\"arguments\\\": \""
                + " tool-set-volume-arguments\n"), gbnf);
        assertTrue(gbnf.contains("tool-set-volume-arguments-level ::= \"\\\"level\\\"\" \": \" ([0-9] | [1-9] [0-9]"
                + " | \"100\")\n"), gbnf);
        assertTrue(gbnf.contains("tool ::= tool-set-volume | tool-raise-volume | tool-set-dark-mode | tool-open-app"
                + " | tool-set-timer | tool-play-music | tool-convert-units | tool-facetime-call | tool-directions"
                + " | tool-current-time\n"), gbnf);
        assertTrue(gbnf.contains("tool-current-time-arguments ::= \"{\"  \"}\"\n"), gbnf);
    }

    @Test
    void speechIsAnAlternativeOnlyWhenAllowedAndNeverContainsACallOpener() {
        String gbnf = ToolCallGrammar.of(SampleActions.registry(), ToolCallGrammar.Answers.CALLS_OR_SPEECH).gbnf();

        assertTrue(gbnf.startsWith("root ::= calls | speech\n"), gbnf);
        assertTrue(gbnf.contains("speech ::= [^<\\x00-\\x20\\x7F] [^<\\x00-\\x09\\x0B-\\x1F\\x7F]{0,399}\n"), gbnf);
    }

    @Test
    void theLongestAnswerBoundsThreeOfTheLongestCalls() {
        ToolCallGrammar grammar = ToolCallGrammar.of(SampleActions.registry(), ToolCallGrammar.Answers.CALLS_ONLY);
        // directions and convert_units: two strings of up to 200 characters, each possibly all escapes.
        assertTrue(grammar.longestAnswer() > 3 * 2 * 402, "bound " + grammar.longestAnswer());
        assertTrue(grammar.longestAnswer() < 3 * (2 * 402 + 200), "bound " + grammar.longestAnswer());
    }

    @Test
    void anEmptyRegistryHasNothingToCall() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ToolCallGrammar.of(
                dev.mynah.actions.ActionRegistry.of(java.util.List.of()), ToolCallGrammar.Answers.CALLS_ONLY));
        assertEquals("there are no actions to call; the registry is empty", e.getMessage());
    }
}
