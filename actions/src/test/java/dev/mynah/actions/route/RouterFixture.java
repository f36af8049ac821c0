package dev.mynah.actions.route;

import dev.mynah.actions.InstalledApps;
import dev.mynah.actions.InstalledApps.App;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The installed apps and the clock (Tuesday 2026-11-24 10:00 UTC) every router test routes against. */
final class RouterFixture {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    static final InstalledApps APPS = InstalledApps.of(List.of(
            new App("Safari", "/Applications/Safari.app"),
            new App("Google Chrome", "/Applications/Google Chrome.app"),
            new App("Firefox", "/Applications/Firefox.app"),
            new App("Music", "/System/Applications/Music.app"),
            new App("Spotify", "/Applications/Spotify.app"),
            new App("Notes", "/System/Applications/Notes.app"),
            new App("Mail", "/System/Applications/Mail.app"),
            new App("Messages", "/System/Applications/Messages.app"),
            new App("Calendar", "/System/Applications/Calendar.app"),
            new App("Terminal", "/System/Applications/Utilities/Terminal.app"),
            new App("Finder", "/System/Library/CoreServices/Finder.app"),
            new App("System Settings", "/System/Applications/System Settings.app"),
            new App("Visual Studio Code", "/Applications/Visual Studio Code.app"),
            new App("Slack", "/Applications/Slack.app"),
            new App("zoom.us", "/Applications/zoom.us.app"),
            new App("Photos", "/System/Applications/Photos.app"),
            new App("Preview", "/System/Applications/Preview.app"),
            new App("Calculator", "/System/Applications/Calculator.app"),
            new App("WeChat", "/Applications/WeChat.app"),
            new App("Microsoft Word", "/Applications/Microsoft Word.app"),
            new App("Xcode", "/Applications/Xcode.app"),
            new App("Reminders", "/System/Applications/Reminders.app"),
            new App("Maps", "/System/Applications/Maps.app"),
            new App("FaceTime", "/System/Applications/FaceTime.app")));

    private RouterFixture() {
    }

    static FastPathRouter router() {
        return new FastPathRouter(APPS, CLOCK);
    }
}
