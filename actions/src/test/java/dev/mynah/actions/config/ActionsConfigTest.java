package dev.mynah.actions.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mynah.actions.Action;
import dev.mynah.actions.ActionExecutor;
import dev.mynah.actions.ActionRegistry;
import dev.mynah.actions.ArgumentSchema;
import dev.mynah.actions.InvalidArgumentsException;
import dev.mynah.actions.Os;
import dev.mynah.actions.Outcome;
import dev.mynah.actions.Plan;
import dev.mynah.actions.ProcessRunner;
import dev.mynah.actions.Risk;
import dev.mynah.actions.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActionsConfigTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ActionRegistry BUILT_INS = ActionRegistry.of(List.of(
            Action.named("set_volume").description("Set the volume.")
                    .arguments(ArgumentSchema.builder().integer("level", "Volume percent", true, 0, 100).build())
                    .risk(Risk.REVERSIBLE).everywhere(a -> Step.inProcess("volume", () -> "")).reply("Done.").build(),
            Action.named("restart").description("Restart the computer.").risk(Risk.DESTRUCTIVE)
                    .linux(a -> Step.run("systemctl", "reboot")).confirm("Restart now?").reply("Restarting.").build()));

    @TempDir
    Path dir;

    private ActionsConfig load(String json) throws Exception {
        Path file = dir.resolve(ActionsConfig.FILE_NAME);
        Files.writeString(file, json);
        return ActionsConfig.load(file, BUILT_INS);
    }

    private static String garage(String extra) {
        return "{\"name\": \"garage_door\", \"description\": \"Open or close the garage.\", \"phrases\": [\"open the"
                + " garage\", \"garage {state}\"], \"risk\": \"reversible\", \"reply\": \"Garage {state}.\"" + extra + "}";
    }

    @Test
    void disablesBuiltInsAndAddsCustomActionsWithTheirPhrases() throws Exception {
        ActionsConfig config = load("{\"disabled\": [\"restart\"], \"custom\": [" + garage(
                ", \"argv\": [\"/usr/bin/printf\", \"%s|\", \"{state}\", \"door-{state}\"]") + "]}");

        assertEquals(List.of(), config.problems());
        ActionRegistry registry = config.apply(BUILT_INS);
        assertEquals(List.of("set_volume", "garage_door"), registry.actions().stream().map(Action::name).toList());
        assertEquals(Map.of("garage_door", List.of("open the garage", "garage {state}")), config.phrases());
        ArgumentSchema.Field state = registry.find("garage_door").orElseThrow().arguments().field("state");
        assertEquals(ArgumentSchema.Type.STRING, state.type());
        assertTrue(state.required());
        assertEquals(200, state.maxLength());
    }

    @Test
    void anArgvSlotStaysInsideItsElementWhateverTheUserSaid() throws Exception {
        ActionRegistry registry = load("{\"custom\": [" + garage(
                ", \"argv\": [\"/usr/bin/printf\", \"%s|\", \"{state}\", \"door-{state}\"]") + "]}").apply(BUILT_INS);
        String hostile = "\"; rm -rf ~ $(touch pwned) `id` a  b\n*";

        Plan plan = registry.plan("garage_door", JSON.createObjectNode().put("state", hostile), Os.LINUX);
        assertEquals(List.of("/usr/bin/printf", "%s|", hostile, "door-" + hostile), plan.steps().getFirst().argv());
        Outcome outcome = new ActionExecutor(new ProcessRunner()).execute(plan, false);

        assertEquals(Outcome.Status.DONE, outcome.status(), outcome.reply());
        assertEquals(hostile + "|door-" + hostile + "|", outcome.output());
        assertFalse(Files.exists(Path.of("pwned")));
    }

    @Test
    void aSlotIsARequiredTextArgument() throws Exception {
        ActionRegistry registry = load("{\"custom\": [" + garage(", \"argv\": [\"garage-ctl\", \"{state}\"]") + "]}")
                .apply(BUILT_INS);

        InvalidArgumentsException e = assertThrows(InvalidArgumentsException.class,
                () -> registry.plan("garage_door", JSON.createObjectNode(), Os.LINUX));
        assertEquals("missing state (\"state\")", e.getMessage());
    }

    @Test
    void appleScriptFilesRunWithOsascriptAndSlotsAsArgumentsOnlyOnMacos() throws Exception {
        Path script = Files.writeString(dir.resolve("garage.applescript"), "on run argv\nend run\n");
        ActionRegistry registry = load("{\"custom\": [" + garage(", \"applescript\": \"" + script + "\"") + "]}")
                .apply(BUILT_INS);

        Plan mac = registry.plan("garage_door", JSON.createObjectNode().put("state", "open"), Os.MACOS);
        assertEquals(List.of("osascript", dir + "/garage.applescript", "open"), mac.steps().getFirst().argv());
        assertFalse(registry.plan("garage_door", JSON.createObjectNode().put("state", "open"), Os.LINUX).available());
    }

    @Test
    void shortcutsRunByNameAndTakeNoSlots() throws Exception {
        ActionsConfig config = load("{\"custom\": [{\"name\": \"good_night\", \"description\": \"Bedtime.\","
                + " \"phrases\": [\"good night\"], \"risk\": \"reversible\", \"reply\": \"Good night.\","
                + " \"shortcut\": \"Good Night\"}, " + garage(", \"shortcut\": \"Garage\"") + "]}");

        Plan plan = config.apply(BUILT_INS).plan("good_night", null, Os.MACOS);
        assertEquals(List.of("shortcuts", "run", "Good Night"), plan.steps().getFirst().argv());
        assertEquals(List.of("actions.json: custom[1] \"garage_door\": field \"shortcut\": shortcuts receive no values,"
                + " so the phrases cannot name [state]; ask for the value inside the shortcut, or use \"applescript\""
                + " or \"argv\""), config.problems());
    }

    @Test
    void eachBrokenEntryIsLeftOutWithAMessageNamingTheEntryAndFieldAndTheRestStillLoads() throws Exception {
        ActionsConfig config = load("{\"disabled\": [\"restat\", \"restart\"], \"colour\": 1, \"custom\": ["
                + garage(", \"argv\": [\"garage-ctl\"], \"shortcut\": \"Garage\"") + ", "
                + garage(", \"applescript\": \"scripts/garage.applescript\"") + ", "
                + garage(", \"argv\": [\"garage-ctl\", \"{door}\"]") + ", "
                + garage(", \"argv\": [\"bin/garage-ctl\", \"{state}\"]") + ", "
                + garage(", \"argv\": [\"garage-ctl\"], \"speed\": 3") + ", "
                + "{\"name\": \"wipe_disk\", \"description\": \"Wipe.\", \"phrases\": [\"wipe\"], \"risk\":"
                + " \"destructive\", \"reply\": \"Wiped.\", \"argv\": [\"/bin/true\"]}, "
                + "{\"name\": \"set_volume\", \"description\": \"Mine.\", \"phrases\": [\"loud\"], \"risk\":"
                + " \"reversible\", \"reply\": \"Ok.\", \"argv\": [\"/bin/true\"]}, "
                + "{\"name\": \"lamp\", \"description\": \"Lamp.\", \"phrases\": [\"lamp\"], \"risk\": \"harmless\","
                + " \"reply\": \"Ok.\", \"argv\": [\"/bin/true\"]}, "
                + "{\"name\": \"lamp_on\", \"description\": \"Lamp.\", \"phrases\": [\"lamp on\"], \"risk\":"
                + " \"reversible\", \"reply\": \"Lamp on.\", \"argv\": [\"lamp-ctl\", \"on\"]}]}");

        assertEquals(List.of(
                "actions.json: unknown field \"colour\"; the fields are \"disabled\" and \"custom\"",
                "actions.json: field \"disabled\": there is no built-in action called \"restat\"",
                "actions.json: custom[0] \"garage_door\": give exactly one of \"applescript\", \"shortcut\" or"
                        + " \"argv\", not shortcut and argv",
                "actions.json: custom[1] \"garage_door\": field \"applescript\": \"scripts/garage.applescript\" must"
                        + " be an absolute path, such as /Users/you/Scripts/garage.applescript",
                "actions.json: custom[2] \"garage_door\": field \"argv\": {door} is not a slot of any phrase; the"
                        + " slots are [state]",
                "actions.json: custom[3] \"garage_door\": field \"argv\": the program \"bin/garage-ctl\" must be an"
                        + " absolute path or a plain program name found on the PATH",
                "actions.json: custom[4]: unknown field \"speed\"; the fields are " + fieldsOf(config),
                "actions.json: custom[5] \"wipe_disk\": field \"confirm\": a destructive action needs a question to"
                        + " ask before it runs",
                "actions.json: custom[6] \"set_volume\": field \"name\": a built-in action is already called that;"
                        + " choose another name (or disable the built-in and still choose another)",
                "actions.json: custom[7] \"lamp\": field \"risk\": unknown risk \"harmless\"; use read-only,"
                        + " reversible, destructive or outward-facing"), config.problems());
        assertEquals(Set.of("restart"), config.disabled());
        assertEquals(List.of("set_volume", "lamp_on"),
                config.apply(BUILT_INS).actions().stream().map(Action::name).toList());
    }

    private static String fieldsOf(ActionsConfig config) {
        String problem = config.problems().stream().filter(p -> p.contains("\"speed\"")).findFirst().orElseThrow();
        assertTrue(problem.contains("name") && problem.contains("argv") && problem.contains("phrases"), problem);
        return problem.substring(problem.indexOf("the fields are ") + "the fields are ".length());
    }

    @Test
    void aMissingFileIsAnEmptyConfigAndBrokenJsonIsOneProblem() throws Exception {
        ActionsConfig missing = ActionsConfig.load(dir.resolve("nothing-here.json"), BUILT_INS);
        assertEquals(List.of(), missing.problems());
        assertEquals(BUILT_INS.actions(), missing.apply(BUILT_INS).actions());

        ActionsConfig broken = load("{\"disabled\": [\"restart\",\n  }");
        assertEquals(1, broken.problems().size());
        assertTrue(broken.problems().getFirst().startsWith(dir.resolve("actions.json") + " is not valid JSON at line 2"),
                broken.problems().getFirst());
        assertTrue(broken.problems().getFirst().endsWith("; no custom actions are loaded"));
        assertEquals(Set.of(), broken.disabled());
    }
}
