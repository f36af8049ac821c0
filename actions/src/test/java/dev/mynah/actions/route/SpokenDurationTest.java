package dev.mynah.actions.route;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpokenDurationTest {
    @ParameterizedTest(name = "\"{0}\" is {1} s")
    @CsvSource(delimiter = '|', value = {
            "5 minutes|300", "an hour and a half|5400", "90 seconds|90", "one minute thirty|90",
            "2 hours 15 minutes|8100", "two hours and thirty minutes|9000", "half an hour|1800",
            "a minute and a half|90", "1.5 hours|5400", "10 min|600", "twenty five minutes|1500", "an hour|3600",
            "one hour thirty|5400", "45 secs|45",
            "五分钟|300", "一个半小时|5400", "半小时|1800", "半个小时|1800", "一小时二十分钟|4800", "两个小时|7200",
            "三十秒|30", "两分半|150", "十分钟|600"})
    void readsDurations(String spoken, long seconds) {
        assertEquals(Optional.of(Duration.ofSeconds(seconds)), SpokenDuration.parse(spoken));
    }

    @ParameterizedTest(name = "\"{0}\" is not a duration")
    @ValueSource(strings = {"", "banana", "5", "five", "minutes", "0 minutes", "5 minutes 3 hours",
            "one minute ninety", "ten percent minutes", "分钟", "五", "a while"})
    void refusesWhatIsNotADuration(String spoken) {
        assertEquals(Optional.empty(), SpokenDuration.parse(spoken));
    }
}
