package dev.mynah.actions.info;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExpressionEvaluatorTest {
    private static void assertValue(double expected, String expression) {
        assertEquals(expected, ExpressionEvaluator.evaluate(expression), 1e-9, expression);
    }

    private static String malformed(String expression) {
        return assertThrows(IllegalArgumentException.class, () -> ExpressionEvaluator.evaluate(expression))
                .getMessage();
    }

    private static String impossible(String expression) {
        return assertThrows(ArithmeticException.class, () -> ExpressionEvaluator.evaluate(expression)).getMessage();
    }

    @Test
    void multiplicationAndDivisionBindTighterThanAdditionAndSubtraction() {
        assertValue(14, "2 + 3 * 4");
        assertValue(20, "(2 + 3) * 4");
        assertValue(5, "10 - 10 / 2");
        assertValue(1, "7 % 3");
        assertValue(3, "10 - 4 - 3");
        assertValue(1, "12 / 4 / 3");
    }

    @Test
    void powersAreRightAssociativeAndBindTighterThanUnaryMinus() {
        assertValue(512, "2 ^ 3 ^ 2");
        assertValue(-4, "-2^2");
        assertValue(4, "(-2)^2");
        assertValue(0.5, "2^-1");
        assertValue(1024, "2 ** 10");
        assertValue(18, "2 * 3^2");
    }

    @Test
    void unaryMinusNestsAndFollowsOperators() {
        assertValue(5, "3 - -2");
        assertValue(-6, "-(2 + 4)");
        assertValue(2, "--2");
        assertValue(-3, "+-3");
    }

    @Test
    void decimalsExponentsAndThousandsSeparatorsAreNumbers() {
        assertValue(0.75, ".5 + 0.25");
        assertValue(2500, "2.5e3");
        assertValue(0.002, "2E-3");
        assertValue(1234567.5, "1,234,567.5");
    }

    @Test
    void functionsTakeParenthesesOrTheNextOperand() {
        assertValue(13, "sqrt(16) + 9");
        assertValue(13, "sqrt 16 + 9");
        assertValue(1, "sin(pi / 2)");
        assertValue(1, "sin(pi/2)^2");
        assertValue(-1, "cos(pi)");
        assertValue(1, "tan(pi / 4)");
        assertValue(3, "log(1000)");
        assertValue(1, "ln(e)");
        assertValue(7.5, "abs(-7.5)");
        assertValue(3, "round(2.5)");
        assertValue(Math.PI * 2, "2 pi");
        assertValue(14, "2(3 + 4)");
    }

    @Test
    void spokenOperatorsMeanWhatTheySay() {
        assertValue(7, "3 plus 4");
        assertValue(-1, "3 minus 4");
        assertValue(84, "12 times 7");
        assertValue(84, "12 multiplied by 7");
        assertValue(12, "144 divided by 12");
        assertValue(4, "12 over 3");
        assertValue(1024, "2 to the power of 10");
        assertValue(25, "5 squared");
        assertValue(12, "15 percent of 80");
        assertValue(12, "15% of 80");
        assertValue(0.5, "50%");
        assertValue(4, "square root of 16");
        assertValue(12, "3 x 4");
        assertValue(2, "17 mod 3");
    }

    @Test
    void divisionByZeroSaysWhere() {
        assertEquals("can't work out \"5 / (2 - 2)\": division by zero at character 3", impossible("5 / (2 - 2)"));
        assertEquals("can't work out \"1 divided by 0\": division by zero at character 3",
                impossible("1 divided by 0"));
        assertEquals("can't work out \"7 % 0\": division by zero at character 3", impossible("7 % 0"));
    }

    @Test
    void valuesOutsideAFunctionsDomainAreRefused() {
        assertEquals("can't work out \"sqrt(-4)\": the square root at character 1 is of a negative number, which"
                + " has no real value", impossible("sqrt(-4)"));
        assertEquals("can't work out \"2 * log 0\": the logarithm at character 5 is of zero or a negative number,"
                + " which has no value", impossible("2 * log 0"));
        assertEquals("can't work out \"10^400\": the result is too large to compute", impossible("10^400"));
    }

    @Test
    void malformedInputNamesTheCharacter() {
        assertEquals("can't work out \"2 + * 3\": expected a number at character 5, found \"*\"", malformed("2 + * 3"));
        assertEquals("can't work out \"(2 + 3\": the \"(\" at character 1 is never closed", malformed("(2 + 3"));
        assertEquals("can't work out \"2 + 3)\": unexpected \")\" at character 6", malformed("2 + 3)"));
        assertEquals("can't work out \"2 +\": a number is missing at the end", malformed("2 +"));
        assertEquals("can't work out \"2 3\": unexpected \"3\" at character 3", malformed("2 3"));
        assertEquals("can't work out \"1.2.3\": \"1.2.3\" at character 1 is not a number", malformed("1.2.3"));
        assertEquals("can't work out \"4 & 5\": \"&\" at character 3 is not part of arithmetic", malformed("4 & 5"));
        assertEquals("the expression is empty; say a sum like 12 times 7", malformed("  "));
    }

    @Test
    void unknownWordsAreNamedNotGuessed() {
        assertEquals("can't work out \"2 + apples\": unknown word \"apples\" at character 5; use numbers, + - * / %"
                + " ^, parentheses, sqrt, sin, cos, tan, log, ln, abs, round, pi or e", malformed("2 + apples"));
        assertThrows(IllegalArgumentException.class,
                () -> ExpressionEvaluator.evaluate("java.lang.Runtime.getRuntime().exec(\"rm\")"));
    }
}
