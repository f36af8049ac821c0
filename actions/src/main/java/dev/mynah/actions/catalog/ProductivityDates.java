package dev.mynah.actions.catalog;

import dev.mynah.actions.InvalidArgumentsException;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Dates and durations for reminders, events and timers: parsed strictly, written for AppleScript and speech. */
final class ProductivityDates {
    private ProductivityDates() {
    }

    /** An ISO-8601 local date-time ("2026-11-24T17:00"; a space instead of the T is accepted). */
    static LocalDateTime parse(String argument, String text) {
        try {
            return LocalDateTime.parse(text.strip().replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            throw new InvalidArgumentsException(argument + " must be a date and time like 2026-11-24T17:00, got \""
                    + text + "\"");
        }
    }

    /**
     * AppleScript lines that set {@code variable} to {@code time}, built from numbers: a date string would be
     * read in the Mac's locale and mean another day in another country. The day goes to 1 first so that no
     * month overflows on the way (31 January with its month set to February would be 3 March).
     */
    static String appleScriptDate(String variable, LocalDateTime time) {
        return "set " + variable + " to current date\n"
                + "set day of " + variable + " to 1\n"
                + "set year of " + variable + " to " + time.getYear() + "\n"
                + "set month of " + variable + " to " + time.getMonthValue() + "\n"
                + "set day of " + variable + " to " + time.getDayOfMonth() + "\n"
                + "set time of " + variable + " to " + time.toLocalTime().toSecondOfDay() + "\n";
    }

    /** "1 hour 30 minutes", "45 seconds", "2 minutes 5 seconds". */
    static String spokenDuration(long seconds) {
        List<String> parts = new ArrayList<>();
        add(parts, seconds / 3600, "hour");
        add(parts, seconds % 3600 / 60, "minute");
        add(parts, seconds % 60, "second");
        return parts.isEmpty() ? "0 seconds" : String.join(" ", parts);
    }

    private static void add(List<String> parts, long amount, String unit) {
        if (amount > 0) {
            parts.add(amount + " " + unit + (amount == 1 ? "" : "s"));
        }
    }
}
