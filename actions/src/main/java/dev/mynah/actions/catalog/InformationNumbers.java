package dev.mynah.actions.catalog;

import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers as Mynah says them: rounded, no trailing zeros, and powers of ten in words when they are huge or tiny. */
final class InformationNumbers {
    private InformationNumbers() {
    }

    /**
     * {@code value} rounded to {@code significantDigits}, though never inside its whole part: 1234.5678 to 6
     * digits is "1234.57", 3.0 is "3", 123456789 to 6 digits is "123456789", and 2^100 is "1.2676506 times 10 to
     * the power of 30".
     */
    static String spoken(double value, int significantDigits) {
        if (value == 0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        int wholeDigits = magnitude < 1e15 ? (int) Math.floor(Math.log10(magnitude)) + 1 : 0;
        MathContext precision = new MathContext(Math.max(significantDigits, wholeDigits));
        BigDecimal rounded = new BigDecimal(value).round(precision).stripTrailingZeros();
        if (magnitude < 1e15 && magnitude >= 1e-9) {
            return rounded.toPlainString();
        }
        int exponent = rounded.precision() - rounded.scale() - 1;
        return rounded.movePointLeft(exponent).stripTrailingZeros().toPlainString() + " times 10 to the power of "
                + exponent;
    }
}
