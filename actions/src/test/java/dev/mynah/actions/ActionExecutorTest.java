package dev.mynah.actions;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActionExecutorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ActionExecutor executor = new ActionExecutor(new ProcessRunner());

    @TempDir
    Path dir;

    private static Plan plan(Action action, String arguments) throws Exception {
        return ActionRegistry.of(List.of(action)).plan(action.name(), JSON.readTree(arguments), Os.LINUX);
    }

    private Action createsFile(String name, Risk risk, Path file) {
        return Action.named(name).description("Creates a file.")
                .arguments(ArgumentSchema.builder().text("what", "What", true).build())
                .risk(risk)
                .linux(a -> Step.run("/usr/bin/touch", file.toString()))
                .confirm("Really {what}?")
                .reply("Did {what}.").build();
    }

    @Test
    void aReadOnlyCallProposedFromDocumentsWaitsForTheUsersYes() throws Exception {
        Path file = dir.resolve("touched");
        Action harmless = Action.named("touch_file").description("Touches a file.")
                .arguments(ArgumentSchema.builder().text("what", "What", true).build())
                .risk(Risk.READ_ONLY)
                .linux(a -> Step.run("/usr/bin/touch", file.toString()))
                .reply("Done.").build();
        Plan plan = plan(harmless, "{\"what\": \"x\"}").confirmedOnlyBecause("Your documents asked for this.");

        Outcome held = executor.execute(plan, false);

        assertEquals(Outcome.Status.NEEDS_CONFIRMATION, held.status());
        assertEquals("Your documents asked for this. Touches a file. {\"what\":\"x\"} Should I go ahead?",
                held.reply());
        assertFalse(Files.exists(file), "nothing ran");
        assertEquals(Outcome.Status.DONE, executor.execute(plan, true).status());
        assertTrue(Files.exists(file));
    }

    @Test
    void aRiskyActionDoesNotRunUntilConfirmed() throws Exception {
        Path file = dir.resolve("emptied");
        Plan plan = plan(createsFile("empty_trash", Risk.DESTRUCTIVE, file), "{\"what\": \"empty the trash\"}");

        Outcome asked = executor.execute(plan, false);

        assertEquals(new Outcome(Outcome.Status.NEEDS_CONFIRMATION, "Really empty the trash?", null), asked);
        assertFalse(Files.exists(file), "nothing may run before the user says yes");

        Outcome done = executor.execute(plan, true);

        assertEquals(Outcome.Status.DONE, done.status());
        assertEquals("Did empty the trash.", done.reply());
        assertTrue(Files.exists(file));
    }

    @Test
    void anOutwardFacingActionAlsoWaitsForConfirmation() throws Exception {
        Path file = dir.resolve("sent");
        Outcome outcome = executor.execute(plan(createsFile("send_message", Risk.OUTWARD_FACING, file),
                "{\"what\": \"send it\"}"), false);

        assertEquals(Outcome.Status.NEEDS_CONFIRMATION, outcome.status());
        assertFalse(Files.exists(file));
    }

    private Action quits(Path file, String checkPrints) {
        return Action.named("quit_app").description("Quits an app.")
                .arguments(ArgumentSchema.builder().text("app", "App", true).build())
                .risk(Risk.REVERSIBLE)
                .linux(a -> Step.run("/usr/bin/touch", file.toString()))
                .confirmWhen(Os.LINUX, a -> Step.run("/bin/echo", checkPrints), "{app} has unsaved documents. Quit anyway?")
                .reply("Quit {app}.").build();
    }

    @Test
    void aConfirmationCheckPrintingTrueAsksFirst() throws Exception {
        Path file = dir.resolve("quit");

        Outcome asked = executor.execute(plan(quits(file, "true"), "{\"app\": \"TextEdit\"}"), false);

        assertEquals(new Outcome(Outcome.Status.NEEDS_CONFIRMATION, "TextEdit has unsaved documents. Quit anyway?",
                null), asked);
        assertFalse(Files.exists(file));
        assertEquals(Outcome.Status.DONE, executor.execute(plan(quits(file, "true"), "{\"app\": \"TextEdit\"}"), true)
                .status());
        assertTrue(Files.exists(file));
    }

    @Test
    void aConfirmationCheckPrintingFalseRunsRightAway() throws Exception {
        Path file = dir.resolve("quit");

        Outcome outcome = executor.execute(plan(quits(file, "false"), "{\"app\": \"TextEdit\"}"), false);

        assertEquals("Quit TextEdit.", outcome.reply());
        assertTrue(Files.exists(file));
    }

    @Test
    void anActionWithoutAnImplementationForThisDesktopIsNotAvailable() throws Exception {
        Action macOnly = Action.named("set_brightness").description("Brightness.").risk(Risk.REVERSIBLE)
                .macos(a -> Step.appleScript("tell application \"System Events\" to key code 144"))
                .reply("Brighter.").build();

        Outcome outcome = executor.execute(plan(macOnly, "{}"), true);

        assertEquals(new Outcome(Outcome.Status.NOT_AVAILABLE, "\"set_brightness\" is not available on Linux.", null),
                outcome);
    }

    @Test
    void aFailingProcessGivesAPlainLanguageReply() throws Exception {
        Action list = Action.named("list_folder").description("Lists.").risk(Risk.READ_ONLY)
                .linux(a -> Step.run("/bin/ls", dir.resolve("missing").toString())).reply("Listed.").build();

        Outcome outcome = executor.execute(plan(list, "{}"), false);

        assertEquals(Outcome.Status.FAILED, outcome.status());
        assertTrue(outcome.reply().startsWith("That didn't work: ls failed (exit status 2): /bin/ls: cannot access '"
                + dir.resolve("missing") + "'"), outcome.reply());
        assertTrue(outcome.reply().endsWith("."), outcome.reply());
    }

    @Test
    void aMissingProgramSaysWhichPackageToInstall() throws Exception {
        Action tile = Action.named("tile_window").description("Tiles.").risk(Risk.REVERSIBLE)
                .linux(a -> Step.run("wmctrl", "-r", ":ACTIVE:", "-e", "0,0,0,960,1080")).reply("Tiled.").build();

        Outcome outcome = executor.execute(plan(tile, "{}"), false);

        assertEquals(new Outcome(Outcome.Status.FAILED, "That didn't work: wmctrl is not installed; install it with:"
                + " sudo apt install wmctrl.", null), outcome);
    }

    @Test
    void aTimeoutStopsTheChild() throws Exception {
        Path pidFile = dir.resolve("pid");
        Action slow = Action.named("slow_step").description("Hangs.").risk(Risk.READ_ONLY)
                .on(Os.LINUX, a -> List.of(new Step.Run(List.of("/bin/sh", "-c", "echo $$ > \"$0\"; exec sleep 60",
                        pidFile.toString()), null, Duration.ofSeconds(1))))
                .reply("Done.").build();

        Outcome outcome = executor.execute(plan(slow, "{}"), false);

        assertEquals(new Outcome(Outcome.Status.FAILED, "That didn't work: sh did not finish within 1 s and was"
                + " stopped.", null), outcome);
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        ProcessHandle.of(pid).ifPresent(child -> child.onExit().orTimeout(10, TimeUnit.SECONDS).join());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the child was stopped");
    }

    @Test
    void theReplyTakesTheLastStepsOutputAndInProcessErrorsBecomeFailures() throws Exception {
        Action clock = Action.named("current_time").description("Time.")
                .everywhere(a -> Step.inProcess("read the clock", () -> "  five past nine\n")).reply("It is {result}.")
                .build();
        Action broken = Action.named("calculate").description("Maths.")
                .everywhere(a -> Step.inProcess("divide", () -> {
                    throw new ArithmeticException("division by zero");
                })).reply("{result}").build();

        assertEquals("It is five past nine.", executor.execute(plan(clock, "{}"), false).reply());
        Outcome failed = executor.execute(plan(broken, "{}"), false);
        assertEquals("That didn't work: division by zero.", failed.reply());
        assertNull(failed.output());
    }
}
