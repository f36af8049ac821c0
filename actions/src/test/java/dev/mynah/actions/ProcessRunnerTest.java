package dev.mynah.actions;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcessRunnerTest {
    private final ProcessRunner runner = new ProcessRunner();

    @Test
    void aMissingProgramNamesThePackageThatProvidesIt() {
        ActionFailedException apt = assertThrows(ActionFailedException.class,
                () -> runner.run(List.of("baobab", "--version"), null, Duration.ofSeconds(5)));
        ActionFailedException brew = assertThrows(ActionFailedException.class,
                () -> runner.run(List.of("blueutil", "--power", "1"), null, Duration.ofSeconds(5)));
        ActionFailedException unknown = assertThrows(ActionFailedException.class,
                () -> runner.run(List.of("mynah-no-such-program"), null, Duration.ofSeconds(5)));

        assertEquals("baobab is not installed; install it with: sudo apt install baobab", apt.getMessage());
        assertEquals("blueutil is not installed; install it with: brew install blueutil", brew.getMessage());
        assertEquals("mynah-no-such-program is not installed", unknown.getMessage());
    }

    @Test
    void standardInputReachesTheProgramAndItsOutputComesBack() throws Exception {
        ProcessRunner.Result result = runner.run(List.of("tr", "a-z", "A-Z"), "hello, 世界\n", Duration.ofSeconds(5));

        assertEquals("HELLO, 世界\n", result.stdout());
    }

    @Test
    void aNonZeroExitBecomesOneLineWithTheFirstLineOfStandardError() {
        ActionFailedException failed = assertThrows(ActionFailedException.class,
                () -> runner.run(List.of("ls", "/mynah/no/such/dir"), null, Duration.ofSeconds(5)));

        assertTrue(failed.getMessage().startsWith("ls failed (exit status 2): ls: cannot access"), failed.getMessage());
        assertTrue(!failed.getMessage().contains("\n"), failed.getMessage());
    }

    @Test
    void osascriptErrorsBecomeInstructions() {
        var denied = new ProcessRunner.Result(1, "", "31:45: execution error: Not authorized to send Apple events to "
                + "Music. (-1743)\n");
        var notRunning = new ProcessRunner.Result(1, "", "0:20: execution error: Application isn’t running. (-600)\n");
        var other = new ProcessRunner.Result(1, "", "10:30: execution error: Can’t get window 1. (-1728)\n");

        assertTrue(ProcessRunner.explain(List.of("osascript", "-e", "x"), denied).contains("Privacy & Security › "
                + "Automation"));
        assertEquals("that app is not running", ProcessRunner.explain(List.of("osascript", "-e", "x"), notRunning));
        assertEquals("Can’t get window 1.", ProcessRunner.explain(List.of("osascript", "-e", "x"), other));
    }

    @Test
    @org.junit.jupiter.api.Timeout(30)
    void aProgramThatLeavesAChildHoldingItsOutputDoesNotHangTheRun() throws Exception {
        // Like xclip, which forks a child that serves the selection and keeps the inherited pipes open.
        ProcessRunner.Result result = runner.run(List.of("sh", "-c", "echo printed; sleep 20 &"), null,
                Duration.ofSeconds(5));

        assertEquals("printed\n", result.stdout());
    }

    @Test
    void extraEnvironmentReachesTheChild() throws Exception {
        ProcessRunner withDisplay = new ProcessRunner(java.util.Map.of("MYNAH_TEST_VARIABLE", "value 1"));

        assertEquals("value 1\n", withDisplay.run(List.of("printenv", "MYNAH_TEST_VARIABLE"), null,
                Duration.ofSeconds(5)).stdout());
    }
}
