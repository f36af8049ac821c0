package dev.mynah.actions.route;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
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
    private static final Pattern SEARCH_REFUSALS = Pattern.compile("(?:the |a |my )?(?:my|files?|documents?|folders?"
            + "|youtube)\\b.*"
            + "|.*\\b(?:on|in) youtube", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILE_WORDS = Pattern.compile(".*\\b(?:pdf|docx?|file|files|document|documents"
            + "|spreadsheet|presentation|slides|deck|folder|invoice|receipt|resume|cv|xlsx|pptx|csv|zip|tax returns?"
            + "|statements?|contract|lease|report|essay|thesis|paper|letter|budget|photos?|pictures?|screenshots?"
            + "|recording|scan|scans)\\b.*|.*\\.[a-z0-9]{2,4}",
            Pattern.CASE_INSENSITIVE);
    /** "union station by public transit": the way to travel, said after the destination. */
    private static final Pattern TRAVEL_MODE = Pattern.compile("(?<place>.+?),? (?:(?:by|via|using|on|taking|with)"
            + " (?:the |a )?(?<mode>public transit|public transportation|public transport|transit|subway|train|metro"
            + "|bus|tube|car|foot|(?<cycling>bike|bicycle))|(?<mode2>walking|driving|(?<cycling2>cycling)))",
            Pattern.CASE_INSENSITIVE);
    /** Destinations of "take me to" that are places on the computer, not on a map. */
    private static final Pattern NOT_A_PLACE = Pattern.compile(".*\\b(?:settings|preferences|folder|window|tab|page"
            + "|website|app|file)\\b.*|(?:the |my )?(?:software updates?|downloads|documents|desktop|trash)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ON_CALENDAR = Pattern.compile(" ?\\b(?:on|to|in|into) (?:my|the) calendar\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EVENT_LENGTH = Pattern.compile("(?<before>.+) (?:for|lasting|that lasts) (?<length>.+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EVENT_TIME_START = Pattern.compile("\\b(?:at|on|for|in|tomorrow|tonight|today|next"
            + "|this|the day after|monday|tuesday|wednesday|thursday|friday|saturday|sunday|noon|midnight)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EVENT_TITLE_PREFIX = Pattern.compile("^(?:calendar )?(?:event|entry)(?::| called| named"
            + "| titled| for)? ", Pattern.CASE_INSENSITIVE);
    private static final Pattern EVENT_WORDS = Pattern.compile(".*\\b(?:meeting|call|appointment|event|lunch|dinner"
            + "|breakfast|brunch|coffee|drinks|session|interview|sync|standup|stand-up|review|party|class|lesson"
            + "|workshop|webinar|conference|catch-?up|check-?in|one-on-one|1:1|demo|presentation|reservation|visit"
            + "|check-?up|practice|rehearsal|date|hangout|meetup)\\b.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_AN_EVENT = Pattern.compile("(?:an? |the |my )?(?:reminder|note|timer|alarm"
            + "|to-?do|task)\\b.*", Pattern.CASE_INSENSITIVE);
    /** "copy that to the clipboard" means the selection, not the word "that". */
    private static final Pattern SELECTION_WORDS = Pattern.compile("(?:(?:this|that|it|these|those|everything|all"
            + "|the selection|the selected text|the text|this text|that text|the link|this link|the url|this page"
            + "|the page|the address|what i selected|what's selected))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTES = Pattern.compile("^[\"“”']+|[\"“”']+$");
    /** A document's file name with a type people open: "report.pdf", "Q3 budget.xlsx". */
    private static final String FILE_NAME = "(?:~?/(?:[^/ ]+/)*)?[\\p{L}\\p{N}_ .()'-]{1,80}\\.(?:pdf|docx?|xlsx?|pptx?"
            + "|txt|rtf|csv|md|pages"
            + "|numbers|key|jpe?g|png|gif|heic|tiff?|mp3|mp4|mov|m4a|wav|zip|epub|html?|json)";
    /** Where "open resume.pdf from my desktop" looks: the folders of the home folder, as paths the action expands. */
    private static final Map<String, String> HOME_FOLDERS = Map.of("desktop", "~/Desktop/", "documents",
            "~/Documents/", "downloads", "~/Downloads/", "pictures", "~/Pictures/", "music", "~/Music/", "movies",
            "~/Movies/", "videos", "~/Movies/", "home", "~/");
    /** Words after "text", "call" or "email" that start something other than a person's name. */
    private static final String NOT_A_PERSON = "(?!(?:me|us|you|them|him|her|it|a|an|the|my|your|what|how|why|when"
            + "|where|who|if|whether|about|everyone|everybody|someone|somebody|anyone|stories|story|jokes?|lies|time)"
            + "\\b)";
    /** An email can go to "my boss" or "the landlord", but "email me later" is not addressed to anyone. */
    private static final String NOT_A_RECIPIENT = "(?!(?:me|us|you|it|him|her|them|what|how|why|when|where|who|if"
            + "|whether|about|everyone|everybody|someone|somebody|anyone)\\b)";
    private static final Pattern EMAIL_KEYWORDS = Pattern.compile("\\b(?:subject|saying|says|body|message|about|to|with"
            + "|from|and|an?)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Things the user keeps as documents, which questions about ("what does my lease say") go to. */
    private static final String DOCUMENT_NOUN = "(?:lease|contract|agreement|policy|insurance|manual|handbook"
            + "|notes|documents|docs|report|thesis|paper|papers|resume|cv|invoice|receipt|bill|statement|warranty"
            + "|guide|spec|specification|syllabus|pdf|notebook|journal|diary|mortgage|will|tax return|proposal"
            + "|offer letter|terms|minutes|transcript|slides|deck|plan|brief|memo|letter|license|licence)";
    private static final Pattern REMINDER_TIME_START = Pattern.compile("\\b(?:at|tomorrow|tonight|today|in|on|next"
            + "|this|the day after)\\b", Pattern.CASE_INSENSITIVE);

    private EnglishPhrases() {
    }

    static List<Phrase> phrases(Slots slots) {
        PhraseList p = new PhraseList();
        apps(p, slots);
        windows(p);
        sound(p);
        system(p, slots);
        media(p);
        web(p, slots);
        productivity(p, slots);
        files(p);
        communication(p);
        information(p);
        assistant(p);
        return p.phrases();
    }

    private static void apps(PhraseList p, Slots slots) {
        p.generic("open_app", "(?:open up|fire up|start up|open|launch)(?: the)? (?<app>.+)",
                m -> slots.appOrWebsite(m.group("app")));
        p.generic("open_app", "(?:start|run|load|pull up|get)(?: the)? (?<app>.+?)(?: open| going| up)?",
                m -> slots.app("open_app", m.group("app"), false));
        p.add("open_app", "(?:open|launch|start|bring up) (?:a |an |another )?(?:new )?(?<app>.+?) window",
                m -> slots.app("open_app", m.group("app"), false));
        p.add("open_app", "i need (?:the |my |a |an )(?<app>.+?)(?: open| up)?|i need (?<app2>.+?) (?:open|up)",
                m -> slots.app("open_app", first(m, "app", "app2"), false));
        p.generic("quit_app", "quit (?<app>.+)", m -> slots.app("quit_app", m.group("app"), true));
        p.generic("quit_app", "(?:close|exit|get|quit) out of (?<app>.+)|(?:close|exit|shut down|kill|shut)(?: down)? "
                + "(?<app2>.+)", m -> slots.app("quit_app", first(m, "app", "app2"), false));
        p.add("quit_app", "(?:i'm|i am) (?:all )?(?:done|finished) (?:with|using) (?<app>.+?)(?: now| for (?:now"
                + "|today))?,? (?:so )?(?:you can |go ahead and |please |just )?(?:close|quit|exit|shut) it(?: down)?"
                + "(?: now)?",
                m -> slots.app("quit_app", m.group("app"), false));
        p.generic("force_quit_app", "force[ -](?:quit|close) (?<app>.+)",
                m -> slots.app("force_quit_app", m.group("app"), true));
        p.generic("force_quit_app", "(?<app>.+?) (?:(?:is|'s|has|seems|keeps) (?:frozen|freezing|stuck|hung|hanging"
                + "|crashed|crashing|locked up|not responding|unresponsive)|froze|crashed|hung|locked up|stopped "
                + "responding|isn't responding|won't (?:respond|quit|close))(?: again)?,? (?:(?:please|so|just|can you) )?"
                + "(?:force[ -](?:quit|close)|kill) it", m -> slots.app("force_quit_app", m.group("app"), false));
        p.generic("switch_to_app", "switch (?:over |back )?to (?<app>.+)",
                m -> slots.app("switch_to_app", m.group("app"), true));
        p.generic("switch_to_app", "(?:go back|get back|jump back|jump over|flip back|flip over|hop over|head back"
                + "|head over|go over|bring up|show me|focus on|go|show|focus|jump|flip|hop|head|return|change) ?(?:to )?"
                + "(?<app>.+)|take me (?:back )?to (?<app2>.+)|bring (?<app3>.+?) (?:to the front|to the foreground"
                + "|forward|up front|into focus|back)", m -> slots.app("switch_to_app", first(m, "app", "app2", "app3"),
                false));
        p.generic("hide_app", "hide (?<app>.+)", m -> slots.app("hide_app", m.group("app"), true));
        p.add("list_running_apps", "(?:what|which) (?:apps|applications|programs) (?:are|do i have) (?:running|open)"
                + "(?: right now| now)?|list (?:the |all )?(?:running|open) (?:apps|applications|programs)"
                + "|(?:what|which) (?:apps|applications|programs) do i have (?:open|running)"
                + "|show (?:me )?(?:the |all )?(?:running|open) (?:apps|applications)"
                + "|(?:what's|what is) (?:running|open) (?:on (?:my |the |this )?(?:mac|computer|laptop))");
        p.add("frontmost_app", "(?:what|which) app(?:lication)? is (?:this|in front|active|frontmost|focused|in focus"
                + "|in the foreground|open in front)|{whats} the (?:frontmost|front|active|current|focused) app(?:lication)?"
                + "|(?:what|which) app(?:lication)? am i (?:in|using|on|looking at)");
    }

    private static void windows(PhraseList p) {
        String window = "(?: (?:this|the|that|current|my) window| window| this| it)?";
        p.add("minimize_window", "minimi[sz]e" + window);
        p.add("fullscreen_window", "(?:make|put|set|turn) (?:this|the|that|it)(?: window| app)? (?:to |in |into )?"
                + "(?:full ?screen|full-screen)(?: mode)?|go full ?screen|(?:enter|toggle) full ?screen(?: mode)?"
                + "|full ?screen" + window + "|make (?:the|this) window full ?screen|maximi[sz]e" + window);
        p.add("close_window", "close (?:this|the|that|current|my|the current|the active|the front) window|close window");
        p.add("minimize_window", "hide (?:this|the|the current) window");
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
        p.add("set_volume", "volume (?:to |at )?(?<level>{n}|max|maximum|full)|(?<level2>max|maximum|full|min"
                + "|minimum) (?:volume|sound)|(?:turn|crank|put|bring) (?:it|" + volume + ") all the way (?<level3>up"
                + "|down)|max (?:it|" + volume + ") out|max out " + volume,
                m -> Slots.level("set_volume", Optional.ofNullable(first(m, "level", "level2", "level3")).orElse("max"),
                        "volume"));
        p.add("set_volume", "(?:turn|set) it (?:to|at) (?<level>{n})|(?:set|make|put) (?:the )?volume (?<level2>{n})",
                m -> Slots.level("set_volume", first(m, "level", "level2"), "volume"));
        String by = "(?: a (?:bit|little|tad|notch))?(?: by (?<by>.+)| (?<by2>{n}))?";
        p.add("raise_volume", "(?:(?:turn|crank|bump|pump) (?:it|" + volume + ") up|(?:turn|crank|bump|pump) up "
                + volume + "|volume up|(?:increase|raise|boost|crank|pump) " + volume + ")" + by
                + "|(?:a (?:bit|little|tad) )?"
                + "louder|make it louder|(?:i )?(?:can't|cannot|can not) hear (?:it|anything|that|this|the (?:music"
                + "|sound|video))|(?:it's|it is|that's|this is)? ?(?:way |much |a bit |a little )?too (?:quiet|soft)",
                m -> Slots.step("raise_volume", first(m, "by", "by2")));
        String tooLoud = "(?:(?:it's|it is|that's|that is|this is) )?(?:(?:way|much|far|a bit|a little|kind of|so) )?"
                + "too loud(?: in here)?";
        p.add("lower_volume", "(?:" + tooLoud + ",? )?(?:(?:turn (?:it|" + volume + ") down|turn down " + volume
                + "|volume down|(?:decrease|lower|reduce) " + volume + ")" + by + "|(?:a (?:bit|little|tad) )?"
                + "(?:quieter|softer)|make it (?:quieter|softer))|" + tooLoud,
                m -> Slots.step("lower_volume", first(m, "by", "by2")));
        p.add("get_volume", "{whats} the (?:current )?volume(?: level| at| set to| right now)?|what is the volume set to"
                + "|how loud is (?:the volume|it|the sound)(?: set)?|what volume is it(?: at| set to)?"
                + "|(?:current )?volume level|check the volume");
        p.add("mute", "mute(?: " + volume + "| (?:the |my )?(?:computer|mac|laptop|speakers)| everything)?"
                + "|(?:turn|switch) (?:the )?(?:sound|audio|volume) off|(?:turn|switch) off (?:the )?(?:sound|audio"
                + "|volume)|silence (?:the |my )?(?:computer|mac|laptop|speakers|sound|audio)");
        p.add("unmute", "unmute(?: " + volume + "| (?:the |my )?(?:computer|mac|laptop|speakers)| everything)?"
                + "|(?:turn|switch) (?:the )?(?:sound|audio) (?:back )?on|(?:turn|switch) (?:the )?(?:sound|audio) on"
                + " again");
        String brightness = "(?:the )?(?:screen |display )?brightness";
        p.add("set_brightness", "(?:set|turn|change|put|adjust|bring|make) " + brightness + " (?:to|at|up to|down to) "
                + "(?<level>.+)|" + brightness.replace("(?:the )?", "") + " (?:to |at )?(?<level2>{n}|max|maximum|full)"
                + "|(?:dim|brighten) (?:the )?(?:screen|display) to (?<level3>.+)|(?<level4>max|maximum|full|min"
                + "|minimum) (?:screen )?brightness|(?:(?:turn|crank|put|bring) )?" + brightness + " all the way "
                + "(?<level5>up|down)",
                m -> Slots.level("set_brightness", first(m, "level", "level2", "level3", "level4", "level5"),
                        "brightness"));
    }

    private static void system(PhraseList p, Slots slots) {
        p.add("set_dark_mode", "(?:turn " + ON + "?|switch to|change to|go to|enable|activate|use) dark mode(?: on)?"
                + "|(?:go )?dark mode(?: on)?|turn dark mode on|(?:turn off|disable|deactivate) light mode", "mode", "on");
        p.add("set_dark_mode", "(?:turn off|disable|deactivate) dark mode|dark mode off|turn dark mode off"
                + "|(?:turn on|switch to|change to|go to|enable|use) light mode|(?:go )?light mode(?: on)?", "mode", "off");
        p.add("set_dark_mode", "toggle (?:dark|light) mode|switch (?:between )?(?:dark and light|light and dark) mode",
                "mode", "toggle");
        String dnd = "(?:do not disturb|don't disturb|dnd|focus mode)(?: mode)?";
        p.add("set_do_not_disturb", "(?:turn on|enable|activate|switch on|start) " + dnd + "|" + dnd + " on|turn "
                + dnd + " on|(?:silence|mute|pause|turn off|disable|stop|hold) (?:all )?(?:my |the )?notifications",
                "mode", "on");
        p.add("set_do_not_disturb", "(?:turn off|disable|deactivate|switch off|stop|end) " + dnd + "|" + dnd
                + " off|turn " + dnd + " off|(?:turn on|enable|unmute|resume|turn back on) (?:all )?(?:my |the )?"
                + "notifications(?: back on| again)?", "mode", "off");
        p.add("lock_screen", "lock (?:the |my )?(?:screen|computer|mac|macbook|laptop|pc)|lock screen|lock (?:it|up)");
        p.add("sleep_display", "(?:turn|switch) off (?:the |my )?(?:display|screen|monitor)s?|(?:turn|switch) (?:the "
                + "|my )?(?:display|screen|monitor)s? off|(?:put|send) (?:the |my )?(?:display|screen|monitor)s? to "
                + "sleep|sleep (?:the |my )?(?:display|screen|monitor)s?|display sleep");
        String screenshot = "(?:(?:take|grab|make|capture|get|snap|do) (?:a |an |me a )?(?:screenshot|screen shot"
                + "|screen capture|screen grab|screencap)|screenshot|screen shot)";
        p.add("take_screenshot", screenshot);
        p.add("take_screenshot", screenshot + " (?:of )?(?:the |my )?(?:whole |entire |full )?screen|capture (?:the "
                + "|my )?(?:whole |entire |full )?screen", "area", "screen");
        p.add("take_screenshot", screenshot + " (?:of )?(?:this|the|that|the current|my|the active|the front) window"
                + "|capture (?:this|the|that|the current|the active) window", "area", "window");
        p.add("take_screenshot", screenshot + " (?:of )?(?:a |an |the )?(?:part|portion|region|area|section|selection"
                + "|selected area|bit)(?: of (?:the |my )?screen)?|(?:capture|grab|snap|screenshot) (?:a |an |the )?"
                + "(?:part|portion|region|area|section|selection) of (?:the |my )?screen(?: (?:as|in|into) a "
                + "(?:screenshot|screen shot))?", "area", "selection");
        p.add("battery_status", "how much (?:battery|charge|power)(?: life| power| charge)? (?:do i have|is left"
                + "|have i got|do i have"
                + " left|remains)(?: left)?|battery(?: level| status| percentage| life| charge)?|{whats} (?:my |the )?"
                + "battery(?: level| status| percentage| life| at| charge)?(?: at)?|is (?:my |the )?(?:laptop|computer"
                + "|mac|macbook|battery) charging|(?:check|show) (?:my |the )?battery(?: level| status)?"
                + "|how(?:'s| is) (?:my |the )?battery(?: doing)?");
        p.add("set_wifi", "(?:turn|switch) " + ON.replace("|start", "") + " (?:the )?" + WIFI + "|(?:turn|switch) (?:the )?"
                + WIFI + " (?:back )?on(?: again)?|(?:enable|activate) (?:the )?" + WIFI + "|" + WIFI
                + " on|connect to " + WIFI,
                "mode", "on");
        p.add("set_wifi", "(?:turn|switch) off (?:the )?" + WIFI + "|(?:turn|switch) (?:the )?" + WIFI + " off"
                + "|(?:disable|deactivate) (?:the )?" + WIFI + "|" + WIFI + " off|disconnect (?:from )?(?:the )?"
                + WIFI, "mode", "off");
        p.add("wifi_status", "am i (?:online|connected to the internet|connected)|am i (?:connected|online|on) (?:to )?"
                + "(?:the )?" + WIFI + "|(?:what|which) " + WIFI
                + "(?: network)? am i (?:on|connected to|using)|is (?:the |my )?" + WIFI + " (?:on|connected|working)"
                + "|" + WIFI + " status|(?:what's|what is|check) (?:my |the )?" + WIFI + "(?: status| network)?"
                + "|(?:what|which) network am i (?:on|connected to)");
        p.add("set_bluetooth", "(?:turn|switch) on (?:the )?bluetooth|(?:turn|switch) (?:the )?bluetooth (?:back )?on"
                + "(?: again)?"
                + "|(?:enable|activate) (?:the )?bluetooth|bluetooth on", "mode", "on");
        p.add("set_bluetooth", "(?:turn|switch) off (?:the )?bluetooth|(?:turn|switch) (?:the )?bluetooth off"
                + "|(?:disable|deactivate) (?:the )?bluetooth|bluetooth off", "mode", "off");
        String storage = "(?:free )?(?:(?:disk|storage|hard drive|drive|ssd) )?(?:space|storage|room)";
        String where = "(?: on (?:my |the |this )?(?:disk|drive|hard drive|computer|mac|macbook|laptop|ssd|machine))?";
        p.add("disk_space", "how much " + storage + " (?:do i have|is (?:left|free|available|remaining)|have i got"
                + "|remains|is there)(?: left)?" + where + "|how much (?:storage|disk) (?:do i have|is left|have i got)"
                + "(?: left)?" + where + "|(?:check|show) (?:my |the )?(?:disk|storage)(?: space)?|(?:free )?disk space"
                + "|{whats} (?:my |the )?(?:free )?disk space|how full is (?:my |the )?(?:disk|drive|hard drive|mac"
                + "|computer|ssd)|am i (?:running|getting) (?:out|low) (?:of|on) (?:disk |storage )?(?:space|storage)"
                + "|is (?:my |the )?(?:disk|drive|hard drive|ssd) (?:full|almost full|nearly full)");
        p.add("uptime", "how long (?:has|have) (?:my |the |this )?(?:computer|mac|macbook|laptop|system|machine) been "
                + "(?:on|up|running)|{whats} (?:the |my )?(?:system )?uptime|(?:system )?uptime"
                + "|when did (?:my |the )?(?:computer|mac) (?:last )?(?:start|boot)");
        p.add("local_ip_address", "{whats} (?:my|the) (?:local |computer's |mac's )?ip(?: address)?"
                + "|(?:show|tell) me (?:my|the) (?:local )?ip(?: address)?|(?:my )?local ip(?: address)?"
                + "|what ip address (?:do i have|am i using)");
        p.add("empty_trash", "(?:empty|empty out|clear|clear out) (?:the |my )?(?:trash|recycle bin|bin|trash can"
                + "|trash bin)(?: now)?");
        String show = "(?:open|show|show me|go to|take me to|bring up|pull up|jump to|launch)";
        p.add("open_settings", "(?:" + show + " )?(?:the |my )?" + PANE + " (?:settings|preferences|prefs|panel|pane)"
                + "|" + show + " (?:the )?(?:settings|preferences) for (?:the )?" + PANE.replace("pane", "pane2"),
                m -> matched("open_settings", arguments().put("pane", PANES.get(first(m, "pane", "pane2")
                        .toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")))));
        p.add("open_settings", "(?:" + show + "|check for|look for|run) (?:the |a )?(?:software|system|macos) updates?"
                + "|check for updates|are there (?:any )?(?:software |system |macos )?updates(?: available)?",
                "pane", "software_update");
        p.add("open_settings", "(?:(?:" + show + "|start) )?(?:the |my )?(?<app>system settings|system preferences)",
                m -> slots.appOr("open_app", m.group("app"), matched("open_settings", arguments().put("pane",
                        "general"))));
        p.add("open_settings", show + " (?:the |my )?(?:settings|preferences)|settings", "pane", "general");
        p.add("restart", "(?:restart|reboot) " + COMPUTER + "|reboot|restart now");
        p.add("shut_down", "(?:shut down|shutdown|power off|power down|turn off) " + COMPUTER
                + "|shut down|shutdown|power off|power down|shut (?:it|everything) down");
    }

    private static void media(PhraseList p) {
        String music = "(?:the )?(?:music|song|track|playback|audio|player|podcast)";
        p.add("media_play", "play|resume(?: " + music + "| playing| playback)?|continue (?:playing|" + music + ")"
                + "|(?:play )?(?:some )?music|start (?:the )?(?:music|playback)|unpause(?: " + music + ")?"
                + "|keep playing");
        p.add("media_pause", "pause(?: " + music + "| it| that| playback)?|stop (?:the )?(?:music|song|track|playback"
                + "|audio|podcast)|stop playing(?: music)?");
        p.add("media_next", "next(?: song| track| one| please)?|skip(?: (?:this|the|that))?(?: song| track| one)?"
                + "|(?:play|go to) (?:the )?next (?:song|track|one)|next song please");
        p.add("media_previous", "previous(?: song| track| one)?|go back (?:a|one) (?:song|track)|(?:go )?back to the "
                + "(?:previous|last) (?:song|track)|(?:play|go to) "
                + "(?:the )?previous (?:song|track|one)|last (?:song|track) again|back (?:a|one) (?:song|track)");
        p.add("now_playing", "what song is (?:this|playing|that|on)(?: right now| now)?|name (?:this|that) (?:song|tune"
                + "|track)|{whats} (?:playing|this song|that"
                + " song)(?: right now| now)?|what is this song|who (?:sings|is singing|sang) (?:this|that)(?: song)?"
                + "|{whats} the name of (?:this|that) song|what am i listening to|what's on(?: right now)?"
                + "|what track is this");
        String play = "(?:play|put on|throw on|queue up)";
        p.add("play_music", play + " (?:the )?album (?<query>.+?)" + player("") + "|" + play
                + " (?:the album |the |my )?(?<query2>.+?) album" + player("2"),
                m -> playMusic(first(m, "query", "query2"), "album", first(m, "player", "player2")));
        p.add("play_music", play + " (?:the |my )?playlist (?<query>.+?)" + player("") + "|" + play + " (?:my |the )"
                + "(?<query2>.+?) playlist" + player("2"), m -> playMusic(first(m, "query", "query2"), "playlist",
                first(m, "player", "player2")));
        p.add("play_music", "play (?:songs|music|something|anything|tracks) (?:by|from) (?<query>.+?)" + player("")
                + "|play some (?<query2>.+?)" + player("2") + "|play (?:the )?artist (?<query3>.+?)" + player("3"),
                m -> playMusic(first(m, "query", "query2", "query3"), "artist", first(m, "player", "player2",
                        "player3")));
        p.add("media_play", "put (?:some |the )?music on|put on (?:some )?music");
        p.add("play_music", "(?:put|throw) on (?:some|a little) (?<query>.+?)" + player(""),
                m -> playMusic(m.group("query"), null, m.group("player")));
        p.add("play_music", "play (?:the )?(?:song|track) (?<query>.+?)" + player(""),
                m -> playMusic(m.group("query"), "song", m.group("player")));
        p.add("play_music", "play (?<query>.+?)" + player(""),
                m -> playMusic(m.group("query"), null, m.group("player")));
    }

    /** "on spotify", "in apple music": the player named after what to play, captured as {@code player<suffix>}. */
    private static String player(String suffix) {
        return "(?: (?:on|in|with|using|via|through|from) (?:the )?(?<player" + suffix + ">spotify|apple music|itunes"
                + "|music app))?";
    }

    /** {@code kind} only when the user named it ("the song", "the album"), else the action's default. */
    private static FastPathResult playMusic(String query, String kind, String player) {
        return PLAY_REFUSALS.matcher(query).matches() ? FastPathResult.NO_MATCH : Slots.music(query, kind, player);
    }

    private static void web(PhraseList p, Slots slots) {
        p.add("web_search", "(?:search|look) (?:the web|the internet|online|google|the net|on google|on the web|on "
                + "the internet|up online|up on google) for (?<query>.+)|(?:(?:do|run) (?:a |an )?(?:quick )?)?(?:web"
                + "|google|internet|online) search (?:for|on|about) (?<query5>.+)|web search (?<query6>.+)|google "
                + "(?<query2>.+)|search (?:for )?(?<query3>.+)|look up (?<query4>.+)",
                m -> {
                    String query = first(m, "query", "query2", "query3", "query4", "query5", "query6");
                    return SEARCH_REFUSALS.matcher(query).matches() ? FastPathResult.NO_MATCH
                            : Slots.textArgument("web_search", "query", query);
                });
        p.add("open_url", "(?:open|go to|visit|browse to|navigate to|take me to|load|open up|pull up) (?:the )?"
                + "(?:website |site |page )?" + URL, m -> {
                    String url = m.group("url").replaceAll(" dot ", ".").toLowerCase(Locale.ROOT);
                    if (url.matches(FILE_NAME)) {
                        return FastPathResult.NO_MATCH;
                    }
                    return Slots.textArgument("open_url", "url", url.matches("(?i)https?://.*") ? m.group("url")
                            : "https://" + url);
                });
        p.add("open_url", "(?:open|open up|go to|visit|browse to|navigate to|take me to|load|pull up|bring up)"
                + " (?:the )?(?<site>.+?)(?:'s)? (?:website|web site|site|homepage|home page|webpage|web page)",
                m -> KnownWebsites.address(m.group("site")).map(url -> matched("open_url", arguments().put("url", url)))
                        .orElse(FastPathResult.NO_MATCH));
        p.add("youtube_search", "search (?:on )?youtube for (?<query>.+)|(?:find|search for|look up|search|show me"
                + "|play) (?<query2>.+?) (?:on|in) youtube|youtube (?:search (?:for )?)?(?<query3>.+)",
                m -> Slots.textArgument("youtube_search", "query", first(m, "query", "query2", "query3")));
        p.add("directions", "(?:get |get me |give me |show me |find |i need )?(?:the )?(?:(?<mode>walking|driving|transit)"
                + " )?directions (?:from (?<origin>.+?) )?to (?<destination>.+)|(?:show me |tell me )?how (?:do i|to|can i"
                + "|would i|should i) get (?:from (?<origin2>.+?) )?to"
                + " (?<destination2>.+)|navigate (?:me )?to (?<destination3>.+)|how do i (?<mode2>walk|drive) to "
                + "(?<destination4>.+)|take me to (?<destination5>.+)", m -> {
                    String destination = first(m, "destination", "destination2", "destination3", "destination4",
                            "destination5");
                    if (destination.matches("(?i)" + URL) || NOT_A_PLACE.matcher(destination).matches()
                            || slots.installed(destination)) {
                        return FastPathResult.NO_MATCH;
                    }
                    String mode = first(m, "mode", "mode2");
                    Matcher by = TRAVEL_MODE.matcher(destination);
                    if (by.matches()) {
                        if (mode != null || first(by, "cycling", "cycling2") != null) {
                            return FastPathResult.NO_MATCH;
                        }
                        destination = by.group("place");
                        mode = first(by, "mode", "mode2");
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
                    if (mode != null) {
                        arguments.put("mode", travelMode(mode));
                    }
                    return matched("directions", arguments);
                });
        p.add("current_browser_tab", "what (?:page|website|site|tab|url|web ?page) am i (?:on|looking at|viewing)"
                + "|{whats} the (?:current |open |active )(?:tab|page|website|site|url|web ?page)|what (?:website|site"
                + "|page|tab|web ?page) is this|which (?:tab|page|website) is (?:this|open)|{whats} the (?:url|address"
                + "|link|title|name) of (?:this|the current|the|my current|the open) (?:tab|page|website|site|web ?page)"
                + "|(?:copy|give me|tell me|read me) the (?:url|address|link) of (?:this|the current) (?:tab|page)");
    }

    /** The catalogue's travel mode for the way the user said it: "walk", "public transit", "foot". */
    private static String travelMode(String spoken) {
        return switch (spoken.toLowerCase(Locale.ROOT)) {
            case "walk", "walking", "foot" -> "walking";
            case "drive", "driving", "car" -> "driving";
            default -> "transit";
        };
    }

    private static void productivity(PhraseList p, Slots slots) {
        p.add("create_note", "(?:take|make|write|jot|create|add) (?:down )?(?:a |a new )?note(?: that| saying| of| to"
                + " say|:)? (?<text>.+)|note to self:? (?<text2>.+)|(?:new )?note: ?(?<text3>.+)|new note (?<text5>.+)"
                + "|(?:jot|write) down (?<text4>.+)|(?:jot|write|note|take|put) (?:this|that|it) down[:,]? "
                + "(?<text6>.+)",
                m -> Slots.text(first(m, "text", "text2", "text3", "text4", "text5", "text6"))
                        .map(t -> matched("create_note", arguments().put("text", t)))
                        .orElse(FastPathResult.NO_MATCH));
        p.add("create_reminder", "(?:remind me|(?:set|add|create) a reminder(?: for me)?) (?:for )?(?<when>.+?) (?:to|about)"
                + " (?<text>.+)", m -> slots.time(m.group("when"))
                .map(due -> Slots.reminder(m.group("text"), due)).orElse(FastPathResult.NO_MATCH));
        p.add("create_reminder", "(?:remind me (?:to|about)|set a reminder (?:to|about|for)|add a reminder (?:to|about"
                + "|for)|create a reminder (?:to|about|for)|new reminder:?|remember to|don't let me forget(?: to| about)?)"
                + " (?<text>.+)",
                m -> reminderWithTrailingTime(m.group("text"), slots));
        p.add("create_reminder", "(?:add|put) (?<text>.+?) (?:to|on|in|into) (?:my |the )?(?:reminders(?: app| list)?"
                + "|reminder list|to-?do list|to do list)", m -> reminderWithTrailingTime(m.group("text"), slots));
        p.add("set_timer", "(?:set|start|make|create) (?:a |an )?(?:timer|countdown) (?:for |of )?(?<duration>.+?)"
                + "(?: for (?<label>.+))?|(?:set|start|make|create) (?:a |an )?(?<duration2>.+?) timer"
                + "|timer (?:for )?(?<duration3>.+)|countdown (?:from |for )?(?<duration4>.+)",
                m -> Slots.timer(first(m, "duration", "duration2", "duration3", "duration4"), m.group("label"), true));
        p.add("set_timer", "(?:set|start|make|create) (?:a |an )?(?<duration>.+?) timer for (?<label>.+)",
                m -> Slots.timer(m.group("duration"), m.group("label"), false));
        p.add("set_timer", "(?:set|start|make|create) (?:a |an )?(?<label>.+?) timer (?:for|of) (?<duration>.+)",
                m -> Slots.timer(m.group("duration"), m.group("label"), false));
        p.add("set_timer", "(?:(?:i need|give me|put on|start|set|make) )?(?:a |an )?(?<duration>.+?)[ -](?:timer"
                + "|countdown)(?: (?:for|on) (?<label>.+))?|(?:set|start|make|create) (?:an |a )?alarm (?:for|in) "
                + "(?<duration2>.+)|wake me(?: up)? in (?<duration3>.+)|count ?down (?:for |from )?(?<duration4>.+)"
                + "|time (?<duration5>.+?)(?: for (?<label2>.+))?",
                m -> Slots.timer(first(m, "duration", "duration2", "duration3", "duration4", "duration5"),
                        first(m, "label", "label2"), false));
        p.add("create_calendar_event", "(?<verb>schedule|set up|arrange|book|plan|organi[sz]e|add|create|make|put|new) "
                + "(?<article>a |an |my |the )?(?:new )?(?:(?<length>{n}[ -](?:minutes?|mins?|hours?)|half[ -]an?[ -]hour"
                + "|half[ -]hour|hour[ -]long|one[ -]hour|an hour)(?: long)? )?(?<rest>.+)",
                m -> calendarEvent(m, slots));
        p.add("create_calendar_event", "block (?:off |out )?(?<length>.+?) (?:of time )?(?:(?<when>(?:on|at|tomorrow"
                + "|today|tonight|this|next|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b.+?) for "
                + "(?<title>.+)|for (?<title2>.+?) (?<when2>(?:on|at|tomorrow|today|tonight|this|next)\\b.+))",
                m -> blockedTime(m, slots));
        p.add("write_clipboard", "(?:copy|put|save|place|paste|add|write) (?<text>.+?) (?:to|on|onto|in|into) (?:the "
                + "|my )?clipboard", m -> {
                    String text = QUOTES.matcher(m.group("text")).replaceAll("");
                    return SELECTION_WORDS.matcher(text).matches() ? FastPathResult.NO_MATCH
                            : Slots.textArgument("write_clipboard", "text", text);
                });
        p.add("show_notification", "(?:show|display|send|give|pop up|post|create|put up) (?:me )?(?:a |an )?"
                + "(?:notification|alert|banner|pop-?up)(?: that says| saying| with the (?:text|message|words)"
                + "| that reads| reading|:) (?<text>.+)",
                m -> Slots.textArgument("show_notification", "text", QUOTES.matcher(m.group("text")).replaceAll("")));
        p.add("read_clipboard", "{whats} (?:on|in) (?:my |the )?clipboard|read (?:me )?(?:my |the )?clipboard"
                + "|(?:read|tell|show) me what's (?:on|in) (?:my |the )?clipboard|read what's (?:on|in) (?:my |the )?"
                + "clipboard"
                + "|what did i (?:just )?copy|(?:read|tell|show) (?:me )?what i (?:just )?copied|what (?:have|had) i "
                + "(?:just )?copied|(?:show|tell) me (?:what's on )?(?:my |the )?clipboard"
                + "|clipboard contents");
        p.add("type_text", "(?:type out|type|dictate):? (?<text>.+)", m -> {
            String text = m.group("text");
            // "type of music", "type in your password": the word type, not a request to type.
            return text.matches("(?i)(?:of|in|out|up|into)\\b.*") ? FastPathResult.NO_MATCH
                    : Slots.text(QUOTES.matcher(text).replaceAll("")).map(t -> matched("type_text",
                    arguments().put("text", t)))
                    .orElse(FastPathResult.NO_MATCH);
        });
        p.add("run_shortcut", "(?:run|start|launch|do|trigger) (?:the |my )?shortcut(?: called| named)? (?<name>.+)"
                + "|(?:run|start|launch|do|trigger) (?:the |my )(?<name2>.+?) shortcut",
                m -> Slots.textArgument("run_shortcut", "name", first(m, "name", "name2")));
    }

    /**
     * "schedule a meeting with anna tomorrow at 3pm", "add a 30 minute call with the team on friday at 10am": the
     * longest tail that reads as a time is the start, a trailing "for 90 minutes" the length, the rest the title.
     * Only sure events count: "schedule" or the calendar named, or an event word ("call", "lunch") after "a".
     */
    private static FastPathResult calendarEvent(Matcher m, Slots slots) {
        String rest = m.group("rest");
        Matcher onCalendar = ON_CALENDAR.matcher(rest);
        boolean calendar = onCalendar.find();
        rest = onCalendar.replaceAll("").strip();
        Optional<Duration> length = Optional.ofNullable(m.group("length"))
                .flatMap(l -> SpokenDuration.parse(l.replace('-', ' ').replaceFirst("(?i)^half (?:an? )?hour",
                        "half an hour").replaceFirst("(?i)^(?:hour long|one hour)", "1 hour")));
        Matcher lasting = EVENT_LENGTH.matcher(rest);
        if (lasting.matches() && length.isEmpty()) {
            length = SpokenDuration.parse(lasting.group("length"));
            if (length.isPresent()) {
                rest = lasting.group("before");
            }
        }
        Matcher start = EVENT_TIME_START.matcher(rest);
        while (start.find()) {
            if (start.start() == 0) {
                continue;
            }
            String when = rest.substring(start.start()).replaceFirst("(?i)^for ", "");
            Optional<LocalDateTime> time = slots.time(when);
            if (time.isEmpty()) {
                continue;
            }
            Matcher prefix = EVENT_TITLE_PREFIX.matcher(rest.substring(0, start.start()).strip());
            boolean namedEvent = prefix.lookingAt();
            String title = prefix.replaceFirst("");
            boolean sure = m.group("verb").matches("(?i)schedule|set up|arrange") || calendar || namedEvent
                    || m.group("article") != null && EVENT_WORDS.matcher(title).matches();
            if (!sure || NOT_AN_EVENT.matcher(title).matches() || title.split(" ").length > 12) {
                return FastPathResult.NO_MATCH;
            }
            long minutes = length.map(d -> Math.round(d.toSeconds() / 60.0)).orElse(60L);
            if (minutes < 1 || minutes > 1440) {
                return FastPathResult.NO_MATCH;
            }
            Optional<String> text = Slots.text(title);
            if (text.isEmpty()) {
                return FastPathResult.NO_MATCH;
            }
            ObjectNode arguments = arguments().put("title", text.get())
                    .put("start", time.get().format(SpokenTime.ISO_MINUTES));
            if (length.isPresent()) {
                arguments.put("duration_minutes", minutes);
            }
            return matched("create_calendar_event", arguments);
        }
        return FastPathResult.NO_MATCH;
    }

    /**
     * "block 2 hours on thursday at 2 pm for deep work": time kept for something, so its length, start and purpose
     * must all be there.
     */
    private static FastPathResult blockedTime(Matcher m, Slots slots) {
        Optional<Duration> length = SpokenDuration.parse(m.group("length"));
        Optional<LocalDateTime> start = slots.time(first(m, "when", "when2"));
        Optional<String> title = Slots.text(first(m, "title", "title2"));
        long minutes = length.map(d -> Math.round(d.toSeconds() / 60.0)).orElse(0L);
        if (start.isEmpty() || title.isEmpty() || minutes < 1 || minutes > 1440) {
            return FastPathResult.NO_MATCH;
        }
        return matched("create_calendar_event", arguments().put("title", title.get())
                .put("start", start.get().format(SpokenTime.ISO_MINUTES)).put("duration_minutes", minutes));
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
        p.add("find_files", "(?:search|look through|go through) (?:my |the )?(?:files|computer|mac|laptop|drive"
                + "|hard drive|disk|folders|home folder) for (?:(?:a |the )?files? (?:called |named )?)?(?<query4>.+)"
                + "|(?:find|search for|look for|locate|search) (?:the |my )?(?:files?|documents?)"
                + "(?: called| named| about| with)? (?<query>.+)|where(?:'s| is) (?:the |my )?(?:file|document)"
                + "(?: called| named)? (?<query2>.+)|(?:find|locate|look for|where(?:'s| is| are)) (?:my |the )"
                + "(?<query3>.+)",
                m -> {
                    String query = first(m, "query", "query2", "query3", "query4");
                    boolean notAName = m.group("query4") == null && query.matches("(?i)(?:for|about) .*");
                    return notAName || m.group("query3") != null && !FILE_WORDS.matcher(query).matches()
                            ? FastPathResult.NO_MATCH : Slots.textArgument("find_files", "query", query);
                });
        p.add("open_file", "(?:open|open up|show me|pull up|bring up) (?:the |my |that )?(?:(?:file|document|doc|pdf)"
                + "(?: called| named)? )?(?<path>" + FILE_NAME + ")(?: (?:from|on|in) (?:my |the )?(?<folder>desktop"
                + "|documents|downloads|pictures|music|movies|videos|home)(?: folder)?)?", m -> {
                    String path = m.group("path");
                    String folder = m.group("folder");
                    if (folder == null) {
                        return Slots.textArgument("open_file", "path", path);
                    }
                    return path.contains("/") ? FastPathResult.NO_MATCH
                            : Slots.textArgument("open_file", "path", HOME_FOLDERS.get(folder.toLowerCase(Locale.ROOT))
                            + path);
                });
        p.add("reveal_file", "reveal (?:the file )?(?<path>" + FILE_NAME + ")(?: in (?:the )?(?:finder|file manager))?"
                + "|(?:show|highlight|find|locate) (?:me )?(?:the file )?(?<path2>" + FILE_NAME + ") in (?:the )?(?:finder"
                + "|file manager|its folder)|show me where (?:the file )?(?<path3>" + FILE_NAME + ") is",
                m -> Slots.textArgument("reveal_file", "path", first(m, "path", "path2", "path3")));
        p.add("recent_files", "(?:{whats}|what are) (?:my |the )?(?:most )?recent (?:files|documents)|(?:show|list|open"
                + "|give|tell) (?:me )?(?:my |the )?(?:most )?(?:recent|recently (?:used"
                + "|opened|edited|modified)) (?:files|documents|docs)|recent (?:files|documents)|what (?:files|documents)"
                + " (?:did i|have i) (?:work on|worked on|open|opened|use|used|edit|edited)(?: recently| lately| last"
                + "| today)?|what (?:was i|have i been) working on(?: recently| lately)?|{whats} the last file i "
                + "(?:opened|used|edited|worked on)");
        String folders = "downloads|documents|desktop|home|pictures|photos|music|movies|videos";
        p.add("open_folder", "(?:open|show|show me|go to|take me to) (?:my |the )?(?<folder>" + folders + ") folder"
                + "|(?:open|show me|go to) (?:my |the )?(?<folder2>downloads|documents|desktop|pictures|movies|videos)"
                + "|(?:open|show me|go to) my (?<folder3>" + folders + ")", m -> {
                    String folder = first(m, "folder", "folder2", "folder3").toLowerCase(Locale.ROOT);
                    return matched("open_folder", arguments().put("folder", folder.equals("photos") ? "pictures"
                            : folder));
                });
    }

    private static void communication(PhraseList p) {
        String not = NOT_A_PERSON;
        p.add("send_message", "(?:send (?:a )?(?:message|text|imessage|text message) to|message|text|imessage) "
                + "(?<to>.+?) (?:saying|that says|that|with|:) (?<text>.+)|send (?<to2>.+?) a (?:message|text"
                + "|text message|imessage) (?:saying|that says|that|:)? ?(?<text2>.+)",
                m -> Slots.message(first(m, "to", "to2"), first(m, "text", "text2")));
        p.add("send_message", "(?:text|message|imessage) " + not + "(?<to>[\\p{L}'-]+) (?<text>.+)|tell " + not
                + "(?<to2>[\\p{L}'-]+) (?:that )?(?<text2>.+)",
                m -> Slots.message(first(m, "to", "to2"), first(m, "text", "text2")));
        p.add("facetime_call", "(?:facetime|face time) audio(?: call)? (?:with )?(?<to>.+)|(?:start|make|place) a "
                + "facetime audio call (?:with|to) (?<to2>.+)|audio call (?<to3>.+)|call (?<to4>.+?) (?:on|with|using"
                + "|over|via) (?:facetime audio|audio facetime|facetime audio only|facetime,? audio only)",
                m -> Slots.facetime(first(m, "to", "to2", "to3", "to4"), true));
        p.add("facetime_call", "(?:facetime|video call|face time)(?: with)? (?<to>.+?)(?: (?:on|with|using|over|via) "
                + "(?:facetime|face time))?|(?:start|make|place) a "
                + "(?:facetime|video) call (?:with|to) (?<to2>.+)|call (?<to3>.+?) (?:on|with|using|over) facetime",
                m -> Slots.facetime(first(m, "to", "to2", "to3"), false));
        p.add("facetime_call", "call " + not + "(?<to>[\\p{L}'-]+(?: [\\p{L}'-]+)?)", m -> Slots.facetime(m.group("to"), false));
        String subject = "(?: (?:with (?:the |a )?subject(?: line)?|subject(?: line)?|titled|with the title)[: ]+"
                + "(?<subject>.+?)| (?:about|regarding|re) (?<about>.+?))?";
        String body = "(?:,? (?:saying|that says|with the (?:body|message|text)|and say|body|and the body(?: is)?"
                + "|telling (?:him|her|them))[: ]+(?<body>.+))?";
        p.add("compose_email", "(?<verb>write|compose|draft|send|start|create|shoot|prepare) (?:me )?(?:off )?(?:an |a new"
                + " |a quick |a )?(?:email|e-mail|mail) to (?<to>.+?)" + subject + body
                + "|(?:email|e-mail|mail) " + NOT_A_RECIPIENT + "(?<to2>.+?)" + subject.replace(">", "2>")
                + body.replace("body>", "body2>") + "|(?<verb3>send|write|shoot) (?<to3>.+?) an? (?:quick )?(?:email"
                + "|e-mail)" + subject.replace(">", "3>") + body.replace("body>", "body3>"), EnglishPhrases::email);
    }

    /**
     * An email: "send" with a subject and a body is ready to go (send_email, which asks first); anything else opens
     * a draft. The recipient is a name or address of a few words, never the rest of the sentence.
     */
    private static FastPathResult email(Matcher m) {
        Optional<String> to = Slots.text(first(m, "to", "to2", "to3"))
                .filter(t -> t.split(" ").length <= 4 && !EMAIL_KEYWORDS.matcher(t).find());
        if (to.isEmpty()) {
            return FastPathResult.NO_MATCH;
        }
        String subject = first(m, "subject", "about", "subject2", "about2", "subject3", "about3");
        String body = first(m, "body", "body2", "body3");
        ObjectNode arguments = arguments().put("to", to.get());
        if (subject != null) {
            arguments.put("subject", subject);
        }
        if (body != null) {
            arguments.put("body", body);
        }
        String verb = first(m, "verb", "verb3");
        boolean send = verb != null && verb.matches("(?i)send|shoot");
        return matched(send && subject != null && body != null ? "send_email" : "compose_email", arguments);
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
                + "(?: equal| make| come to)?|(?<bare>(?:the )?(?:square root|sqrt) .+|{n} .+)",
                m -> SpokenArithmetic.expression(first(m, "expression", "bare"))
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
        return Slots.conversion(value.getAsDouble(), first(m, "from", "from2", "from3", "from4").toLowerCase(Locale.ROOT),
                first(m, "to", "to2", "to3", "to4").toLowerCase(Locale.ROOT));
    }

    private static void assistant(PhraseList p) {
        String stop = "(?:stop(?: (?:talking|speaking|it|that|now|please|everything|right there))?|be quiet|quiet"
                + "|silence|shut up|never ?mind|cancel(?: that| it)?|forget (?:it|that)|enough|that's enough"
                + "|that is enough|hush)";
        p.add("stop", "(?:(?:ok(?:ay)?|all right|alright|thanks|thank you)[, ]+)*" + stop + "(?:[, ]+(?:and |just )?"
                + stop + ")*");
        p.add("repeat", "(?:(?:sorry|i'm sorry|excuse me|pardon me|pardon)[, ]+)?(?:repeat(?: that| it| what you"
                + " said| yourself)?(?: again)?|say (?:that|it) again|what did you (?:just )?say|come again"
                + "|pardon(?: me)?|what was that|one more time|i didn't (?:catch|hear) (?:that|you|what you said))");
        p.add("list_capabilities", "what (?:else )?can you do(?: for me)?|what (?:(?:kinds?|sorts?|types?) of )?"
                + "(?:commands|things|requests) (?:do you know|do you understand|can you do|can you handle|can i say"
                + "|can i give you|do you (?:respond to|support|take))|help"
                + "|what are your (?:skills|capabilities|commands|features)"
                + "|what can i (?:say|ask(?: you)?)|how can you help(?: me)?|what do you do|list (?:your )?"
                + "(?:commands|capabilities|skills)|what (?:are you|else are you) (?:able|capable of)(?: to do)?"
                + "|what kind of (?:things|stuff|commands) can you (?:do|help with)|what can you help (?:me )?with");
        String documents = "(?:documents|docs|notes|files|papers|library)";
        p.add("ask_documents", "what do (?:my|the) " + documents + " say about (?<question>.+)|according to (?:my|the) "
                + documents + ",? (?<question2>.+)|(?:check|search|look in|ask) (?:my|the) " + documents.replace(
                "files|", "") + " (?:for|about) (?<question3>.+)|ask my " + documents + " (?<question4>.+)",
                m -> Slots.textArgument("ask_documents", "question",
                        first(m, "question", "question2", "question3", "question4")));
        String document = "(?:(?:my|our|the) (?:[\\p{L}-]+ ){0,2}" + DOCUMENT_NOUN + ")";
        String mine = "(?:(?:my|our) (?:[\\p{L}-]+ ){0,2}" + DOCUMENT_NOUN + ")";
        p.add("ask_documents", "(?<question>what (?:does|do) " + document + " say (?:about|regarding|on) .+"
                + "|(?:what|when|where|who|how|is|are|does|do|can|which|why)\\b.+\\b(?:in|according to) " + mine
                + "|according to " + mine + ",? .+|(?:check|search|look in) " + mine + " (?:for|about) .+)",
                m -> Slots.textArgument("ask_documents", "question", m.group("question")));
    }
}
