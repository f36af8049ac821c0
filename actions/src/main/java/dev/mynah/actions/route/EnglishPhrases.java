package dev.mynah.actions.route;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.mynah.actions.route.PhraseList.first;
import static dev.mynah.actions.route.Slots.arguments;
import static dev.mynah.actions.route.Slots.matched;

/** The English phrasings of the built-in commands. */
final class EnglishPhrases {
    private static final String ON = "(?:on|enable|activate|start)";
    private static final String OFF = "(?:off|disable|deactivate|stop)";
    private static final String COMPUTER = "(?:the |my |this )?(?:computer|mac|macbook|laptop|machine|system|pc)";
    private static final String WIFI = "(?:wi-?fi|wi fi|wireless)";
    private static final String URL = "(?<url>https?://\\S+|(?:www\\.)?[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.[a-z]{2,}(?:/\\S*)?"
            + "|[a-z0-9-]+(?: dot [a-z0-9-]+)* dot (?:com|org|net|io|dev|edu|gov|co|ai|app))";
    private static final Map<String, String> PANES = Map.ofEntries(Map.entry("general", "general"),
            Map.entry("wifi", "wifi"), Map.entry("wi-fi", "wifi"), Map.entry("wi fi", "wifi"),
            Map.entry("bluetooth", "bluetooth"), Map.entry("network", "network"), Map.entry("sound", "sound"),
            Map.entry("audio", "sound"), Map.entry("display", "display"), Map.entry("displays", "display"),
            Map.entry("battery", "battery"), Map.entry("keyboard", "keyboard"), Map.entry("mouse", "mouse"),
            Map.entry("trackpad", "trackpad"), Map.entry("notification", "notifications"),
            Map.entry("notifications", "notifications"), Map.entry("focus", "focus"), Map.entry("privacy", "privacy"),
            Map.entry("security", "privacy"), Map.entry("privacy and security", "privacy"),
            Map.entry("accessibility", "accessibility"), Map.entry("appearance", "appearance"),
            Map.entry("wallpaper", "wallpaper"), Map.entry("desktop background", "wallpaper"),
            Map.entry("users", "users"), Map.entry("accounts", "users"), Map.entry("software update", "software_update"),
            Map.entry("update", "software_update"), Map.entry("storage", "storage"), Map.entry("printer", "printers"),
            Map.entry("printers", "printers"));
    private static final String PANE = "(?<pane>" + String.join("|", PANES.keySet().stream()
            .sorted((a, b) -> b.length() - a.length()).toList()) + ")";
    private static final String UNIT = "(?:(?:square |cubic )?(?:kilo|centi|milli)?(?:meter|metre|gram|liter|litre)s?"
            + "|miles?|feet|foot|inch(?:es)?|yards?|pounds?|lbs?|ounces?|oz|stones?|tons?|tonnes?|gallons?|quarts?"
            + "|pints?|cups?|tablespoons?|teaspoons?|fluid ounces?|(?:degrees )?(?:celsius|fahrenheit|centigrade)"
            + "|kelvin|km|kg|cm|mm|ml|mph|(?:kilometers|kilometres|miles) per hour|seconds?|minutes?|hours?|days?"
            + "|weeks?|years?|(?:kilo|mega|giga|tera)?bytes?|acres?|hectares?|knots?|nautical miles?)";
    private static final Pattern PLAY_REFUSALS = Pattern.compile(".*\\b(?:games?|chess|poker|cards|video|videos|movie"
            + "|film|dead|fair|hooky|ball|role|with|along|it|that|this|again)\\b.*|(?:some |the |a )?(?:music|song|songs"
            + "|tunes)|(?:something|anything)\\b.*|(?:the )?(?:next|previous|last) (?:song|track|one)|.*\\bon youtube",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SEARCH_REFUSALS = Pattern.compile("(?:my|files?|documents?|folders?|youtube)\\b.*"
            + "|.*\\b(?:on|in) youtube", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILE_WORDS = Pattern.compile(".*\\b(?:pdf|docx?|file|files|document|spreadsheet"
            + "|presentation|slides|folder|invoice|receipt|resume|cv|xlsx|pptx|csv|zip)\\b.*|.*\\.[a-z0-9]{2,4}",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REMINDER_TIME_START = Pattern.compile("\\b(?:at|tomorrow|tonight|today|in|on|next"
            + "|this|the day after)\\b", Pattern.CASE_INSENSITIVE);

    private EnglishPhrases() {
    }

    static List<Phrase> phrases(Slots slots) {
        PhraseList p = new PhraseList();
        apps(p, slots);
        windows(p);
        sound(p);
        system(p);
        media(p);
        web(p);
        productivity(p, slots);
        files(p);
        communication(p);
        information(p);
        assistant(p);
        return p.phrases();
    }

    private static void apps(PhraseList p, Slots slots) {
        p.generic("open_app", "(?:open up|fire up|start up|open|launch)(?: the)? (?<app>.+)",
                m -> slots.app("open_app", m.group("app"), true));
        p.generic("open_app", "(?:start|run|load)(?: the)? (?<app>.+)", m -> slots.app("open_app", m.group("app"), false));
        p.generic("quit_app", "quit (?<app>.+)", m -> slots.app("quit_app", m.group("app"), true));
        p.generic("quit_app", "(?:close|exit|shut down|kill|shut)(?: down)? (?<app>.+)",
                m -> slots.app("quit_app", m.group("app"), false));
        p.generic("force_quit_app", "force (?:quit|close) (?<app>.+)",
                m -> slots.app("force_quit_app", m.group("app"), true));
        p.generic("switch_to_app", "switch (?:over |back )?to (?<app>.+)",
                m -> slots.app("switch_to_app", m.group("app"), true));
        p.generic("switch_to_app", "(?:go|go back|bring up|show me|show|focus|focus on|jump to) ?(?:to )?(?<app>.+)",
                m -> slots.app("switch_to_app", m.group("app"), false));
        p.generic("hide_app", "hide (?<app>.+)", m -> slots.app("hide_app", m.group("app"), true));
        p.add("list_running_apps", "(?:what|which) (?:apps|applications|programs) (?:are|do i have) (?:running|open)"
                + "(?: right now| now)?|list (?:the |all )?(?:running|open) (?:apps|applications|programs)"
                + "|(?:what|which) (?:apps|applications|programs) do i have (?:open|running)"
                + "|show (?:me )?(?:the |all )?(?:running|open) (?:apps|applications)");
        p.add("frontmost_app", "(?:what|which) app(?:lication)? is (?:this|in front|active|frontmost|focused|in focus)"
                + "|{whats} the (?:frontmost|front|active|current|focused) app(?:lication)?"
                + "|what app(?:lication)? am i (?:in|using)");
    }

    private static void windows(PhraseList p) {
        String window = "(?: (?:this|the|that|current|my) window| window| this| it)?";
        p.add("minimize_window", "minimi[sz]e" + window);
        p.add("fullscreen_window", "(?:make|put|set|turn) (?:this|the|that|it)(?: window| app)? (?:to |in |into )?"
                + "(?:full ?screen|full-screen)(?: mode)?|go full ?screen|(?:enter|toggle) full ?screen(?: mode)?"
                + "|full ?screen" + window + "|make (?:the|this) window full ?screen|maximi[sz]e" + window);
        p.add("close_window", "close (?:this|the|that|current|my) window|close window");
        p.add("tile_window", "(?:put|move|snap|tile|send) (?:this |the |that )?(?:window )?(?:on |to )?(?:the )?"
                + "(?<side>left|right)(?: half| side)?(?: of the screen)?|tile window (?<side2>left|right)"
                + "|(?:put|move|snap|tile) (?:this |the |that )?window (?:on |to )(?:the )?(?<side3>left|right)"
                + "(?: half| side)?(?: of the screen)?",
                m -> matched("tile_window", arguments().put("side", first(m, "side", "side2", "side3")
                        .toLowerCase(Locale.ROOT))));
    }

    private static void sound(PhraseList p) {
        String volume = "(?:the )?(?:volume|sound|audio)";
        p.add("set_volume", "(?:set|turn|change|put|adjust|bring|make) " + volume + " (?:to|at|up to|down to) "
                + "(?<level>.+)", m -> Slots.level("set_volume", m.group("level"), "volume"));
        p.add("set_volume", "volume (?:to |at )?(?<level>{n}|max|maximum|full)",
                m -> Slots.level("set_volume", m.group("level"), "volume"));
        p.add("set_volume", "(?:turn|set) it (?:to|at) (?<level>{n})",
                m -> Slots.level("set_volume", m.group("level"), "volume"));
        String by = "(?: a (?:bit|little))?(?: by (?<by>.+))?";
        p.add("raise_volume", "(?:(?:turn|crank|bump) (?:it|" + volume + ") up|(?:turn|crank|bump) up " + volume
                + "|volume up|(?:increase|raise) " + volume + ")" + by + "|(?:a (?:bit|little) )?louder|make it louder",
                m -> Slots.step("raise_volume", m.group("by")));
        p.add("lower_volume", "(?:turn (?:it|" + volume + ") down|turn down " + volume + "|volume down|(?:decrease|lower"
                + "|reduce) " + volume + ")" + by + "|(?:a (?:bit|little) )?(?:quieter|softer)|make it (?:quieter|softer)",
                m -> Slots.step("lower_volume", m.group("by")));
        p.add("get_volume", "{whats} the (?:current )?volume(?: level| at| set to| right now)?|what is the volume set to"
                + "|how loud is (?:the volume|it|the sound)(?: set)?|what volume is it(?: at| set to)?"
                + "|(?:current )?volume level|check the volume");
        p.add("mute", "mute(?: " + volume + "| (?:the |my )?(?:computer|mac|laptop|speakers)| everything)?"
                + "|(?:turn|switch) (?:the )?(?:sound|audio) off|(?:turn|switch) off (?:the )?(?:sound|audio)");
        p.add("unmute", "unmute(?: " + volume + "| (?:the |my )?(?:computer|mac|laptop|speakers)| everything)?"
                + "|(?:turn|switch) (?:the )?(?:sound|audio) (?:back )?on|(?:turn|switch) (?:the )?(?:sound|audio) on"
                + " again");
        String brightness = "(?:the )?(?:screen |display )?brightness";
        p.add("set_brightness", "(?:set|turn|change|put|adjust|bring|make) " + brightness + " (?:to|at|up to|down to) "
                + "(?<level>.+)|" + brightness.replace("(?:the )?", "") + " (?:to |at )?(?<level2>{n}|max|maximum|full)"
                + "|(?:dim|brighten) (?:the )?(?:screen|display) to (?<level3>.+)",
                m -> Slots.level("set_brightness", first(m, "level", "level2", "level3"), "brightness"));
    }

    private static void system(PhraseList p) {
        p.add("set_dark_mode", "(?:turn " + ON + "?|switch to|change to|go to|enable|activate|use) dark mode(?: on)?"
                + "|dark mode on|turn dark mode on|(?:turn off|disable|deactivate) light mode", "mode", "on");
        p.add("set_dark_mode", "(?:turn off|disable|deactivate) dark mode|dark mode off|turn dark mode off"
                + "|(?:turn on|switch to|change to|go to|enable|use) light mode|light mode on", "mode", "off");
        p.add("set_dark_mode", "toggle (?:dark|light) mode|switch (?:between )?(?:dark and light|light and dark) mode",
                "mode", "toggle");
        String dnd = "(?:do not disturb|don't disturb|dnd|focus mode)(?: mode)?";
        p.add("set_do_not_disturb", "(?:turn on|enable|activate|switch on|start) " + dnd + "|" + dnd + " on|turn "
                + dnd + " on", "mode", "on");
        p.add("set_do_not_disturb", "(?:turn off|disable|deactivate|switch off|stop|end) " + dnd + "|" + dnd
                + " off|turn " + dnd + " off", "mode", "off");
        p.add("lock_screen", "lock (?:the |my )?(?:screen|computer|mac|macbook|laptop|pc)|lock screen|lock (?:it|up)");
        p.add("sleep_display", "(?:turn|switch) off (?:the |my )?(?:display|screen|monitor)s?|(?:turn|switch) (?:the "
                + "|my )?(?:display|screen|monitor)s? off|(?:put|send) (?:the |my )?(?:display|screen|monitor)s? to "
                + "sleep|sleep (?:the |my )?(?:display|screen|monitor)s?|display sleep");
        String screenshot = "(?:take|grab|make|capture|get) (?:a |me a )?(?:screenshot|screen shot|screen capture|screen grab)"
                + "|screenshot|screen shot";
        p.add("take_screenshot", "(?:" + screenshot + ")(?: of (?:the |my )?(?:whole |entire |full )?screen)?"
                + "|capture (?:the |my )?(?:whole |entire )?screen");
        p.add("take_screenshot", "(?:" + screenshot + ") (?:of )?(?:this|the|that|the current|my) window"
                + "|capture (?:this|the|that|the current) window", "area", "window");
        p.add("take_screenshot", "(?:" + screenshot + ") of (?:a )?(?:part|portion|region|area|section|selection)"
                + "(?: of (?:the |my )?screen)?|(?:" + screenshot + ") of a selection", "area", "selection");
        p.add("battery_status", "how much battery(?: life| power| charge)? (?:do i have|is left|have i got|do i have"
                + " left|remains)(?: left)?|battery(?: level| status| percentage| life| charge)?|{whats} (?:my |the )?"
                + "battery(?: level| status| percentage| life| at| charge)?(?: at)?|is (?:my |the )?(?:laptop|computer"
                + "|mac|macbook|battery) charging|(?:check|show) (?:my |the )?battery(?: level| status)?"
                + "|how(?:'s| is) (?:my |the )?battery(?: doing)?");
        p.add("set_wifi", "(?:turn|switch) " + ON.replace("|start", "") + " (?:the )?" + WIFI + "|(?:turn|switch) (?:the )?"
                + WIFI + " on|(?:enable|activate) (?:the )?" + WIFI + "|" + WIFI + " on|connect to " + WIFI,
                "mode", "on");
        p.add("set_wifi", "(?:turn|switch) off (?:the )?" + WIFI + "|(?:turn|switch) (?:the )?" + WIFI + " off"
                + "|(?:disable|deactivate) (?:the )?" + WIFI + "|" + WIFI + " off|disconnect (?:from )?(?:the )?"
                + WIFI, "mode", "off");
        p.add("wifi_status", "am i (?:connected|online|on) (?:to )?(?:the )?" + WIFI + "|(?:what|which) " + WIFI
                + "(?: network)? am i (?:on|connected to|using)|is (?:the |my )?" + WIFI + " (?:on|connected|working)"
                + "|" + WIFI + " status|(?:what's|what is|check) (?:my |the )?" + WIFI + "(?: status| network)?"
                + "|(?:what|which) network am i (?:on|connected to)");
        p.add("set_bluetooth", "(?:turn|switch) on (?:the )?bluetooth|(?:turn|switch) (?:the )?bluetooth on"
                + "|(?:enable|activate) (?:the )?bluetooth|bluetooth on", "mode", "on");
        p.add("set_bluetooth", "(?:turn|switch) off (?:the )?bluetooth|(?:turn|switch) (?:the )?bluetooth off"
                + "|(?:disable|deactivate) (?:the )?bluetooth|bluetooth off", "mode", "off");
        String space = "(?:free |disk |storage |hard drive |drive )?(?:disk |storage )?space";
        p.add("disk_space", "how much " + space + " (?:do i have|is left|have i got|is free|is available|remains)"
                + "(?: left)?(?: on (?:my |the )?(?:disk|drive|hard drive|computer|mac|laptop|ssd))?"
                + "|how much (?:storage|disk) (?:do i have|is left|have i got)(?: left)?|(?:check|show) (?:my |the )?"
                + "(?:disk|storage)(?: space)?|(?:free )?disk space|{whats} (?:my |the )?(?:free )?disk space"
                + "|how full is (?:my |the )?(?:disk|drive|hard drive)");
        p.add("uptime", "how long (?:has|have) (?:my |the |this )?(?:computer|mac|macbook|laptop|system|machine) been "
                + "(?:on|up|running)|{whats} (?:the |my )?(?:system )?uptime|(?:system )?uptime"
                + "|when did (?:my |the )?(?:computer|mac) (?:last )?(?:start|boot)");
        p.add("local_ip_address", "{whats} (?:my|the) (?:local |computer's |mac's )?ip(?: address)?"
                + "|(?:show|tell) me (?:my|the) (?:local )?ip(?: address)?|(?:my )?local ip(?: address)?"
                + "|what ip address (?:do i have|am i using)");
        p.add("empty_trash", "empty (?:the |my )?(?:trash|recycle bin|bin|trash can|trash bin)(?: now)?");
        p.add("open_settings", "(?:open|show|show me|go to|bring up) (?:the |my )?" + PANE + " (?:settings|preferences"
                + "|prefs|panel|pane)|(?:open|show|show me|go to|bring up) (?:the )?(?:settings|preferences) for "
                + "(?:the )?" + PANE.replace("pane", "pane2"), m -> matched("open_settings", arguments().put("pane",
                PANES.get(first(m, "pane", "pane2").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")))));
        p.add("open_settings", "(?:open|show|show me|go to|bring up) (?:the |my )?(?:system )?(?:settings|preferences)"
                + "|(?:system )?settings|system preferences", "pane", "general");
        p.add("restart", "(?:restart|reboot) " + COMPUTER + "|reboot|restart now");
        p.add("shut_down", "(?:shut down|shutdown|power off|power down|turn off) " + COMPUTER
                + "|shut down|shutdown|power off|power down|shut (?:it|everything) down");
    }

    private static void media(PhraseList p) {
        String music = "(?:the )?(?:music|song|track|playback|audio|player|podcast)";
        p.add("media_play", "play|resume(?: " + music + "| playing| playback)?|continue (?:playing|" + music + ")"
                + "|play (?:some )?music|start (?:the )?(?:music|playback)|unpause(?: " + music + ")?|keep playing");
        p.add("media_pause", "pause(?: " + music + "| it| that| playback)?|stop (?:the )?(?:music|song|track|playback"
                + "|audio|podcast)|stop playing(?: music)?");
        p.add("media_next", "next(?: song| track| one| please)?|skip(?: (?:this|the|that))?(?: song| track| one)?"
                + "|(?:play|go to) (?:the )?next (?:song|track|one)|next song please");
        p.add("media_previous", "previous(?: song| track| one)?|go back (?:a|one) (?:song|track)|(?:play|go to) "
                + "(?:the )?previous (?:song|track|one)|last (?:song|track) again|back (?:a|one) (?:song|track)");
        p.add("now_playing", "what song is (?:this|playing|that)(?: right now| now)?|{whats} (?:playing|this song|that"
                + " song)(?: right now| now)?|what is this song|who (?:sings|is singing|sang) (?:this|that)(?: song)?"
                + "|{whats} the name of (?:this|that) song|what am i listening to|what's on(?: right now)?"
                + "|what track is this");
        p.add("play_music", "play (?:the )?album (?<query>.+?)(?: on (?<player>spotify|apple music))?"
                + "|play (?:the album )?(?<query2>.+?) album(?: on (?<player2>spotify|apple music))?",
                m -> playMusic(first(m, "query", "query2"), "album", first(m, "player", "player2")));
        p.add("play_music", "play (?:the |my )?playlist (?<query>.+?)(?: on (?<player>spotify|apple music))?"
                + "|play (?:my |the )(?<query2>.+?) playlist(?: on (?<player2>spotify|apple music))?",
                m -> playMusic(first(m, "query", "query2"), "playlist", first(m, "player", "player2")));
        p.add("play_music", "play (?:songs|music|something|anything|tracks) (?:by|from) (?<query>.+?)(?: on "
                + "(?<player>spotify|apple music))?|play some (?<query2>.+?)(?: on (?<player2>spotify|apple music))?"
                + "|play (?:the )?artist (?<query3>.+?)(?: on (?<player3>spotify|apple music))?",
                m -> playMusic(first(m, "query", "query2", "query3"), "artist", first(m, "player", "player2",
                        "player3")));
        p.add("play_music", "play (?:the )?song (?<query>.+?)(?: on (?<player>spotify|apple music))?"
                + "|play (?<query2>.+?)(?: on (?<player2>spotify|apple music))?",
                m -> playMusic(first(m, "query", "query2"), "song", first(m, "player", "player2")));
    }

    private static FastPathResult playMusic(String query, String kind, String player) {
        if (PLAY_REFUSALS.matcher(query).matches()) {
            return FastPathResult.NO_MATCH;
        }
        Optional<String> text = Slots.text(query);
        if (text.isEmpty()) {
            return FastPathResult.NO_MATCH;
        }
        ObjectNode arguments = arguments().put("query", text.get());
        if (!kind.equals("song")) {
            arguments.put("kind", kind);
        }
        if (player != null && player.equalsIgnoreCase("spotify")) {
            arguments.put("player", "spotify");
        }
        return matched("play_music", arguments);
    }

    private static void web(PhraseList p) {
        p.add("web_search", "(?:search|look) (?:the web|the internet|online|google|the net|on google|on the web|on "
                + "the internet|up online|up on google) for (?<query>.+)|google (?<query2>.+)|search (?:for )?"
                + "(?<query3>.+)|look up (?<query4>.+)|(?:do a |run a )?web search (?:for )?(?<query5>.+)",
                m -> {
                    String query = first(m, "query", "query2", "query3", "query4", "query5");
                    return SEARCH_REFUSALS.matcher(query).matches() ? FastPathResult.NO_MATCH
                            : Slots.textArgument("web_search", "query", query);
                });
        p.add("open_url", "(?:open|go to|visit|browse to|navigate to|take me to|load|open up|pull up) (?:the )?"
                + "(?:website |site |page )?" + URL, m -> {
                    String url = m.group("url").replaceAll(" dot ", ".").toLowerCase(Locale.ROOT);
                    return Slots.textArgument("open_url", "url", url.matches("(?i)https?://.*") ? m.group("url")
                            : "https://" + url);
                });
        p.add("youtube_search", "search (?:on )?youtube for (?<query>.+)|(?:find|search for|look up|search|show me"
                + "|play) (?<query2>.+?) (?:on|in) youtube|youtube (?:search (?:for )?)?(?<query3>.+)",
                m -> Slots.textArgument("youtube_search", "query", first(m, "query", "query2", "query3")));
        p.add("directions", "(?:get |give me |show me |find )?(?:the )?(?:(?<mode>walking|driving|transit) )?"
                + "directions (?:from (?<origin>.+?) )?to (?<destination>.+)|how do i get (?:from (?<origin2>.+?) )?to"
                + " (?<destination2>.+)|navigate (?:me )?to (?<destination3>.+)|how do i (?<mode2>walk|drive) to "
                + "(?<destination4>.+)|take me to (?<destination5>.+)", m -> {
                    String destination = first(m, "destination", "destination2", "destination3", "destination4",
                            "destination5");
                    if (destination.matches("(?i)" + URL)) {
                        return FastPathResult.NO_MATCH;
                    }
                    Optional<String> text = Slots.text(destination);
                    if (text.isEmpty()) {
                        return FastPathResult.NO_MATCH;
                    }
                    ObjectNode arguments = arguments().put("destination", text.get());
                    String origin = first(m, "origin", "origin2");
                    if (origin != null) {
                        arguments.put("origin", origin);
                    }
                    String mode = first(m, "mode", "mode2");
                    if (mode != null) {
                        arguments.put("mode", switch (mode.toLowerCase(Locale.ROOT)) {
                            case "walk", "walking" -> "walking";
                            case "transit" -> "transit";
                            default -> "driving";
                        });
                    }
                    return matched("directions", arguments);
                });
        p.add("current_browser_tab", "what (?:page|website|site|tab|url) am i (?:on|looking at|viewing)|{whats} the "
                + "(?:current |open |active )(?:tab|page|website|site|url)|what (?:website|site|page|tab) is this"
                + "|which (?:tab|page|website) is (?:this|open)");
    }

    private static void productivity(PhraseList p, Slots slots) {
        p.add("create_note", "(?:take|make|write|jot|create|add) (?:down )?(?:a |a new )?note(?: that| saying| of| to"
                + " say|:)? (?<text>.+)|note to self:? (?<text2>.+)|new note:? (?<text3>.+)|jot down (?<text4>.+)",
                m -> Slots.text(first(m, "text", "text2", "text3", "text4"))
                        .map(t -> matched("create_note", arguments().put("text", t)))
                        .orElse(FastPathResult.NO_MATCH));
        p.add("create_reminder", "remind me (?<when>.+?) to (?<text>.+)", m -> slots.time(m.group("when"))
                .map(due -> Slots.reminder(m.group("text"), due)).orElse(FastPathResult.NO_MATCH));
        p.add("create_reminder", "(?:remind me (?:to|about)|set a reminder (?:to|about|for)|add a reminder (?:to|about"
                + "|for)|create a reminder (?:to|about|for)|new reminder:?|remember to) (?<text>.+)",
                m -> reminderWithTrailingTime(m.group("text"), slots));
        p.add("set_timer", "(?:set|start|make|create) (?:a |an )?(?:timer|countdown) (?:for |of )?(?<duration>.+?)"
                + "(?: for (?<label>.+))?|(?:set|start|make|create) (?:a |an )?(?<duration2>.+?) timer"
                + "|timer (?:for )?(?<duration3>.+)|countdown (?:from |for )?(?<duration4>.+)",
                m -> Slots.timer(first(m, "duration", "duration2", "duration3", "duration4"), m.group("label"), true));
        p.add("set_timer", "(?:set|start|make|create) (?:a |an )?(?<duration>.+?) timer for (?<label>.+)",
                m -> Slots.timer(m.group("duration"), m.group("label"), false));
        p.add("set_timer", "(?:set|start|make|create) (?:a |an )?(?<label>.+?) timer (?:for|of) (?<duration>.+)",
                m -> Slots.timer(m.group("duration"), m.group("label"), false));
        p.add("read_clipboard", "{whats} (?:on|in) (?:my |the )?clipboard|read (?:me )?(?:my |the )?clipboard"
                + "|what did i (?:just )?copy|(?:show|tell) me (?:what's on )?(?:my |the )?clipboard"
                + "|clipboard contents");
        p.add("type_text", "(?:type out|type|dictate):? (?<text>.+)", m -> {
            String text = m.group("text");
            // "type of music", "type in your password": the word type, not a request to type.
            return text.matches("(?i)(?:of|in|out|up|into)\\b.*") ? FastPathResult.NO_MATCH
                    : Slots.text(text).map(t -> matched("type_text", arguments().put("text", t)))
                    .orElse(FastPathResult.NO_MATCH);
        });
        p.add("run_shortcut", "(?:run|start|launch|do|trigger) (?:the |my )?shortcut(?: called| named)? (?<name>.+)"
                + "|(?:run|start|launch|do|trigger) (?:the |my )(?<name2>.+?) shortcut",
                m -> Slots.textArgument("run_shortcut", "name", first(m, "name", "name2")));
    }

    /** "take out the trash at 8 pm": the longest tail that reads as a time is the due date. */
    private static FastPathResult reminderWithTrailingTime(String text, Slots slots) {
        Matcher start = REMINDER_TIME_START.matcher(text);
        while (start.find()) {
            if (start.start() == 0) {
                continue;
            }
            Optional<LocalDateTime> due = slots.time(text.substring(start.start()));
            if (due.isPresent()) {
                return Slots.reminder(text.substring(0, start.start()), due.get());
            }
        }
        return Slots.textArgument("create_reminder", "text", text);
    }

    private static void files(PhraseList p) {
        p.add("find_files", "(?:find|search for|look for|locate|search) (?:the |my )?(?:files?|documents?)"
                + "(?: called| named| about| with)? (?<query>.+)|where(?:'s| is) (?:the |my )?(?:file|document)"
                + "(?: called| named)? (?<query2>.+)|(?:find|locate|look for) (?:my |the )(?<query3>.+)",
                m -> {
                    String query = first(m, "query", "query2", "query3");
                    boolean notAName = query.matches("(?i)(?:for|about) .*");
                    return notAName || m.group("query3") != null && !FILE_WORDS.matcher(query).matches()
                            ? FastPathResult.NO_MATCH : Slots.textArgument("find_files", "query", query);
                });
        String folders = "downloads|documents|desktop|home|pictures|photos|music|movies|videos";
        p.add("open_folder", "(?:open|show|show me|go to|take me to) (?:my |the )?(?<folder>" + folders + ") folder"
                + "|(?:open|show me|go to) (?:my |the )?(?<folder2>downloads|documents)"
                + "|(?:open|show me|go to) my (?<folder3>" + folders + ")", m -> {
                    String folder = first(m, "folder", "folder2", "folder3").toLowerCase(Locale.ROOT);
                    return matched("open_folder", arguments().put("folder", folder.equals("photos") ? "pictures"
                            : folder));
                });
    }

    private static void communication(PhraseList p) {
        String not = "(?!(?:me|us|you|them|him|her|it|a|an|the|my|your|what|how|why|when|where|who|if|whether|about"
                + "|everyone|everybody|someone|somebody|anyone|stories|story|jokes?|lies|time)\\b)";
        p.add("send_message", "(?:send (?:a )?(?:message|text|imessage|text message) to|message|text|imessage) "
                + "(?<to>.+?) (?:saying|that says|that|with|:) (?<text>.+)|send (?<to2>.+?) a (?:message|text"
                + "|text message|imessage) (?:saying|that says|that|:)? ?(?<text2>.+)",
                m -> message(first(m, "to", "to2"), first(m, "text", "text2")));
        p.add("send_message", "(?:text|message|imessage) " + not + "(?<to>[\\p{L}'-]+) (?<text>.+)|tell " + not
                + "(?<to2>[\\p{L}'-]+) (?:that )?(?<text2>.+)",
                m -> message(first(m, "to", "to2"), first(m, "text", "text2")));
        p.add("facetime_call", "(?:facetime|face time) audio(?: call)? (?:with )?(?<to>.+)|(?:start|make|place) a "
                + "facetime audio call (?:with|to) (?<to2>.+)|audio call (?<to3>.+)",
                m -> call(first(m, "to", "to2", "to3"), true));
        p.add("facetime_call", "(?:facetime|video call|face time)(?: with)? (?<to>.+)|(?:start|make|place) a "
                + "(?:facetime|video) call (?:with|to) (?<to2>.+)|call (?<to3>.+?) (?:on|with|using|over) facetime",
                m -> call(first(m, "to", "to2", "to3"), false));
        p.add("facetime_call", "call " + not + "(?<to>[\\p{L}'-]+(?: [\\p{L}'-]+)?)", m -> call(m.group("to"), false));
        p.add("compose_email", "(?:email|e-mail|mail) " + not + "(?<to>.+?)(?: about (?<subject>.+))?"
                + "|(?:write|compose|draft|send|start) (?:an |a new |a )?(?:email|e-mail|mail) to (?<to2>.+?)"
                + "(?: about (?<subject2>.+))?", m -> {
                    Optional<String> to = Slots.text(first(m, "to", "to2"));
                    if (to.isEmpty()) {
                        return FastPathResult.NO_MATCH;
                    }
                    ObjectNode arguments = arguments().put("to", to.get());
                    String subject = first(m, "subject", "subject2");
                    if (subject != null) {
                        arguments.put("subject", subject);
                    }
                    return matched("compose_email", arguments);
                });
    }

    private static FastPathResult message(String to, String text) {
        Optional<String> recipient = Slots.text(to).filter(t -> t.split(" ").length <= 3);
        Optional<String> body = Slots.text(text);
        return recipient.isPresent() && body.isPresent()
                ? matched("send_message", arguments().put("to", recipient.get()).put("text", body.get()))
                : FastPathResult.NO_MATCH;
    }

    private static FastPathResult call(String to, boolean audioOnly) {
        Optional<String> recipient = Slots.text(to).filter(t -> t.split(" ").length <= 3);
        if (recipient.isEmpty()) {
            return FastPathResult.NO_MATCH;
        }
        ObjectNode arguments = arguments().put("to", recipient.get());
        if (audioOnly) {
            arguments.put("audio_only", true);
        }
        return matched("facetime_call", arguments);
    }

    private static void information(PhraseList p) {
        p.add("current_time", "what time is it(?: now| right now)?|{whats} the(?: current)? time(?: now| right now)?"
                + "|(?:tell me|give me) the time|do you (?:know|have) (?:what time it is|the time)|current time|time"
                + "|what's the time please|what time do you have");
        p.add("current_date", "{whats} (?:the date|today's date|the date today|the day today)|what day is (?:it|today)"
                + "(?: today)?|{whats} today|what is the date today|what day of the week is (?:it|today)|today's date"
                + "|(?:tell me|give me) (?:the|today's) date|what date is (?:it|today)");
        String city = "(?<city>[\\p{L}' .-]+?)";
        p.add("time_in_city", "what time is it (?:in|over in) " + city + "(?: right now| now)?|{whats} the (?:current )?"
                + "time (?:in|over in) " + city.replace("city", "city2") + "(?: right now| now)?|(?:current |local )?time"
                + " in " + city.replace("city", "city3"), m -> {
                    String name = first(m, "city", "city2", "city3");
                    return name.split(" ").length > 3 || name.matches("(?i)the (?:morning|evening|afternoon).*")
                            ? FastPathResult.NO_MATCH : Slots.textArgument("time_in_city", "city", name);
                });
        p.add("calculate", "(?:{whats}|calculate|compute|how much is|work out|what does|what do) (?<expression>.+?)"
                + "(?: equal| make| come to)?", m -> SpokenArithmetic.expression(m.group("expression"))
                .map(e -> matched("calculate", arguments().put("expression", e))).orElse(FastPathResult.NO_MATCH));
        String unit = "(?<from>" + UNIT + ")";
        String target = "(?<to>" + UNIT + ")";
        p.add("convert_units", "(?:convert )?(?<value>{n}|a|an|one) " + unit + " (?:to|into|in) " + target
                + "|{whats} (?<value2>{n}|a|an|one) " + unit.replace("from", "from2") + " in "
                + target.replace("to", "to2") + "|how many " + target.replace("to", "to3") + " (?:are )?(?:there )?"
                + "(?:in|is|are|make|makes) (?:a |an |one )?(?<value3>{n})? ?" + unit.replace("from", "from3")
                + "|how many " + target.replace("to", "to4") + " (?:are )?(?:in|is) (?<value4>{n}|a|an|one) "
                + unit.replace("from", "from4"), EnglishPhrases::conversion);
    }

    private static FastPathResult conversion(Matcher m) {
        String spoken = first(m, "value", "value2", "value3", "value4");
        OptionalDouble value = spoken == null || spoken.matches("(?i)an?|one") ? OptionalDouble.of(1)
                : SpokenNumber.parse(spoken);
        if (value.isEmpty() || spoken != null && (spoken.contains("%") || spoken.contains("per"))) {
            return FastPathResult.NO_MATCH;
        }
        String from = first(m, "from", "from2", "from3", "from4").toLowerCase(Locale.ROOT);
        String to = first(m, "to", "to2", "to3", "to4").toLowerCase(Locale.ROOT);
        if (from.equals(to)) {
            return FastPathResult.NO_MATCH;
        }
        double v = value.getAsDouble();
        ObjectNode arguments = arguments();
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            arguments.put("value", (long) v);
        } else {
            arguments.put("value", v);
        }
        return matched("convert_units", arguments.put("from", from).put("to", to));
    }

    private static void assistant(PhraseList p) {
        p.add("stop", "stop(?: (?:talking|speaking|it|that|now|please|everything))?|be quiet|quiet|silence|shut up"
                + "|never ?mind|cancel(?: that| it)?|forget (?:it|that)|enough|that's enough|hush|stop stop");
        p.add("repeat", "repeat(?: that| it| what you said| yourself)?(?: again)?|say (?:that|it) again|what did you"
                + " (?:just )?say|come again|pardon(?: me)?|(?:sorry )?what was that|one more time");
        p.add("list_capabilities", "what can you do(?: for me)?|what (?:commands|things) (?:do you know|do you "
                + "understand|can you do|can i say)|help|what are your (?:skills|capabilities|commands|features)"
                + "|what can i (?:say|ask(?: you)?)|how can you help(?: me)?|what do you do|list (?:your )?"
                + "(?:commands|capabilities|skills)");
        String documents = "(?:documents|docs|notes|files|papers|library)";
        p.add("ask_documents", "what do (?:my|the) " + documents + " say about (?<question>.+)|according to (?:my|the) "
                + documents + ",? (?<question2>.+)|(?:check|search|look in|ask) (?:my|the) " + documents
                + " (?:for|about) (?<question3>.+)|ask my " + documents + " (?<question4>.+)",
                m -> Slots.textArgument("ask_documents", "question",
                        first(m, "question", "question2", "question3", "question4")));
    }
}
