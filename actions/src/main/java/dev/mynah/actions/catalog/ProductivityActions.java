package dev.mynah.actions.catalog;

import dev.mynah.actions.Action;
import dev.mynah.actions.AppleScriptLiteral;
import dev.mynah.actions.ArgumentSchema;
import dev.mynah.actions.Arguments;
import dev.mynah.actions.Os;
import dev.mynah.actions.Risk;
import dev.mynah.actions.Step;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Notes, reminders, calendar events, timers, notifications, the clipboard, typing and Shortcuts. */
final class ProductivityActions {
    private static final DateTimeFormatter NOTE_STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH-mm-ss");
    /** xdotool types a character every 12 ms and System Events is slower still; long text needs its time. */
    private static final Duration TYPING_TIME_PER_CHARACTER = Duration.ofMillis(40);
    private static final Duration SHORTCUT_TIMEOUT = Duration.ofMinutes(1);

    private ProductivityActions() {
    }

    static List<Action> actions() {
        return actions(Path.of(System.getProperty("user.home")), Clock.systemDefaultZone());
    }

    /** The actions with Linux notes kept in {@code home}/Notes and named by {@code clock}. */
    static List<Action> actions(Path home, Clock clock) {
        return List.of(
                Action.named("create_note")
                        .description("Write a new note (Apple Notes on macOS, a Markdown file in ~/Notes on Linux).")
                        .arguments(ArgumentSchema.builder()
                                .text("text", "Text of the note", true, 4000)
                                .text("title", "Title of the note", false)
                                .build())
                        .risk(Risk.REVERSIBLE)
                        .macos(a -> Step.appleScript("tell application \"Notes\" to make new note at default folder"
                                + " of default account with properties {body:" + AppleScriptLiteral.of(noteHtml(a))
                                + "}"))
                        .linux(a -> Step.inProcess("save the note in " + home.resolve("Notes"),
                                () -> saveNote(home.resolve("Notes"), a, LocalDateTime.now(clock)).toString()))
                        .reply("I made the note.")
                        .build(),
                Action.named("create_reminder")
                        .description("Add a reminder to the Reminders app, optionally due at a date and time.")
                        .arguments(ArgumentSchema.builder()
                                .text("text", "What to be reminded of", true)
                                .text("due", "When it is due, as an ISO-8601 local date-time, e.g. 2026-11-24T17:00",
                                        false)
                                .build())
                        .risk(Risk.REVERSIBLE)
                        .macos(a -> Step.appleScript(reminderScript(a)))
                        .reply("I added the reminder \"{text}\".")
                        .build(),
                Action.named("create_calendar_event")
                        .description("Add an event to the calendar at a date and time.")
                        .arguments(ArgumentSchema.builder()
                                .text("title", "Title of the event", true)
                                .text("start", "Start as an ISO-8601 local date-time, e.g. 2026-11-24T17:00", true)
                                .integer("duration_minutes", "Length in minutes (default 60)", false, 1, 1440)
                                .build())
                        .risk(Risk.REVERSIBLE)
                        .macos(a -> Step.appleScript(eventScript(a)))
                        .reply("I added \"{title}\" to your calendar.")
                        .build(),
                Action.named("set_timer")
                        .description("Start a countdown timer that notifies the user when it ends.")
                        .arguments(ArgumentSchema.builder()
                                .integer("seconds", "Length of the timer in seconds", true, 1, 86_400)
                                .text("label", "What the timer is for, e.g. tea", false)
                                .build())
                        .risk(Risk.REVERSIBLE)
                        .on(Os.MACOS, a -> List.of(Step.spawn("osascript", "-e", "delay " + a.integer("seconds")
                                + "\n" + displayNotification("Timer", timerMessage(a)) + " sound name \"Glass\"\n"
                                + "say " + AppleScriptLiteral.of(timerMessage(a))), howLong(a)))
                        .on(Os.LINUX, a -> List.of(Step.run(linuxTimer(a)), howLong(a)))
                        .reply("Timer set for {result}.")
                        .build(),
                Action.named("show_notification")
                        .description("Show a desktop notification with a message.")
                        .arguments(ArgumentSchema.builder()
                                .text("text", "Message to show", true)
                                .text("title", "Title of the notification (default Mynah)", false)
                                .build())
                        .risk(Risk.REVERSIBLE)
                        .macos(a -> Step.appleScript(displayNotification(notificationTitle(a), a.text("text"))))
                        .linux(a -> Step.run(notifySend(notificationTitle(a), a.text("text"))))
                        .reply("Done.")
                        .build(),
                Action.named("read_clipboard")
                        .description("Read out the text on the clipboard.")
                        .macos(a -> clipboardText("pbpaste"))
                        .linux(a -> clipboardText("xsel", "--clipboard", "--output"))
                        .reply("{result}")
                        .build(),
                Action.named("write_clipboard")
                        .description("Copy text to the clipboard.")
                        .arguments(ArgumentSchema.builder()
                                .text("text", "Text to copy", true, 10_000)
                                .build())
                        .risk(Risk.REVERSIBLE)
                        .macos(a -> Step.runWithInput(a.text("text"), "pbcopy"))
                        // xsel rather than xclip: the copy xclip leaves behind to serve the clipboard keeps our output
                        // pipes open, so every copy would wait out the runner's grace period; xsel's lets go of them.
                        .linux(a -> Step.runWithInput(a.text("text"), "xsel", "--clipboard", "--input"))
                        .reply("Copied.")
                        .build(),
                Action.named("type_text")
                        .description("Type text into the focused window as if from the keyboard.")
                        .arguments(ArgumentSchema.builder()
                                .text("text", "Text to type", true, 10_000)
                                .build())
                        .risk(Risk.REVERSIBLE)
                        .macos(a -> Step.appleScript("tell application \"System Events\" to keystroke "
                                + AppleScriptLiteral.of(a.text("text")), typingTime(a)))
                        .linux(a -> new Step.Run(List.of("xdotool", "type", "--clearmodifiers", "--", a.text("text")),
                                null, typingTime(a)))
                        .reply("Typed.")
                        .build(),
                Action.named("run_shortcut")
                        .description("Run one of the user's Shortcuts by its name.")
                        .arguments(ArgumentSchema.builder()
                                .text("name", "Name of the shortcut", true)
                                .build())
                        .risk(Risk.REVERSIBLE)
                        .macos(a -> new Step.Run(List.of("shortcuts", "run", a.text("name")), null,
                                SHORTCUT_TIMEOUT))
                        .reply("I ran the shortcut {name}.")
                        .build());
    }

    /** Notes takes HTML: the text is escaped so that "a < b" stays text, and its line breaks become breaks. */
    private static String noteHtml(Arguments a) {
        String body = html(a.text("text"));
        return a.optionalText("title").filter(t -> !t.isBlank()).map(t -> "<h1>" + html(t) + "</h1>" + body)
                .orElse(body);
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r\n", "\n")
                .replace("\n", "<br>");
    }

    /** Writes the note as {@code folder/<title or time>.md}, never over an existing file. */
    private static Path saveNote(Path folder, Arguments a, LocalDateTime now) throws IOException {
        String title = a.optionalText("title").map(String::strip).orElse("");
        String content = (title.isEmpty() ? "" : "# " + title + "\n\n") + a.text("text").strip() + "\n";
        String name = fileName(title.isEmpty() ? "Note " + NOTE_STAMP.format(now) : title);
        Files.createDirectories(folder);
        for (int copy = 1; ; copy++) {
            Path note = folder.resolve(copy == 1 ? name + ".md" : name + " (" + copy + ").md");
            try {
                return Files.writeString(note, content, StandardOpenOption.CREATE_NEW);
            } catch (FileAlreadyExistsException taken) {
                // the next number
            }
        }
    }

    /** A title made safe as a file name: no slashes or control characters, no leading dot, not too long. */
    private static String fileName(String title) {
        String name = title.replaceAll("[\\p{Cntrl}/\\\\:*?\"<>|]+", " ").replaceAll("\\s+", " ").strip()
                .replaceAll("^\\.+", "").strip();
        name = name.length() > 80 ? name.substring(0, 80).strip() : name;
        return name.isEmpty() ? "Note" : name;
    }

    private static String reminderScript(Arguments a) {
        String properties = "{name:" + AppleScriptLiteral.of(a.text("text"));
        String script = "";
        if (a.has("due")) {
            script = ProductivityDates.appleScriptDate("dueDate", ProductivityDates.parse("due", a.text("due")));
            properties += ", due date:dueDate";
        }
        return script + "tell application \"Reminders\" to tell default list to make new reminder at end with"
                + " properties " + properties + "}";
    }

    private static String eventScript(Arguments a) {
        LocalDateTime start = ProductivityDates.parse("start", a.text("start"));
        long minutes = a.optionalInteger("duration_minutes").orElse(60L);
        return ProductivityDates.appleScriptDate("startDate", start)
                + "set endDate to startDate + " + minutes + " * minutes\n"
                + "tell application \"Calendar\" to tell (first calendar whose writable is true) to make new event"
                + " with properties {summary:" + AppleScriptLiteral.of(a.text("title"))
                + ", start date:startDate, end date:endDate}";
    }

    private static String timerMessage(Arguments a) {
        return a.optionalText("label").filter(l -> !l.isBlank()).map(l -> "Time's up: " + l.strip())
                .orElse("Time's up.");
    }

    /**
     * A transient systemd user timer: it needs no shell, survives Mynah exiting, and runs notify-send in the
     * user's session when it fires.
     */
    private static List<String> linuxTimer(Arguments a) {
        List<String> argv = new ArrayList<>(List.of("systemd-run", "--user", "--collect", "--quiet",
                "--on-active=" + a.integer("seconds"), "--timer-property=AccuracySec=1s", "--"));
        argv.addAll(notifySend("Timer", timerMessage(a)));
        return argv;
    }

    private static Step howLong(Arguments a) {
        return Step.inProcess("say how long the timer runs",
                () -> ProductivityDates.spokenDuration(a.integer("seconds")));
    }

    private static String notificationTitle(Arguments a) {
        return a.optionalText("title").filter(t -> !t.isBlank()).orElse("Mynah");
    }

    private static String displayNotification(String title, String text) {
        return "display notification " + AppleScriptLiteral.of(text) + " with title " + AppleScriptLiteral.of(title);
    }

    /** "--" ends the options, so a message that starts with "-" is still the message. */
    private static List<String> notifySend(String title, String text) {
        return List.of("notify-send", "--app-name=Mynah", "--", title, text);
    }

    private static Duration typingTime(Arguments a) {
        return Step.DEFAULT_TIMEOUT.plus(TYPING_TIME_PER_CHARACTER.multipliedBy(a.text("text").length()));
    }

    /** Reads the clipboard and says it, or says that it is empty rather than reading out nothing. */
    private static Step clipboardText(String... argv) {
        return Step.inProcessWith("read the output of: " + String.join(" ", argv), processes -> {
            String text = processes.run(List.of(argv), null, Step.DEFAULT_TIMEOUT).stdout();
            return text.isBlank() ? "The clipboard is empty." : "The clipboard says: " + text.strip();
        });
    }
}
