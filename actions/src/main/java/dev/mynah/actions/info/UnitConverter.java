package dev.mynah.actions.info;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Converts between units of length, mass, volume, temperature, speed, time, data and area, named the way people
 * write or say them ("miles", "km", "degrees Fahrenheit", "°C", "MiB", "sq ft"). Each unit is an affine map to
 * its dimension's base unit ({@code base = value * factor + offset}), so temperatures convert like the rest.
 */
public final class UnitConverter {
    /** What a unit measures; only units of the same dimension convert into each other. */
    public enum Dimension {
        LENGTH("a length"), MASS("a mass"), VOLUME("a volume"), TEMPERATURE("a temperature"), SPEED("a speed"),
        TIME("a time"), DATA("an amount of data"), AREA("an area");

        private final String spoken;

        Dimension(String spoken) {
            this.spoken = spoken;
        }
    }

    /** One unit: its names for one and for many, and how to reach the base unit of its dimension. */
    public record Unit(String singular, String plural, Dimension dimension, double factor, double offset) {
        public String name(double amount) {
            return Math.abs(amount) == 1 ? singular : plural;
        }

        double toBase(double value) {
            return value * factor + offset;
        }

        double fromBase(double base) {
            return (base - offset) / factor;
        }
    }

    private static final Map<String, Unit> UNITS = new HashMap<>();

    static {
        Dimension d = Dimension.LENGTH;
        define(d, 1e-9, "nanometer", "nanometers", "nm");
        define(d, 1e-6, "micrometer", "micrometers", "µm", "um", "micron", "microns");
        define(d, 0.001, "millimeter", "millimeters", "mm");
        define(d, 0.01, "centimeter", "centimeters", "cm");
        define(d, 1, "meter", "meters", "m");
        define(d, 1000, "kilometer", "kilometers", "km", "kms");
        define(d, 0.0254, "inch", "inches", "in", "\"");
        define(d, 0.3048, "foot", "feet", "ft", "'");
        define(d, 0.9144, "yard", "yards", "yd", "yds");
        define(d, 1609.344, "mile", "miles", "mi");
        define(d, 1852, "nautical mile", "nautical miles", "nmi");

        d = Dimension.MASS;
        define(d, 1e-6, "milligram", "milligrams", "mg");
        define(d, 0.001, "gram", "grams", "g", "gr");
        define(d, 1, "kilogram", "kilograms", "kg", "kgs", "kilo", "kilos");
        define(d, 1000, "metric ton", "metric tons", "t", "tonne", "tonnes");
        define(d, 0.028349523125, "ounce", "ounces", "oz");
        define(d, 0.45359237, "pound", "pounds", "lb", "lbs");
        define(d, 6.35029318, "stone", "stone", "st", "stones");
        define(d, 0.5, "jin", "jin", "斤", "catty");
        define(d, 0.05, "liang", "liang", "两");
        define(d, 907.18474, "short ton", "short tons", "ton", "tons", "us ton", "us tons");

        d = Dimension.VOLUME; // base: liter
        define(d, 0.001, "milliliter", "milliliters", "ml", "cubic centimeter", "cubic centimeters", "cc", "cm3");
        define(d, 0.01, "centiliter", "centiliters", "cl");
        define(d, 0.1, "deciliter", "deciliters", "dl");
        define(d, 1, "liter", "liters", "l");
        define(d, 1000, "cubic meter", "cubic meters", "m3");
        define(d, 0.016387064, "cubic inch", "cubic inches", "in3");
        define(d, 28.316846592, "cubic foot", "cubic feet", "ft3");
        define(d, 0.00492892159375, "teaspoon", "teaspoons", "tsp");
        define(d, 0.01478676478125, "tablespoon", "tablespoons", "tbsp");
        define(d, 0.0295735295625, "fluid ounce", "fluid ounces", "fl oz", "floz");
        define(d, 0.2365882365, "cup", "cups");
        define(d, 0.473176473, "pint", "pints", "pt");
        define(d, 0.946352946, "quart", "quarts", "qt");
        define(d, 3.785411784, "gallon", "gallons", "gal", "us gallon", "us gallons");
        define(d, 4.54609, "imperial gallon", "imperial gallons", "uk gallon", "uk gallons");
        define(d, 0.56826125, "imperial pint", "imperial pints", "uk pint", "uk pints");

        d = Dimension.TEMPERATURE; // base: kelvin
        define(new Unit("degree Celsius", "degrees Celsius", d, 1, 273.15), "celsius", "centigrade", "°c", "c");
        define(new Unit("degree Fahrenheit", "degrees Fahrenheit", d, 5.0 / 9, 459.67 * 5 / 9), "fahrenheit",
                "°f", "f");
        define(new Unit("kelvin", "kelvins", d, 1, 0), "k");

        d = Dimension.SPEED; // base: meter per second
        define(d, 1, "meter per second", "meters per second", "m/s", "mps");
        define(d, 1000.0 / 3600, "kilometer per hour", "kilometers per hour", "km/h", "kmh", "kph", "kmph");
        define(d, 1609.344 / 3600, "mile per hour", "miles per hour", "mph", "mi/h");
        define(d, 1852.0 / 3600, "knot", "knots", "kn", "kt");
        define(d, 0.3048, "foot per second", "feet per second", "ft/s", "fps");

        d = Dimension.TIME;
        define(d, 0.001, "millisecond", "milliseconds", "ms", "msec");
        define(d, 1, "second", "seconds", "s", "sec", "secs");
        define(d, 60, "minute", "minutes", "min", "mins");
        define(d, 3600, "hour", "hours", "h", "hr", "hrs");
        define(d, 86_400, "day", "days", "d");
        define(d, 604_800, "week", "weeks", "wk", "wks");
        define(d, 2_629_746, "month", "months", "mo"); // an average Gregorian month
        define(d, 31_556_952, "year", "years", "yr", "yrs"); // an average Gregorian year

        d = Dimension.DATA; // base: byte
        define(d, 0.125, "bit", "bits");
        define(d, 125, "kilobit", "kilobits", "kbit");
        define(d, 125_000, "megabit", "megabits", "mbit");
        define(d, 125_000_000, "gigabit", "gigabits", "gbit");
        define(d, 1, "byte", "bytes", "b");
        define(d, 1e3, "kilobyte", "kilobytes", "kb");
        define(d, 1e6, "megabyte", "megabytes", "mb");
        define(d, 1e9, "gigabyte", "gigabytes", "gb");
        define(d, 1e12, "terabyte", "terabytes", "tb");
        define(d, 1e15, "petabyte", "petabytes", "pb");
        define(d, 1L << 10, "kibibyte", "kibibytes", "kib");
        define(d, 1L << 20, "mebibyte", "mebibytes", "mib");
        define(d, 1L << 30, "gibibyte", "gibibytes", "gib");
        define(d, 1L << 40, "tebibyte", "tebibytes", "tib");

        d = Dimension.AREA; // base: square meter
        define(d, 1e-6, "square millimeter", "square millimeters", "mm2");
        define(d, 1e-4, "square centimeter", "square centimeters", "cm2");
        define(d, 1, "square meter", "square meters", "m2");
        define(d, 1e6, "square kilometer", "square kilometers", "km2");
        define(d, 1e4, "hectare", "hectares", "ha");
        define(d, 4046.8564224, "acre", "acres", "ac");
        define(d, 0.00064516, "square inch", "square inches", "in2");
        define(d, 0.09290304, "square foot", "square feet", "ft2");
        define(d, 0.83612736, "square yard", "square yards", "yd2");
        define(d, 2_589_988.110336, "square mile", "square miles", "mi2");
    }

    private UnitConverter() {
    }

    /**
     * Converts {@code value} from one unit to another.
     *
     * @throws IllegalArgumentException for a unit it does not know, units of different dimensions, or a
     *                                  temperature below absolute zero
     */
    public static double convert(double value, String from, String to) {
        return convert(value, unit(from), unit(to));
    }

    public static double convert(double value, Unit from, Unit to) {
        if (from.dimension() != to.dimension()) {
            throw new IllegalArgumentException("can't convert " + from.plural() + " (" + from.dimension().spoken
                    + ") to " + to.plural() + " (" + to.dimension().spoken + ")");
        }
        double base = from.toBase(value);
        if (from.dimension() == Dimension.TEMPERATURE && base < -1e-9) {
            throw new IllegalArgumentException(plain(value) + " " + from.name(value) + " is below absolute zero");
        }
        return to.fromBase(base);
    }

    /**
     * The unit called {@code name}, in English: singular or plural, US or British spelling, or an abbreviation.
     *
     * @throws IllegalArgumentException naming the unit it does not know and the kinds of unit it does
     */
    public static Unit unit(String name) {
        String key = canonical(name);
        Unit unit = UNITS.get(key);
        if (unit == null && key.startsWith("square ")) {
            unit = UNITS.get(key.substring("square ".length()) + "2");
        }
        if (unit == null && key.startsWith("cubic ")) {
            unit = UNITS.get(key.substring("cubic ".length()) + "3");
        }
        if (unit == null) {
            throw new IllegalArgumentException("I don't know the unit \"" + name.strip() + "\"; use units of length"
                    + " (km, miles, feet), mass (kg, pounds), volume (liters, cups, gallons), temperature"
                    + " (Celsius, Fahrenheit, kelvin), speed (km/h, mph), time (minutes, hours, days), data (MB, GB,"
                    + " GiB) or area (square meters, acres, hectares)");
        }
        return unit;
    }

    /**
     * One spelling for the many ways of writing a unit: lower case, American spelling, "²" as "2", no "degrees",
     * "per hour" as "/h", "sq" as "square": "Square Metres", "sq m", "m²" and "m^2" all reach the same unit.
     */
    private static String canonical(String name) {
        String s = Normalizer.normalize(name.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace("metre", "meter").replace("litre", "liter").replace("²", "2").replace("³", "3")
                .replace("^", "").replace("º", "°").replaceAll("\\s+", " ").replaceAll("\\.$", "")
                .replaceAll("^(degrees?|deg) ", "").replace(" per ", "/")
                .replaceAll("/hours?$", "/h").replaceAll("/(seconds?|secs?)$", "/s");
        return s.startsWith("sq ") ? "square " + s.substring(3) : s;
    }

    private static void define(Dimension dimension, double factor, String singular, String plural,
                               String... aliases) {
        define(new Unit(singular, plural, dimension, factor, 0), aliases);
    }

    private static void define(Unit unit, String... aliases) {
        register(unit.singular(), unit);
        register(unit.plural(), unit);
        for (String alias : aliases) {
            register(alias, unit);
        }
    }

    private static void register(String name, Unit unit) {
        Unit previous = UNITS.put(canonical(name), unit);
        if (previous != null && previous != unit) {
            throw new IllegalStateException("two units are called \"" + name + "\"");
        }
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }
}
