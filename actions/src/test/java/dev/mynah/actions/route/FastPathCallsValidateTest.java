package dev.mynah.actions.route;

import dev.mynah.actions.Action;
import dev.mynah.actions.ActionRegistry;
import dev.mynah.actions.AssistantHooks;
import dev.mynah.actions.InvalidArgumentsException;
import dev.mynah.actions.catalog.BuiltInActions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every call the fast path makes from the phrasing sets names a catalogue action and passes its schema. */
class FastPathCallsValidateTest {
    @Test
    void everyMatchedCallValidatesAgainstTheCatalogue() throws Exception {
        ActionRegistry registry = BuiltInActions.registry(AssistantHooks.NONE);
        FastPathRouter router = RouterFixture.router();
        List<String> problems = new ArrayList<>();
        for (String set : List.of("heldout-phrasings.tsv", "dev-phrasings.tsv")) {
            for (PhrasingSet.Line line : PhrasingSet.load(set).lines()) {
                if (router.route(line.utterance()) instanceof FastPathResult.Matched matched) {
                    Optional<Action> action = registry.find(matched.call().action());
                    if (action.isEmpty()) {
                        problems.add(line.utterance() + ": no action " + matched.call().action());
                        continue;
                    }
                    try {
                        action.get().arguments().validate(matched.call().arguments());
                    } catch (InvalidArgumentsException e) {
                        problems.add(line.utterance() + ": " + matched.call() + " " + e.getMessage());
                    }
                }
            }
        }
        assertEquals("", String.join("\n", problems));
    }
}
