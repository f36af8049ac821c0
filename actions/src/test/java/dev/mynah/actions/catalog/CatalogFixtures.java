package dev.mynah.actions.catalog;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mynah.actions.Action;
import dev.mynah.actions.ActionExecutor;
import dev.mynah.actions.ActionRegistry;
import dev.mynah.actions.Os;
import dev.mynah.actions.Outcome;
import dev.mynah.actions.Plan;
import dev.mynah.actions.ProcessRunner;
import dev.mynah.actions.Step;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Plans calls against one group of actions and reads back what would run, for the catalogue part 1 tests. */
record CatalogFixtures(ActionRegistry registry) {
    static CatalogFixtures of(List<Action> actions) {
        return new CatalogFixtures(ActionRegistry.of(actions));
    }

    /** Arguments from alternating names and values: {@code args("level", 50)}. */
    static ObjectNode args(Object... namesAndValues) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = (String) namesAndValues[i];
            switch (namesAndValues[i + 1]) {
                case String s -> json.put(name, s);
                case Integer n -> json.put(name, n);
                case Boolean b -> json.put(name, b);
                default -> throw new IllegalArgumentException("unsupported value " + namesAndValues[i + 1]);
            }
        }
        return json;
    }

    Plan plan(String action, ObjectNode arguments, Os os) {
        return registry.plan(action, arguments, os);
    }

    /** The argv of each step that would run. */
    List<List<String>> argv(String action, ObjectNode arguments, Os os) {
        return plan(action, arguments, os).steps().stream().map(Step::argv).toList();
    }

    /** The source of the one AppleScript step the action runs on macOS. */
    String appleScript(String action, ObjectNode arguments) {
        List<Step> steps = plan(action, arguments, Os.MACOS).steps();
        assertEquals(1, steps.size(), "one step");
        return assertInstanceOf(Step.AppleScript.class, steps.getFirst()).source();
    }

    /** The source of the one AppleScript step whose {@code true} makes the action ask first. */
    String confirmationCheck(String action, ObjectNode arguments) {
        List<Step> steps = plan(action, arguments, Os.MACOS).confirmationCheck();
        assertEquals(1, steps.size(), "one check step");
        return assertInstanceOf(Step.AppleScript.class, steps.getFirst()).source();
    }

    /** The description of the one in-process step the action runs on {@code os}. */
    String inProcess(String action, ObjectNode arguments, Os os) {
        List<Step> steps = plan(action, arguments, os).steps();
        assertEquals(1, steps.size(), "one step");
        return assertInstanceOf(Step.InProcess.class, steps.getFirst()).description();
    }

    /** Runs the call for real on this computer. */
    Outcome execute(String action, ObjectNode arguments, Os os, boolean confirmed) {
        return new ActionExecutor(new ProcessRunner()).execute(plan(action, arguments, os), confirmed);
    }

    /** The action has no Linux implementation and says so instead of running anything. */
    void assertNotOnLinux(String action, ObjectNode arguments) {
        Plan plan = plan(action, arguments, Os.LINUX);
        assertFalse(plan.available());
        assertEquals(List.of(), plan.steps());
        Outcome outcome = new ActionExecutor(new ProcessRunner()).execute(plan, true);
        assertEquals(Outcome.Status.NOT_AVAILABLE, outcome.status());
        assertEquals("\"" + action + "\" is not available on Linux.", outcome.reply());
    }
}
