package dev.mynah.actions.catalog;

import dev.mynah.actions.Action;
import dev.mynah.actions.InvalidArgumentsException;
import dev.mynah.actions.Os;
import dev.mynah.actions.Plan;
import dev.mynah.actions.Risk;
import dev.mynah.actions.Step;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.mynah.actions.catalog.CatalogFixtures.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WebActionsTest {
    private final CatalogFixtures web = CatalogFixtures.of(WebActions.actions());

    @Test
    void catalogueNamesAndRisks() {
        assertEquals(List.of("web_search", "open_url", "youtube_search", "directions", "current_browser_tab"),
                web.registry().actions().stream().map(Action::name).toList());
        assertEquals(Risk.READ_ONLY, web.registry().find("current_browser_tab").orElseThrow().risk());
        assertEquals(Risk.REVERSIBLE, web.registry().find("open_url").orElseThrow().risk());
        assertEquals(2000, web.registry().find("open_url").orElseThrow().arguments().field("url").maxLength());
    }

    @Test
    void webSearchOpensDuckDuckGoWithTheQueryEncoded() {
        assertEquals(List.of(List.of("open", "https://duckduckgo.com/?q=cheap+flights+to+Oslo+%26+back")),
                web.argv("web_search", args("query", "cheap flights to Oslo & back"), Os.MACOS));
        Plan linux = web.plan("web_search", args("query", "cheap flights to Oslo & back"), Os.LINUX);
        assertEquals(List.of("xdg-open", "https://duckduckgo.com/?q=cheap+flights+to+Oslo+%26+back"),
                assertInstanceOf(Step.Spawn.class, linux.steps().getFirst()).argv());
    }

    @Test
    void aHostileQueryBecomesPartOfOneEncodedUrl() {
        assertEquals(List.of(List.of("open",
                        "https://duckduckgo.com/?q=%22+%26+do+shell+script+%22rm+-rf+%7E%22+%26+%22%0Abeep")),
                web.argv("web_search", args("query", "\" & do shell script \"rm -rf ~\" & \"\nbeep"), Os.MACOS));
        assertEquals(List.of(List.of("xdg-open", "https://duckduckgo.com/?q=--help+%3B+reboot")),
                web.argv("web_search", args("query", "--help ; reboot"), Os.LINUX));
    }

    @Test
    void youtubeSearch() {
        assertEquals(List.of(List.of("open", "https://www.youtube.com/results?search_query=lofi+hip+hop")),
                web.argv("youtube_search", args("query", "lofi hip hop"), Os.MACOS));
        assertEquals(List.of(List.of("xdg-open", "https://www.youtube.com/results?search_query=lofi+hip+hop")),
                web.argv("youtube_search", args("query", "lofi hip hop"), Os.LINUX));
    }

    @Test
    void openUrlOpensWebAddressesAndAddsHttpsToABareSiteName() {
        assertEquals(List.of(List.of("open", "https://example.com")),
                web.argv("open_url", args("url", "example.com"), Os.MACOS));
        assertEquals(List.of(List.of("xdg-open", "https://example.com")),
                web.argv("open_url", args("url", " example.com "), Os.LINUX));
        assertEquals(List.of(List.of("open", "HTTPS://Example.com/a?b=c")),
                web.argv("open_url", args("url", "HTTPS://Example.com/a?b=c"), Os.MACOS));
        assertEquals(List.of(List.of("open", "http://192.168.1.1/admin")),
                web.argv("open_url", args("url", "http://192.168.1.1/admin"), Os.MACOS));
        assertEquals(List.of(List.of("open", "https://localhost:8080/status")),
                web.argv("open_url", args("url", "localhost:8080/status"), Os.MACOS));
        assertEquals(List.of(List.of("open", "mailto:ana@example.com")),
                web.argv("open_url", args("url", "mailto:ana@example.com"), Os.MACOS));
        assertEquals(List.of(List.of("xdg-open", "https://example.com/$(reboot)")),
                web.argv("open_url", args("url", "https://example.com/$(reboot)"), Os.LINUX));
    }

    @Test
    void openUrlRefusesJavascriptFileAndAppLinksBeforeAnythingRuns() {
        assertRefused("javascript:alert(document.cookie)",
                "only web addresses (http or https) and mailto links can be opened, not a \"javascript:\" link");
        assertRefused("JavaScript:alert(1)",
                "only web addresses (http or https) and mailto links can be opened, not a \"JavaScript:\" link");
        assertRefused("file:///etc/passwd",
                "only web addresses (http or https) and mailto links can be opened, not a \"file:\" link");
        assertRefused("slack://open?team=T1",
                "only web addresses (http or https) and mailto links can be opened, not a \"slack:\" link");
        assertRefused("data:text/html,<script>alert(1)</script>",
                "only web addresses (http or https) and mailto links can be opened, not a \"data:\" link");
    }

    @Test
    void openUrlRefusesThingsThatAreNotAddresses() {
        assertRefused("google", "\"google\" is not a web address; say the whole site name, like example.com");
        assertRefused("https://", "\"https://\" is not a valid web address (expected authority)");
        assertRefused("https://exa mple.com", "\"https://exa mple.com\" is not a valid web address (illegal"
                + " character in authority)");
        assertRefused("mailto:", "\"mailto:\" is not a valid web address (expected scheme-specific part)");
    }

    @Test
    void directionsUseAppleMapsOnMacAndOpenStreetMapOnLinux() {
        assertEquals(List.of(List.of("open", "maps://?daddr=1+Infinite+Loop%2C+Cupertino&saddr=SFO&dirflg=w")),
                web.argv("directions", args("destination", "1 Infinite Loop, Cupertino", "origin", "SFO", "mode",
                        "walking"), Os.MACOS));
        assertEquals(List.of(List.of("open", "maps://?daddr=Eiffel+Tower")),
                web.argv("directions", args("destination", "Eiffel Tower"), Os.MACOS));
        assertEquals(List.of(List.of("open", "maps://?daddr=Eiffel+Tower&dirflg=r")),
                web.argv("directions", args("destination", "Eiffel Tower", "mode", "transit"), Os.MACOS));
        assertEquals(List.of(List.of("open", "maps://?daddr=Eiffel+Tower&dirflg=d")),
                web.argv("directions", args("destination", "Eiffel Tower", "mode", "driving"), Os.MACOS));

        Plan linux = web.plan("directions", args("destination", "1 Infinite Loop, Cupertino", "origin", "SFO",
                "mode", "walking"), Os.LINUX);
        assertEquals(List.of("xdg-open", "https://www.openstreetmap.org/directions?engine=fossgis_osrm_foot&from=SFO"
                        + "&to=1+Infinite+Loop%2C+Cupertino"),
                assertInstanceOf(Step.Spawn.class, linux.steps().getFirst()).argv());
        assertEquals(List.of(List.of("xdg-open", "https://www.openstreetmap.org/directions?engine=fossgis_osrm_car"
                        + "&to=Eiffel+Tower")),
                web.argv("directions", args("destination", "Eiffel Tower", "mode", "driving"), Os.LINUX));
        assertEquals(List.of(List.of("xdg-open", "https://www.openstreetmap.org/directions?to=Eiffel+Tower")),
                web.argv("directions", args("destination", "Eiffel Tower", "mode", "transit"), Os.LINUX));
    }

    @Test
    void currentBrowserTabAsksSafariOrChromeOnMacOnly() {
        assertEquals("""
                tell application "System Events" to set frontApp to name of first application process whose frontmost is true
                if frontApp is "Google Chrome" or (application "Google Chrome" is running and not (application "Safari" is running)) then
                    return run script "tell application \\"Google Chrome\\" to return title of active tab of front window & \\" — \\" & URL of active tab of front window"
                end if
                if application "Safari" is running then
                    tell application "Safari" to return name of current tab of front window & " — " & URL of current tab of front window
                end if
                error "Neither Safari nor Chrome is open"
                """, web.appleScript("current_browser_tab", args()));
        web.assertNotOnLinux("current_browser_tab", args());
    }

    private void assertRefused(String url, String message) {
        for (Os os : Os.values()) {
            InvalidArgumentsException e = assertThrows(InvalidArgumentsException.class,
                    () -> web.plan("open_url", args("url", url), os), url);
            assertEquals(message, e.getMessage());
        }
    }
}
