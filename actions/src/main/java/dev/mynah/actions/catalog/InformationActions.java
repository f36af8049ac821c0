package dev.mynah.actions.catalog;

import dev.mynah.actions.Action;
import dev.mynah.actions.ArgumentSchema;
import dev.mynah.actions.Step;
import dev.mynah.actions.info.ExpressionEvaluator;
import dev.mynah.actions.info.UnitConverter;
import dev.mynah.actions.info.WorldClock;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Answers worked out inside Mynah on every desktop: the time here and elsewhere, the date, sums, units. */
final class InformationActions {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.US);

    private InformationActions() {
    }

    static List<Action> actions() {
        return actions(Clock.systemDefaultZone());
    }

    static List<Action> actions(Clock clock) {
        WorldClock world = new WorldClock(clock);
        return List.of(
                Action.named("current_time")
                        .description("Say what time it is here.")
                        .everywhere(a -> Step.inProcess("read the clock",
                                () -> WorldClock.spokenTime(ZonedDateTime.now(clock))))
                        .reply("It's {result}.")
                        .build(),
                Action.named("current_date")
                        .description("Say today's date and weekday.")
                        .everywhere(a -> Step.inProcess("read the calendar",
                                () -> DATE.format(ZonedDateTime.now(clock))))
                        .reply("Today is {result}.")
                        .build(),
                Action.named("time_in_city")
                        .description("Say the current time in another city or country, e.g. Tokyo or New York.")
                        .arguments(ArgumentSchema.builder()
                                .text("city", "City or country, in English or Chinese", true)
                                .build())
                        .everywhere(a -> Step.inProcess("look up the time in " + a.text("city"),
                                () -> world.timeIn(a.text("city"))))
                        .reply("{result}")
                        .build(),
                Action.named("calculate")
                        .description("Work out arithmetic: + - * / % ^, parentheses, percent of, sqrt, sin, cos,"
                                + " tan, log, ln, abs, round, pi, e; words like \"times\" and \"divided by\" work.")
                        .arguments(ArgumentSchema.builder()
                                .text("expression", "Arithmetic expression, e.g. (12 + 3) * 4 or 15% of 80", true)
                                .build())
                        .everywhere(a -> Step.inProcess("calculate " + a.text("expression"),
                                () -> InformationNumbers.spoken(ExpressionEvaluator.evaluate(a.text("expression")),
                                        10)))
                        .reply("That's {result}.")
                        .build(),
                Action.named("convert_units")
                        .description("Convert a quantity between units of length, mass, volume, temperature,"
                                + " speed, time, data or area, e.g. 5 miles to km or 70 F to C.")
                        .arguments(ArgumentSchema.builder()
                                .number("value", "Amount to convert", true, -1e12, 1e12)
                                .text("from", "Unit of the amount, e.g. miles, kg, °F, GB", true)
                                .text("to", "Unit to convert into, e.g. km, pounds, °C, MiB", true)
                                .build())
                        .everywhere(a -> Step.inProcess("convert " + InformationNumbers.spoken(a.number("value"), 10) + " " + a.text("from")
                                + " to " + a.text("to"), () -> converted(a.number("value"), a.text("from"),
                                a.text("to"))))
                        .reply("{result}")
                        .build());
    }

    /** "5 miles is 8.04672 kilometers." */
    private static String converted(double value, String from, String to) {
        UnitConverter.Unit source = UnitConverter.unit(from);
        UnitConverter.Unit target = UnitConverter.unit(to);
        double result = UnitConverter.convert(value, source, target);
        String amount = InformationNumbers.spoken(value, 10);
        String answer = InformationNumbers.spoken(result, 6);
        return amount + " " + source.name(value) + " is " + answer + " " + target.name(Double.parseDouble(answer))
                + ".";
    }
}
