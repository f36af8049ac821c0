package dev.mynah.actions.info;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UnitConverterTest {
    private static void assertConverts(double expected, double value, String from, String to) {
        assertEquals(expected, UnitConverter.convert(value, from, to), Math.abs(expected) * 1e-9 + 1e-9,
                value + " " + from + " to " + to);
    }

    @Test
    void temperaturesConvertWithTheirOffsets() {
        assertConverts(212, 100, "celsius", "fahrenheit");
        assertConverts(32, 0, "°C", "°F");
        assertConverts(-40, -40, "F", "C");
        assertConverts(37, 98.6, "degrees Fahrenheit", "degrees Celsius");
        assertConverts(273.15, 0, "Celsius", "kelvin");
        assertConverts(-459.67, 0, "K", "°F");
        assertConverts(21.85, 295, "kelvins", "deg C");
    }

    @Test
    void temperaturesBelowAbsoluteZeroAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UnitConverter.convert(-300, "celsius", "kelvin"));
        assertEquals("-300 degrees Celsius is below absolute zero", e.getMessage());
    }

    @Test
    void lengthsMassesAndVolumesUseExactDefinitions() {
        assertConverts(8.04672, 5, "miles", "km");
        assertConverts(30.48, 1, "foot", "centimetres");
        assertConverts(12, 1, "ft", "inches");
        assertConverts(1852, 1, "nautical mile", "meters");
        assertConverts(2.20462262185, 1, "kilogram", "lbs");
        assertConverts(16, 1, "pound", "ounces");
        assertConverts(14, 1, "stone", "pounds");
        assertConverts(3.785411784, 1, "gallon", "litres");
        assertConverts(2, 1, "pint", "cups");
        assertConverts(3, 1, "tablespoon", "teaspoons");
        assertConverts(1, 1000, "cc", "l");
        assertConverts(1000, 1, "cubic metre", "liters");
    }

    @Test
    void speedsTimesDataAndAreas() {
        assertConverts(100, 27.777777777778, "m/s", "km/h");
        assertConverts(60, 96.56064, "kilometers per hour", "mph");
        assertConverts(1.852, 1, "knot", "kph");
        assertConverts(90, 1.5, "hours", "minutes");
        assertConverts(168, 1, "week", "hours");
        assertConverts(1.073741824, 1, "GiB", "GB");
        assertConverts(1024, 1, "MiB", "kibibytes");
        assertConverts(125, 1, "megabit", "kB");
        assertConverts(8, 1, "byte", "bits");
        assertConverts(2.47105381467, 1, "hectare", "acres");
        assertConverts(10.7639104167, 1, "m²", "sq ft");
        assertConverts(1_000_000, 1, "square kilometre", "square meters");
        assertConverts(144, 1, "square foot", "square inches");
    }

    @Test
    void namesAreSingularPluralAbbreviatedOrBritish() {
        assertSame(UnitConverter.unit("meter"), UnitConverter.unit("Metres"));
        assertSame(UnitConverter.unit("m"), UnitConverter.unit("meters"));
        assertSame(UnitConverter.unit("feet"), UnitConverter.unit("foot"));
        assertSame(UnitConverter.unit("inch"), UnitConverter.unit("inches"));
        assertSame(UnitConverter.unit("sq m"), UnitConverter.unit("square metres"));
        assertSame(UnitConverter.unit("m^2"), UnitConverter.unit("m2"));
        assertEquals("mile", UnitConverter.unit("mi").name(1));
        assertEquals("miles", UnitConverter.unit("mi").name(2.5));
        assertEquals("degrees Fahrenheit", UnitConverter.unit("°F").name(0));
    }

    @Test
    void chineseMarketWeightsAreHalfAKiloAndAFiftiethOfAKilo() {
        assertConverts(1.5, 3, "斤", "kilograms");
        assertConverts(250, 5, "两", "grams");
        assertConverts(2, 1, "kg", "jin");
    }

    @Test
    void unknownUnitsAreNamedWithExamplesOfKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UnitConverter.convert(1, "furlongs", "meters"));
        assertEquals("I don't know the unit \"furlongs\"; use units of length (km, miles, feet), mass (kg, pounds),"
                + " volume (liters, cups, gallons), temperature (Celsius, Fahrenheit, kelvin), speed (km/h, mph),"
                + " time (minutes, hours, days), data (MB, GB, GiB) or area (square meters, acres, hectares)",
                e.getMessage());
    }

    @Test
    void unitsOfDifferentDimensionsDoNotConvert() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UnitConverter.convert(1, "kg", "meters"));
        assertEquals("can't convert kilograms (a mass) to meters (a length)", e.getMessage());
        assertEquals("can't convert degrees Celsius (a temperature) to gigabytes (an amount of data)",
                assertThrows(IllegalArgumentException.class, () -> UnitConverter.convert(1, "C", "GB"))
                        .getMessage());
    }
}
