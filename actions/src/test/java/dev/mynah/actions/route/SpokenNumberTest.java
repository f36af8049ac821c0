package dev.mynah.actions.route;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpokenNumberTest {
    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
            "0|0", "25|25", "3.5|3.5", "1,000|1000", "80%|80", "50 percent|50",
            "five|5", "forty five|45", "twenty-one|21", "a hundred|100", "one hundred|100",
            "a hundred and five|105", "one hundred twenty three|123", "two thousand and ten|2010",
            "one point five|1.5", "two and a half|2.5", "fifty percent|50", "Seventy Five|75", "ninety nine|99",
            "五十|50", "百分之三十|30", "两|2", "二十五|25", "一百|100", "十|10", "十五|15", "一百零五|105",
            "三万五千|35000", "一点五|1.5", "两千|2000", "20|20", "百分之80|80"})
    void readsNumbersInWordsDigitsAndChinese(String spoken, double expected) {
        assertEquals(OptionalDouble.of(expected), SpokenNumber.parse(spoken));
    }

    @ParameterizedTest(name = "\"{0}\" is not a number")
    @ValueSource(strings = {"", "   ", "banana", "five five", "twenty thirty", "nineteen eighty four", "one two",
            "point five", "a", "and", "百", "五五", "二零二六", "一点", "loud", "fifty fiftyish", "3..5"})
    void refusesWhatIsNotClearlyOneNumber(String spoken) {
        assertEquals(OptionalDouble.empty(), SpokenNumber.parse(spoken));
    }
}
