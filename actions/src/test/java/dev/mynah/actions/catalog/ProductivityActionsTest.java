package dev.mynah.actions.catalog;

import dev.mynah.actions.Action;
import dev.mynah.actions.ActionExecutor;
import dev.mynah.actions.ArgumentSchema;
import dev.mynah.actions.InvalidArgumentsException;
import dev.mynah.actions.Os;
import dev.mynah.actions.Outcome;
import dev.mynah.actions.ProcessRunner;
import dev.mynah.actions.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static dev.mynah.actions.catalog.CatalogFixtures.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProductivityActionsTest {
    /** Text that would break out of a naive AppleScript string or shell line. */
    private static final String HOSTILE = "He said \"hi\" \\ \" & (do shell script \"rm -rf ~\") & \"\nline 2";
    private static final Clock NOVEMBER_AFTERNOON = Clock.fixed(Instant.parse("2026-11-24T15:05:09Z"),
            ZoneId.of("UTC"));

    @TempDir
    Path home;

    private CatalogFixtures actions() {
        return CatalogFixtures.of(ProductivityActions.actions(home, NOVEMBER_AFTERNOON));
    }

    /** "name risk argument:type(limits)…", the shape of an action as the catalogue writes it. */
    static String signature(Action action) {
        String arguments = action.arguments().fields().stream().map(ProductivityActionsTest::signature)
                .collect(Collectors.joining(" "));
        return (action.name() + " " + action.risk().id() + " " + arguments).strip();
    }

    private static String signature(ArgumentSchema.Field field) {
        String type = switch (field.type()) {
            case STRING -> field.values().isEmpty() ? "text(" + field.maxLength() + ")"
                    : "choice(" + String.join("|", field.values()) + ")";
            case INTEGER -> "int[" + (long) field.minimum() + ".." + (long) field.maximum() + "]";
            case NUMBER -> "number[" + field.minimum() + ".." + field.maximum() + "]";
            case BOOLEAN -> "flag";
        };
        return field.name() + (field.required() ? ":" : "?:") + type;
    }

    @Test
    void actionsMatchTheCatalogue() {
        assertEquals(List.of(
                "create_note reversible text:text(4000) title?:text(200)",
                "create_reminder reversible text:text(200) due?:text(200)",
                "create_calendar_event reversible title:text(200) start:text(200) duration_minutes?:int[1..1440]",
                "set_timer reversible seconds:int[1..86400] label?:text(200)",
                "show_notification reversible text:text(200) title?:text(200)",
                "read_clipboard read-only",
                "write_clipboard reversible text:text(10000)",
                "type_text reversible text:text(10000)",
                "run_shortcut reversible name:text(200)"),
                ProductivityActions.actions().stream().map(ProductivityActionsTest::signature).toList());
    }

    @Test
    void macosNoteIsEscapedHtmlInAnAppleScriptLiteral() {
        assertEquals("tell application \"Notes\" to make new note at default folder of default account with"
                        + " properties {body:\"<h1>Plan &amp; &lt;list&gt;</h1>He said \\\"hi\\\" \\\\ \\\" &amp;"
                        + " (do shell script \\\"rm -rf ~\\\") &amp; \\\"<br>line 2\"}",
                actions().appleScript("create_note", args("text", HOSTILE, "title", "Plan & <list>")));
        assertEquals("tell application \"Notes\" to make new note at default folder of default account with"
                + " properties {body:\"a &lt; b\"}", actions().appleScript("create_note", args("text", "a < b")));
    }

    @Test
    void linuxNoteIsAMarkdownFileNamedByItsTitle() throws Exception {
        Outcome outcome = actions().execute("create_note",
                args("title", "Groceries/2026: eggs?", "text", "milk\nbread"), Os.LINUX, false);
        assertEquals("I made the note.", outcome.reply());
        Path note = home.resolve("Notes/Groceries 2026 eggs.md");
        assertEquals(note.toString(), outcome.output());
        assertEquals("# Groceries/2026: eggs?\n\nmilk\nbread\n", Files.readString(note));
    }

    @Test
    void linuxNoteNeverOverwritesAndIsNamedByTheClockWithoutATitle() throws Exception {
        actions().execute("create_note", args("title", ".plan", "text", "first"), Os.LINUX, false);
        actions().execute("create_note", args("title", ".plan", "text", "second"), Os.LINUX, false);
        actions().execute("create_note", args("text", "untitled"), Os.LINUX, false);
        assertEquals("# .plan\n\nfirst\n", Files.readString(home.resolve("Notes/plan.md")));
        assertEquals("# .plan\n\nsecond\n", Files.readString(home.resolve("Notes/plan (2).md")));
        assertEquals("untitled\n", Files.readString(home.resolve("Notes/Note 2026-11-24 15-05-09.md")));
    }

    @Test
    void macosReminderBuildsItsDueDateFromNumbers() {
        assertEquals("""
                        set dueDate to current date
                        set day of dueDate to 1
                        set year of dueDate to 2026
                        set month of dueDate to 2
                        set day of dueDate to 28
                        set time of dueDate to 63000
                        tell application "Reminders" to tell default list to make new reminder at end with \
                        properties {name:"Call \\"Bob\\" \\\\ \\" & (do shell script \\"id\\") & \\"", due date:dueDate}""",
                actions().appleScript("create_reminder", args("text",
                        "Call \"Bob\" \\ \" & (do shell script \"id\") & \"", "due", "2026-02-28T17:30")));
        assertEquals("tell application \"Reminders\" to tell default list to make new reminder at end with"
                + " properties {name:\"Buy milk\"}", actions().appleScript("create_reminder", args("text", "Buy milk")));
        actions().assertNotOnLinux("create_reminder", args("text", "Buy milk"));
    }

    @Test
    void badDatesAreRefusedWithAnExample() {
        InvalidArgumentsException e = assertThrows(InvalidArgumentsException.class,
                () -> actions().plan("create_reminder", args("text", "x", "due", "tomorrow at 5"), Os.MACOS));
        assertEquals("due must be a date and time like 2026-11-24T17:00, got \"tomorrow at 5\"", e.getMessage());
        assertThrows(InvalidArgumentsException.class, () -> actions().plan("create_calendar_event",
                args("title", "x", "start", "2026-02-30T10:00"), Os.MACOS));
    }

    @Test
    void macosCalendarEventRunsForItsDuration() {
        assertEquals("""
                        set startDate to current date
                        set day of startDate to 1
                        set year of startDate to 2026
                        set month of startDate to 12
                        set day of startDate to 31
                        set time of startDate to 33300
                        set endDate to startDate + 90 * minutes
                        tell application "Calendar" to tell (first calendar whose writable is true) to make new \
                        event with properties {summary:"Lunch \\" & (do shell script \\"id\\") & \\"\\nsecond", \
                        start date:startDate, end date:endDate}""",
                actions().appleScript("create_calendar_event", args("title",
                        "Lunch \" & (do shell script \"id\") & \"\nsecond", "start", "2026-12-31 09:15",
                        "duration_minutes", 90)));
        String oneHour = actions().appleScript("create_calendar_event",
                args("title", "Standup", "start", "2026-03-08T09:00"));
        assertEquals("set endDate to startDate + 60 * minutes", oneHour.lines().toList().get(6));
        actions().assertNotOnLinux("create_calendar_event", args("title", "x", "start", "2026-03-08T09:00"));
    }

    @Test
    void macosTimerIsADetachedOsascriptThatWaitsThenNotifiesAndSpeaks() throws Exception {
        List<Step> steps = actions().plan("set_timer", args("seconds", 300, "label", "tea \"green\""), Os.MACOS)
                .steps();
        assertEquals(List.of("osascript", "-e", "delay 300\n"
                        + "display notification \"Time's up: tea \\\"green\\\"\" with title \"Timer\" sound name \"Glass\"\n"
                        + "say \"Time's up: tea \\\"green\\\"\""),
                assertInstanceOf(Step.Spawn.class, steps.get(0)).argv());
        assertEquals("5 minutes", assertInstanceOf(Step.InProcess.class, steps.get(1)).work().run(new ProcessRunner()));
    }

    @Test
    void linuxTimerIsATransientSystemdTimerRunningNotifySend() throws Exception {
        List<Step> steps = actions().plan("set_timer", args("seconds", 5405, "label", "-u critical; rm -rf ~"),
                Os.LINUX).steps();
        assertEquals(List.of("systemd-run", "--user", "--collect", "--quiet", "--on-active=5405",
                "--timer-property=AccuracySec=1s", "--", "notify-send", "--app-name=Mynah", "--", "Timer",
                "Time's up: -u critical; rm -rf ~"), assertInstanceOf(Step.Run.class, steps.get(0)).argv());
        assertEquals("1 hour 30 minutes 5 seconds", assertInstanceOf(Step.InProcess.class, steps.get(1)).work().run(new ProcessRunner()));
        List<Step> unlabelled = actions().plan("set_timer", args("seconds", 1), Os.LINUX).steps();
        assertEquals("Time's up.", unlabelled.getFirst().argv().getLast());
        assertEquals("1 second", assertInstanceOf(Step.InProcess.class, unlabelled.get(1)).work().run(new ProcessRunner()));
    }

    @Test
    void notificationsPassTheTextAsOneLiteralOrArgument() {
        assertEquals("display notification \"50% \\\\ \\\"done\\\"\" with title \"Mynah\"",
                actions().appleScript("show_notification", args("text", "50% \\ \"done\"")));
        assertEquals("display notification \"Backup\\nfinished\" with title \"Disk \\\"A\\\"\"",
                actions().appleScript("show_notification", args("text", "Backup\nfinished", "title", "Disk \"A\"")));
        assertEquals(List.of(List.of("notify-send", "--app-name=Mynah", "--", "Mynah", "--help")),
                actions().argv("show_notification", args("text", "--help"), Os.LINUX));
    }

    @Test
    void clipboardCommands() {
        assertEquals("read the output of: pbpaste", actions().inProcess("read_clipboard", args(), Os.MACOS));
        assertEquals("read the output of: xsel --clipboard --output",
                actions().inProcess("read_clipboard", args(), Os.LINUX));
        Step.Run pbcopy = assertInstanceOf(Step.Run.class,
                actions().plan("write_clipboard", args("text", HOSTILE), Os.MACOS).steps().getFirst());
        assertEquals(List.of("pbcopy"), pbcopy.argv());
        assertEquals(HOSTILE, pbcopy.stdin());
        Step.Run xsel = assertInstanceOf(Step.Run.class,
                actions().plan("write_clipboard", args("text", HOSTILE), Os.LINUX).steps().getFirst());
        assertEquals(List.of("xsel", "--clipboard", "--input"), xsel.argv());
        assertEquals(HOSTILE, xsel.stdin());
    }

    @Test
    void typingPassesTheTextWholeAndAllowsTimeForIt() {
        Step.AppleScript keystroke = assertInstanceOf(Step.AppleScript.class,
                actions().plan("type_text", args("text", HOSTILE), Os.MACOS).steps().getFirst());
        assertEquals(List.of("osascript", "-e", "tell application \"System Events\" to keystroke \"He said \\\"hi\\\""
                + " \\\\ \\\" & (do shell script \\\"rm -rf ~\\\") & \\\"\\nline 2\""), keystroke.argv());
        Step.Run xdotool = assertInstanceOf(Step.Run.class,
                actions().plan("type_text", args("text", "-n x".repeat(500)), Os.LINUX).steps().getFirst());
        assertEquals(List.of("xdotool", "type", "--clearmodifiers", "--", "-n x".repeat(500)), xdotool.argv());
        assertEquals(Duration.ofSeconds(10 + 80), xdotool.timeout());
    }

    @Test
    void shortcutNameIsOneArgument() {
        Step.Run run = assertInstanceOf(Step.Run.class, actions().plan("run_shortcut",
                args("name", "Morning \"routine\"; rm -rf ~"), Os.MACOS).steps().getFirst());
        assertEquals(List.of("shortcuts", "run", "Morning \"routine\"; rm -rf ~"), run.argv());
        assertEquals(Duration.ofMinutes(1), run.timeout());
        actions().assertNotOnLinux("run_shortcut", args("name", "Morning"));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // a program that never lets go of its output must not hang the build
    void clipboardHoldsExactlyWhatWasWrittenOnARealDisplay() throws Exception {
        String text = "Grüße, \"Mynah\" \\ $(echo hi); 中文\nsecond line\n";
        try (LinuxDesktopSession desktop = LinuxDesktopSession.start()) {
            ActionExecutor executor = new ActionExecutor(new ProcessRunner(desktop.environment()));
            Outcome written = executor.execute(actions().plan("write_clipboard", args("text", text), Os.LINUX), false);
            assertEquals("Copied.", written.reply());
            Outcome read = executor.execute(actions().plan("read_clipboard", args(), Os.LINUX), false);
            assertEquals("The clipboard says: " + text.strip(), read.reply());
            new ProcessRunner(desktop.environment()).run(List.of("xsel", "--clipboard", "--clear"), null,
                    Duration.ofSeconds(5));
            assertEquals("The clipboard is empty.",
                    executor.execute(actions().plan("read_clipboard", args(), Os.LINUX), false).reply());
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void typedTextArrivesInTheFocusedWindowOnARealDisplay() throws Exception {
        String text = "-n Hello \"Mynah\"; $(echo hi) a\\b é\nnext line";
        try (LinuxDesktopSession desktop = LinuxDesktopSession.start();
             LinuxDesktopSession.TextWindow window = desktop.openTextWindow()) {
            ActionExecutor executor = new ActionExecutor(new ProcessRunner(desktop.environment()));
            Outcome typed = executor.execute(actions().plan("type_text", args("text", text), Os.LINUX), false);
            assertEquals("Typed.", typed.reply());
            assertEquals(text, window.awaitText(text));
        }
    }
}
