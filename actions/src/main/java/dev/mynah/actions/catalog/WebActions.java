package dev.mynah.actions.catalog;

import dev.mynah.actions.Action;
import dev.mynah.actions.AppleScriptLiteral;
import dev.mynah.actions.ArgumentSchema;
import dev.mynah.actions.Arguments;
import dev.mynah.actions.InvalidArgumentsException;
import dev.mynah.actions.Risk;
import dev.mynah.actions.Step;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Web searches, web addresses and map directions, opened in the user's own browser or Maps app. */
final class WebActions {
    private static final Pattern SCHEME = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*):(.*)", Pattern.DOTALL);
    private static final Set<String> OPENABLE_SCHEMES = Set.of("http", "https", "mailto");

    /**
     * The front browser if it is Safari or Chrome, else whichever of them is open. Chrome's part is compiled only
     * when Chrome is running (through {@code run script}), so the script works on a Mac without Chrome.
     */
    private static final String CURRENT_TAB = """
            tell application "System Events" to set frontApp to name of first application process whose frontmost is true
            if frontApp is "Google Chrome" or (application "Google Chrome" is running and not (application "Safari" is running)) then
                return run script %s
            end if
            if application "Safari" is running then
                tell application "Safari" to return name of current tab of front window & " — " & URL of current tab of front window
            end if
            error "Neither Safari nor Chrome is open"
            """.formatted(AppleScriptLiteral.of("tell application \"Google Chrome\" to return title of active tab"
            + " of front window & \" — \" & URL of active tab of front window"));

    private WebActions() {
    }

    static List<Action> actions() {
        return List.of(
                opening(Action.named("web_search")
                        .description("Search the web (DuckDuckGo) for something and show the results.")
                        .arguments(ArgumentSchema.builder().text("query", "What to search for", true).build())
                        .reply("Searching the web for {query}."),
                        a -> "https://duckduckgo.com/?q=" + encode(a.text("query"))),
                opening(Action.named("open_url")
                        .description("Open a web address (like example.com or an https link) in the browser.")
                        .arguments(ArgumentSchema.builder().text("url", "Web address to open", true, 2000).build())
                        .reply("Opening {url}."),
                        a -> webAddress(a.text("url"))),
                opening(Action.named("youtube_search")
                        .description("Search YouTube for videos.")
                        .arguments(ArgumentSchema.builder().text("query", "What to search for on YouTube", true)
                                .build())
                        .reply("Searching YouTube for {query}."),
                        a -> "https://www.youtube.com/results?search_query=" + encode(a.text("query"))),
                Action.named("directions")
                        .description("Show directions to a place on a map, from here or from a given place.")
                        .arguments(ArgumentSchema.builder()
                                .text("destination", "Place to go to", true)
                                .text("origin", "Place to start from (default: where you are)", false)
                                .choice("mode", "How to travel", false, "driving", "walking", "transit")
                                .build())
                        .risk(Risk.REVERSIBLE)
                        .macos(a -> Step.run("open", appleMapsUrl(a)))
                        .linux(a -> Step.spawn("xdg-open", openStreetMapUrl(a)))
                        .reply("Getting directions to {destination}.")
                        .build(),
                Action.named("current_browser_tab")
                        .description("Say the title and address of the page open in Safari or Chrome.")
                        .macos(a -> Step.appleScript(CURRENT_TAB))
                        .reply("You're looking at {result}.")
                        .build());
    }

    /** On macOS {@code open} hands the address to the default browser and returns; xdg-open may wait for it. */
    private static Action opening(Action.Builder action, Function<Arguments, String> url) {
        return action.risk(Risk.REVERSIBLE)
                .macos(a -> Step.run("open", url.apply(a)))
                .linux(a -> Step.spawn("xdg-open", url.apply(a)))
                .build();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /**
     * The address to open: http, https and mailto only (a {@code file:}, {@code javascript:} or app link could
     * run something), with {@code https://} added to a bare site name.
     *
     * @throws InvalidArgumentsException for anything else, so the call is refused before anything runs
     */
    static String webAddress(String text) {
        String url = text.strip();
        Matcher scheme = SCHEME.matcher(url);
        // "localhost:8080" and "example.com:8443/x" are a host and a port, not a scheme.
        boolean bare = !scheme.matches() || scheme.group(2).matches("\\d.*");
        if (bare) {
            url = "https://" + url;
        } else if (!OPENABLE_SCHEMES.contains(scheme.group(1).toLowerCase(Locale.ROOT))) {
            throw new InvalidArgumentsException("only web addresses (http or https) and mailto links can be"
                    + " opened, not a \"" + scheme.group(1) + ":\" link");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidArgumentsException("\"" + text.strip() + "\" is not a valid web address ("
                    + e.getReason().toLowerCase(Locale.ROOT) + ")");
        }
        boolean mail = uri.getScheme().equalsIgnoreCase("mailto");
        boolean site = uri.getHost() != null
                && (!bare || uri.getHost().contains(".") || uri.getHost().equals("localhost"));
        if (mail ? uri.getSchemeSpecificPart().isBlank() : !site) {
            throw new InvalidArgumentsException("\"" + text.strip() + "\" is not a web address; say the whole"
                    + " site name, like example.com");
        }
        return url;
    }

    /** Apple Maps: no saddr means from the current location; dirflg d, w or r picks driving, walking or transit. */
    private static String appleMapsUrl(Arguments a) {
        StringBuilder url = new StringBuilder("maps://?daddr=").append(encode(a.text("destination")));
        a.optionalText("origin").ifPresent(origin -> url.append("&saddr=").append(encode(origin)));
        a.optionalText("mode").ifPresent(mode -> url.append("&dirflg=").append(switch (mode) {
            case "walking" -> "w";
            case "transit" -> "r";
            default -> "d";
        }));
        return url.toString();
    }

    /** OpenStreetMap's directions page, which looks up the place names itself; it has no transit router. */
    private static String openStreetMapUrl(Arguments a) {
        StringBuilder url = new StringBuilder("https://www.openstreetmap.org/directions?");
        a.optionalText("mode").ifPresent(mode -> url.append(switch (mode) {
            case "walking" -> "engine=fossgis_osrm_foot&";
            case "driving" -> "engine=fossgis_osrm_car&";
            default -> "";
        }));
        a.optionalText("origin").ifPresent(origin -> url.append("from=").append(encode(origin)).append('&'));
        return url.append("to=").append(encode(a.text("destination"))).toString();
    }
}
