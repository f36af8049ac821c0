package dev.mynah.actions.route;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Now is Tuesday 2026-11-24 10:00. */
class SpokenTimeTest {
    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
            "at 5 pm|2026-11-24T17:00", "at 5pm|2026-11-24T17:00", "at 9 am|2026-11-25T09:00",
            "tomorrow at 9|2026-11-25T09:00", "tomorrow at 3|2026-11-25T15:00", "at 17:30|2026-11-24T17:30",
            "at 5|2026-11-24T17:00", "at 11|2026-11-24T11:00", "at five thirty pm|2026-11-24T17:30",
            "at noon|2026-11-24T12:00", "at midnight|2026-11-25T00:00", "in 20 minutes|2026-11-24T10:20",
            "in an hour and a half|2026-11-24T11:30", "on friday at 2 pm|2026-11-27T14:00",
            "tomorrow morning at 8|2026-11-25T08:00", "tonight at 8|2026-11-24T20:00",
            "at 9 tomorrow|2026-11-25T09:00", "at 8 in the evening|2026-11-24T20:00", "tomorrow|2026-11-25T09:00",
            "at half past six pm|2026-11-24T18:30", "next monday at 10 am|2026-11-30T10:00",
            "下午三点|2026-11-24T15:00", "明天早上八点|2026-11-25T08:00", "晚上八点半|2026-11-24T20:30",
            "今晚八点|2026-11-24T20:00", "上午九点|2026-11-25T09:00", "明天下午两点十五分|2026-11-25T14:15",
            "十分钟后|2026-11-24T10:10", "半小时以后|2026-11-24T10:30", "17:45|2026-11-24T17:45",
            "明天|2026-11-25T09:00", "明天晚上|2026-11-25T19:00", "周五下午三点|2026-11-27T15:00",
            "星期天上午十点|2026-11-29T10:00", "下周一早上九点|2026-11-30T09:00", "下周二|2026-12-01T09:00",
            "明晚七点|2026-11-25T19:00"})
    void resolvesAgainstTheClock(String spoken, String expected) {
        assertEquals(Optional.of(expected),
                SpokenTime.parse(spoken, RouterFixture.CLOCK).map(t -> t.format(SpokenTime.ISO_MINUTES)));
    }

    @ParameterizedTest(name = "\"{0}\" is not a time")
    @ValueSource(strings = {"", "5", "the oven", "at 25", "at 13 pm", "at 5:75", "in the oven", "in a while",
            "yesterday", "banana at noon", "今天", "下午", "周八", "明天香蕉"})
    void refusesWhatIsNotAClearTime(String spoken) {
        assertEquals(Optional.empty(), SpokenTime.parse(spoken, RouterFixture.CLOCK));
    }
}
