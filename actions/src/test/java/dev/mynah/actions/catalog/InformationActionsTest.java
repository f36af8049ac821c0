package dev.mynah.actions.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mynah.actions.InvalidArgumentsException;
import dev.mynah.actions.Os;
import dev.mynah.actions.Outcome;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import static dev.mynah.actions.catalog.CatalogFixtures.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InformationActionsTest {
    /** Tuesday 24 November 2026, 3:05 PM in New York. */
    private static final Clock NEW_YORK = Clock.fixed(Instant.parse("2026-11-24T20:05:00Z"),
            ZoneId.of("America/New_York"));
    private static final CatalogFixtures ACTIONS = CatalogFixtures.of(InformationActions.actions(NEW_YORK));

    private static String reply(String action, Object... arguments) {
        return reply(ACTIONS, action, args(arguments));
    }

    private static String reply(CatalogFixtures actions, String action, ObjectNode arguments) {
        Outcome outcome = actions.execute(action, arguments, Os.LINUX, false);
        assertEquals(outcome, actions.execute(action, arguments, Os.MACOS, false), "the same on every desktop");
        return outcome.reply();
    }

    @Test
    void actionsMatchTheCatalogue() {
        assertEquals(List.of(
                "current_time read-only",
                "current_date read-only",
                "time_in_city read-only city:text(200)",
                "calculate read-only expression:text(200)",
                "convert_units read-only value:number[-1.0E12..1.0E12] from:text(200) to:text(200)"),
                InformationActions.actions().stream().map(ProductivityActionsTest::signature).toList());
    }

    @Test
    void timeAndDateAreSpokenNaturally() {
        assertEquals("It's 3:05 PM.", reply("current_time"));
        assertEquals("Today is Tuesday, November 24, 2026.", reply("current_date"));
        Clock morning = Clock.fixed(Instant.parse("2026-03-08T09:07:00Z"), ZoneId.of("UTC"));
        assertEquals("It's 9:07 AM.", reply(CatalogFixtures.of(InformationActions.actions(morning)),
                "current_time", args()));
    }

    @Test
    void currentTimeReadsTheRealClock() {
        ZonedDateTime before = ZonedDateTime.now();
        String reply = reply(CatalogFixtures.of(InformationActions.actions()), "current_time", args());
        ZonedDateTime after = ZonedDateTime.now();
        DateTimeFormatter spoken = DateTimeFormatter.ofPattern("'It''s' h:mm a.", Locale.US);
        // The minute may turn between the two readings; the reply is one of them.
        assertTrue(reply.equals(spoken.format(before)) || reply.equals(spoken.format(after)), reply);
    }

    @Test
    void timeInAnotherCityNamesTheDayWhenItDiffers() {
        assertEquals("In Tokyo it's 5:05 AM on Wednesday.", reply("time_in_city", "city", "Tokyo"));
        assertEquals("In San Francisco it's 12:05 PM.", reply("time_in_city", "city", "san francisco"));
        assertEquals("In 上海 it's 4:05 AM on Wednesday.", reply("time_in_city", "city", "上海"));
        assertEquals("That didn't work: I don't know which time zone \"Atlantis\" is in; name a big city near it,"
                + " like Chicago, London or Tokyo.", reply("time_in_city", "city", "Atlantis"));
    }

    @Test
    void calculationsAreWorkedOutAndSpokenWithoutNeedlessDigits() {
        assertEquals("That's 14.", reply("calculate", "expression", "2 + 3 * 4"));
        assertEquals("That's 0.3333333333.", reply("calculate", "expression", "1 / 3"));
        assertEquals("That's 12.", reply("calculate", "expression", "15 percent of 80"));
        assertEquals("That's 1.2676506 times 10 to the power of 30.", reply("calculate", "expression", "2^100"));
        assertEquals("That's 2.5 times 10 to the power of -12.", reply("calculate", "expression", "2.5e-12"));
        assertEquals("That's 123456789012345.", reply("calculate", "expression", "123456789012345"));
        assertEquals("That's -0.5.", reply("calculate", "expression", "-(1/2)"));
        assertEquals("That didn't work: can't work out \"10 / (5 - 5)\": division by zero at character 4.",
                reply("calculate", "expression", "10 / (5 - 5)"));
    }

    @Test
    void conversionsNameBothUnits() {
        assertEquals("5 miles is 8.04672 kilometers.", reply("convert_units", "value", 5, "from", "mi", "to", "km"));
        assertEquals("100 degrees Fahrenheit is 37.7778 degrees Celsius.",
                reply("convert_units", "value", 100, "from", "°F", "to", "celsius"));
        assertEquals("1 kilogram is 2.20462 pounds.", reply("convert_units", "value", 1, "from", "kg", "to", "lb"));
        assertEquals("2.5 hours is 150 minutes.",
                reply(ACTIONS, "convert_units", args("from", "hours", "to", "min").put("value", 2.5)));
        assertEquals("That didn't work: can't convert liters (a volume) to hours (a time).",
                reply("convert_units", "value", 1, "from", "liters", "to", "hours"));
    }

    @Test
    void valuesOutsideTheSchemaAreRefusedBeforeAnythingRuns() {
        InvalidArgumentsException e = assertThrows(InvalidArgumentsException.class, () -> ACTIONS.plan(
                "convert_units", args("from", "m", "to", "km").put("value", 5e12),
                Os.LINUX));
        assertEquals("value must be between -1000000000000 and 1000000000000, got 5000000000000", e.getMessage());
    }
}
