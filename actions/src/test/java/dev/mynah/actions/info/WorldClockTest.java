package dev.mynah.actions.info;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WorldClockTest {
    /** Tuesday 24 November 2026, 14:05 in London (UTC in winter). */
    private static final Clock LONDON_AFTERNOON = Clock.fixed(Instant.parse("2026-11-24T14:05:00Z"),
            ZoneId.of("Europe/London"));

    private static ZoneId zone(String city) {
        return WorldClock.place(city).zone();
    }

    @Test
    void citiesThatNameAZoneAreFoundInAnyCase() {
        assertEquals(ZoneId.of("Asia/Tokyo"), zone("tokyo"));
        assertEquals(ZoneId.of("America/New_York"), zone("New York"));
        assertEquals(ZoneId.of("America/Sao_Paulo"), zone("São Paulo"));
        assertEquals(ZoneId.of("Europe/Paris"), zone("  PARIS "));
        assertEquals("New York", WorldClock.place("new york").name());
    }

    @Test
    void bigCitiesThatAreNotZoneNamesAreKnown() {
        assertEquals(ZoneId.of("America/Los_Angeles"), zone("San Francisco"));
        assertEquals(ZoneId.of("Asia/Shanghai"), zone("Beijing"));
        assertEquals(ZoneId.of("Asia/Kolkata"), zone("Mumbai"));
        assertEquals(ZoneId.of("America/New_York"), zone("Washington DC"));
        assertEquals(ZoneId.of("Europe/Berlin"), zone("Munich"));
        assertEquals(ZoneId.of("Asia/Tokyo"), zone("Japan"));
        assertEquals(ZoneId.of("America/Toronto"), zone("Montreal"));
        assertEquals(ZoneId.of("Asia/Shanghai"), zone("xi'an"));
    }

    @Test
    void chineseCityNamesAreKnown() {
        assertEquals(ZoneId.of("Asia/Shanghai"), zone("北京"));
        assertEquals(ZoneId.of("Asia/Shanghai"), zone("上海"));
        assertEquals(ZoneId.of("Asia/Tokyo"), zone("东京"));
        assertEquals(ZoneId.of("America/New_York"), zone("纽约"));
        assertEquals(ZoneId.of("Europe/London"), zone("伦敦"));
    }

    @Test
    void zoneIdsWorkToo() {
        assertEquals(ZoneId.of("Europe/Paris"), zone("Europe/Paris"));
        assertEquals(ZoneId.of("UTC"), zone("UTC"));
    }

    @Test
    void unknownPlacesSayWhatToTry() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorldClock.place("Gotham"));
        assertEquals("I don't know which time zone \"Gotham\" is in; name a big city near it, like Chicago, London or"
                + " Tokyo", e.getMessage());
    }

    @Test
    void timeOnTheSameDayIsJustTheTime() {
        WorldClock clock = new WorldClock(LONDON_AFTERNOON);
        assertEquals("In Tokyo it's 11:05 PM.", clock.timeIn("Tokyo"));
        assertEquals("In San Francisco it's 6:05 AM.", clock.timeIn("San Francisco"));
        assertEquals("In Mumbai it's 7:35 PM.", clock.timeIn("Mumbai"));
    }

    @Test
    void timeOnAnotherDayNamesTheWeekday() {
        WorldClock clock = new WorldClock(LONDON_AFTERNOON);
        assertEquals("In Auckland it's 3:05 AM on Wednesday.", clock.timeIn("auckland"));
        WorldClock lateEvening = new WorldClock(Clock.fixed(Instant.parse("2026-11-24T23:30:00Z"),
                ZoneId.of("Europe/London")));
        assertEquals("In 北京 it's 7:30 AM on Wednesday.", lateEvening.timeIn("北京"));
        assertEquals("In Honolulu it's 1:30 PM.", lateEvening.timeIn("Honolulu"));
    }
}
