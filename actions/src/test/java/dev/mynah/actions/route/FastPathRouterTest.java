package dev.mynah.actions.route;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mynah.actions.InstalledApps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FastPathRouterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FastPathRouter router = RouterFixture.router();

    private void assertCall(String utterance, String action, String arguments) throws Exception {
        FastPathResult.Matched matched = assertInstanceOf(FastPathResult.Matched.class, router.route(utterance),
                utterance);
        assertEquals(action, matched.call().action(), utterance);
        assertTrue(PhrasingSet.sameArguments(matched.call().arguments(), JSON.readTree(arguments)),
                utterance + ": expected " + arguments + ", got " + matched.call().arguments());
    }

    @ParameterizedTest(name = "\"{0}\" -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "Hey Mynah, open Safari please.|open_app|{\"app\":\"Safari\"}",
            "could you launch chrome|open_app|{\"app\":\"Google Chrome\"}",
            "open safary|open_app|{\"app\":\"Safari\"}",
            "quit slack thanks|quit_app|{\"app\":\"Slack\"}",
            "set the volume to fifty percent|set_volume|{\"level\":50}",
            "volume 30|set_volume|{\"level\":30}",
            "turn up the volume by twenty|raise_volume|{\"by\":20}",
            "turn it down|lower_volume|{}",
            "set a timer for an hour and a half|set_timer|{\"seconds\":5400}",
            "set a 3 minute timer for the eggs|set_timer|{\"seconds\":180,\"label\":\"the eggs\"}",
            "remind me to buy bread tomorrow at 9 am|create_reminder|{\"text\":\"buy bread\",\"due\":\"2026-11-25T09:00\"}",
            "what is twenty five times four|calculate|{\"expression\":\"25 * 4\"}",
            "convert 5 miles to kilometers|convert_units|{\"value\":5,\"from\":\"miles\",\"to\":\"kilometers\"}",
            "how many ounces in a pound|convert_units|{\"value\":1,\"from\":\"pound\",\"to\":\"ounces\"}",
            "Type I'll be there soon|type_text|{\"text\":\"I'll be there soon\"}",
            "play hotel california on spotify|play_music|{\"query\":\"hotel california\",\"player\":\"spotify\"}",
            "open sound settings|open_settings|{\"pane\":\"sound\"}",
            "open github.com|open_url|{\"url\":\"https://github.com\"}",
            "take a screenshot of this window|take_screenshot|{\"area\":\"window\"}",
            "what time is it in Tokyo|time_in_city|{\"city\":\"Tokyo\"}",
            "what do my documents say about the lease|ask_documents|{\"question\":\"the lease\"}",
            "stop|stop|{}",
            "i'd like to open the photos app|open_app|{\"app\":\"Photos\"}",
            "would you mind quitting zoom|quit_app|{\"app\":\"zoom.us\"}",
            "take me to chrome|switch_to_app|{\"app\":\"Google Chrome\"}",
            "take me to software update|open_settings|{\"pane\":\"software_update\"}",
            "open system settings|open_app|{\"app\":\"System Settings\"}",
            "schedule a meeting with anna tomorrow at 3pm|create_calendar_event"
                    + "|{\"title\":\"meeting with anna\",\"start\":\"2026-11-25T15:00\"}",
            "add a 30 minute call with the team on friday at 10am|create_calendar_event"
                    + "|{\"title\":\"call with the team\",\"start\":\"2026-11-27T10:00\",\"duration_minutes\":30}",
            "3 minute timer for the eggs|set_timer|{\"seconds\":180,\"label\":\"the eggs\"}",
            "copy hello world to the clipboard|write_clipboard|{\"text\":\"hello world\"}",
            "search my files for tax return|find_files|{\"query\":\"tax return\"}",
            "open the file report.pdf|open_file|{\"path\":\"report.pdf\"}",
            "show report.pdf in finder|reveal_file|{\"path\":\"report.pdf\"}",
            "send an email to tom with the subject lunch saying see you at noon|send_email"
                    + "|{\"to\":\"tom\",\"subject\":\"lunch\",\"body\":\"see you at noon\"}",
            "email tom about lunch|compose_email|{\"to\":\"tom\",\"subject\":\"lunch\"}",
            "take a screenshot of the whole screen|take_screenshot|{\"area\":\"screen\"}",
            "play the song shape of you|play_music|{\"query\":\"shape of you\",\"kind\":\"song\"}",
            "what does my lease say about pets|ask_documents|{\"question\":\"what does my lease say about pets\"}",
            "remind me in 15 minutes to check the oven|create_reminder"
                    + "|{\"text\":\"check the oven\",\"due\":\"2026-11-24T10:15\"}"})
    void routesEnglishCommandsWithExactArguments(String utterance, String action, String arguments) throws Exception {
        assertCall(utterance, action, arguments);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "打开微信|open_app|{\"app\":\"WeChat\"}",
            "请打开 Safari|open_app|{\"app\":\"Safari\"}",
            "退出微信|quit_app|{\"app\":\"WeChat\"}",
            "音量调到五十|set_volume|{\"level\":50}",
            "把音量调到百分之三十|set_volume|{\"level\":30}",
            "大声点|raise_volume|{}",
            "小声点|lower_volume|{}",
            "静音|mute|{}",
            "亮度调到二十五|set_brightness|{\"level\":25}",
            "锁屏|lock_screen|{}",
            "截屏|take_screenshot|{}",
            "电量还有多少|battery_status|{}",
            "关闭wifi|set_wifi|{\"mode\":\"off\"}",
            "打开无线网络|set_wifi|{\"mode\":\"on\"}",
            "播放|media_play|{}",
            "暂停|media_pause|{}",
            "下一首|media_next|{}",
            "上一首|media_previous|{}",
            "定时五分钟|set_timer|{\"seconds\":300}",
            "设一个一个半小时的定时器|set_timer|{\"seconds\":5400}",
            "现在几点了|current_time|{}",
            "今天几号|current_date|{}",
            "搜索一下红烧肉的做法|web_search|{\"query\":\"红烧肉的做法\"}",
            "十二乘以七等于多少|calculate|{\"expression\":\"12 * 7\"}",
            "停|stop|{}",
            "再说一遍|repeat|{}",
            "提醒我明天早上八点开会|create_reminder|{\"text\":\"开会\",\"due\":\"2026-11-25T08:00\"}",
            "把终端关掉|quit_app|{\"app\":\"Terminal\"}",
            "打开系统设置|open_app|{\"app\":\"System Settings\"}",
            "太吵了小声点|lower_volume|{}",
            "音量降低十|lower_volume|{\"by\":10}",
            "亮度调到最高|set_brightness|{\"level\":100}",
            "播放周杰伦的歌|play_music|{\"query\":\"周杰伦\",\"kind\":\"artist\"}",
            "用spotify放点爵士乐|play_music|{\"query\":\"爵士乐\",\"player\":\"spotify\"}",
            "步行导航到最近的地铁站|directions|{\"destination\":\"最近的地铁站\",\"mode\":\"walking\"}",
            "定一个十分钟的闹钟|set_timer|{\"seconds\":600}",
            "五英里是多少公里|convert_units|{\"value\":5,\"from\":\"miles\",\"to\":\"kilometers\"}",
            "明天下午三点安排一个会议|create_calendar_event|{\"title\":\"会议\",\"start\":\"2026-11-25T15:00\"}",
            "给小王发短信说我晚点到|send_message|{\"to\":\"小王\",\"text\":\"我晚点到\"}",
            "一个半小时后提醒我关火|create_reminder|{\"text\":\"关火\",\"due\":\"2026-11-24T11:30\"}"})
    void routesChineseCommandsWithExactArguments(String utterance, String action, String arguments) throws Exception {
        assertCall(utterance, action, arguments);
    }

    @ParameterizedTest(name = "\"{0}\" does not match")
    @ValueSource(strings = {"what's the volume of a sphere", "play the game", "turn up the heat",
            "I want to open a restaurant", "别关灯", "close the door", "go to sleep", "type of music do you like",
            "tell me a joke", "find my phone", "call it a day", "what is love", "search my feelings",
            "repeat after me the quick brown fox", "skip leg day", "play something relaxing", "关灯", "开空调",
            "copy that", "what's a calendar event", "how do timers work", "what does mute mean", "new note",
            "what does the bible say about forgiveness", "make dinner at 7", "put on a jacket", "导航是什么",
            "计时器怎么用", "如何去掉水印", "复制这个到剪贴板", "新建一个备忘录"})
    void nearMissesGoToTheLlm(String utterance) {
        assertEquals(FastPathResult.NO_MATCH, router.route(utterance));
    }

    @Test
    void aWishRoutesOnlyWhenItIsASureMatch() {
        assertEquals(FastPathResult.NO_MATCH, router.route("i'd like to open a restaurant someday"));
        assertEquals(FastPathResult.NO_MATCH, router.route("let's switch topics"));
        assertEquals(FastPathResult.NO_MATCH, router.route("我想打开心扉"));
        assertInstanceOf(FastPathResult.Rejected.class, router.route("open a restaurant someday"));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "i'm heading out lock the computer|lock_screen|{}",
            "it's too dark in here brightness to 80 please|set_brightness|{\"level\":80}",
            "i want to change my wallpaper open the wallpaper settings|open_settings|{\"pane\":\"wallpaper\"}",
            "i'm at the office, open slack|open_app|{\"app\":\"Slack\"}"})
    void aCommandAfterARemarkAboutTheMomentRoutes(String utterance, String action, String arguments)
            throws Exception {
        assertCall(utterance, action, arguments);
    }

    @ParameterizedTest(name = "\"{0}\" does not match")
    @ValueSource(strings = {"i'm going to play tennis", "i think i should quit my job", "it's the next one",
            "it's fine don't lock the screen", "i'm a fan of dark mode", "i'm bored play some jazz",
            "we'll just play it by ear tonight", "that's it stop"})
    void aRemarkThatGoesOnOrEndsInFreeTextIsNotACommand(String utterance) {
        assertEquals(FastPathResult.NO_MATCH, router.route(utterance));
    }

    @Test
    void aBareAppNameOpensTheAppOnlyWhenSaidPolitely() throws Exception {
        assertCall("firefox please", "open_app", "{\"app\":\"Firefox\"}");
        assertCall("终端，谢谢", "open_app", "{\"app\":\"Terminal\"}");
        assertEquals(FastPathResult.NO_MATCH, router.route("firefox"));
        assertEquals(FastPathResult.NO_MATCH, router.route("fooz please"));
    }

    @Test
    void aWellKnownWebsiteThatIsNoInstalledAppOpensInTheBrowser() throws Exception {
        assertCall("open youtube", "open_url", "{\"url\":\"https://www.youtube.com\"}");
        assertCall("打开百度", "open_url", "{\"url\":\"https://www.baidu.com\"}");
        assertCall("open the bbc news website", "open_url", "{\"url\":\"https://www.bbc.com/news\"}");
        FastPathRouter withYouTubeApp = new FastPathRouter(InstalledApps.of(List.of(
                new InstalledApps.App("YouTube", "/Applications/YouTube.app"))), RouterFixture.CLOCK);
        FastPathResult.Matched matched = assertInstanceOf(FastPathResult.Matched.class,
                withYouTubeApp.route("open youtube"));
        assertEquals(new Call("open_app", JSON.createObjectNode().put("app", "YouTube")), matched.call());
    }

    @Test
    void systemSettingsIsTheGeneralPaneWhenNoSuchAppIsInstalled() throws Exception {
        FastPathRouter withoutSettingsApp = new FastPathRouter(InstalledApps.of(List.of(
                new InstalledApps.App("Safari", "/Applications/Safari.app"))), RouterFixture.CLOCK);
        FastPathResult.Matched matched = assertInstanceOf(FastPathResult.Matched.class,
                withoutSettingsApp.route("open system settings"));
        assertEquals(new Call("open_settings", JSON.createObjectNode().put("pane", "general")), matched.call());
    }

    @Test
    void aPronounIsNotTakenForAnAppName() {
        assertEquals(FastPathResult.NO_MATCH, router.route("hide this"));
        assertEquals(FastPathResult.NO_MATCH, router.route("quit it"));
    }

    @Test
    void aReminderThatMentionsTheVolumeIsAReminderNotAVolumeChange() throws Exception {
        assertCall("set a reminder about setting the volume to 50", "create_reminder",
                "{\"text\":\"setting the volume to 50\"}");
    }

    @Test
    void openingAnAppThatIsNotInstalledIsRejectedWithAReply() {
        assertEquals(new FastPathResult.Rejected("open_app", "I couldn't find an app called Fooz."),
                router.route("open Fooz"));
        assertEquals(new FastPathResult.Rejected("open_app", "I couldn't find an app called door."),
                router.route("open the door"));
    }

    @Test
    void anAmbiguousAppNameIsNotGuessed() {
        FastPathRouter router = new FastPathRouter(InstalledApps.of(List.of(new InstalledApps.App("Pages", "/a"),
                new InstalledApps.App("Pager", "/b"))), RouterFixture.CLOCK);
        assertEquals(new FastPathResult.Rejected("open_app", "I couldn't find an app called pagez."),
                router.route("open pagez"));
    }

    @Test
    void aVolumeOutOfRangeIsRejectedWithTheRange() {
        assertEquals(new FastPathResult.Rejected("set_volume", "Volume goes from 0 to 100 percent."),
                router.route("set the volume to 150 percent"));
        assertEquals(new FastPathResult.Rejected("set_brightness", "Brightness goes from 0 to 100 percent."),
                router.route("亮度调到一百五十"));
    }

    @Test
    void anUnreadableNumberIsRejectedSayingWhatToSay() {
        assertEquals(new FastPathResult.Rejected("set_volume",
                        "I didn't catch a number in \"five five\"; say a volume level from 0 to 100."),
                router.route("set the volume to five five"));
        assertEquals(new FastPathResult.Rejected("set_timer",
                "I didn't catch how long; say something like \"5 minutes\"."), router.route("set a timer for banana"));
        assertEquals(new FastPathResult.Rejected("set_timer", "A timer can run from 1 second to 24 hours."),
                router.route("set a timer for 48 hours"));
    }

    @ParameterizedTest(name = "\"{0}\" does not match")
    @ValueSource(strings = {"", "   ", "...", "please", "谢谢", "hey mynah"})
    void emptyUtterancesDoNotMatch(String utterance) {
        assertEquals(FastPathResult.NO_MATCH, router.route(utterance));
    }

    @Test
    void nullDoesNotMatch() {
        assertEquals(FastPathResult.NO_MATCH, router.route(null));
    }

    @Test
    void aHugeUtteranceDoesNotMatch() {
        assertEquals(FastPathResult.NO_MATCH, router.route("open " + "a".repeat(10_240)));
        assertEquals(FastPathResult.NO_MATCH, router.route("type " + "hello world ".repeat(900)));
        assertEquals(FastPathResult.NO_MATCH, router.route("remind me to " + "at ".repeat(3000)));
    }

    @Test
    void theMatchedPatternIsTheSourcePhrasing() {
        FastPathResult.Matched matched = assertInstanceOf(FastPathResult.Matched.class, router.route("锁屏"));
        assertEquals("锁屏|锁定屏幕|锁住屏幕|锁上屏幕|锁定电脑|锁电脑|锁住电脑", matched.pattern());
    }

    @Test
    void userPhrasesCaptureTheirPlaceholdersAsStringArguments() throws Exception {
        router.addPhrase("deploy", "deploy {project} to {target_env}");
        router.addPhrase("brew_tea", "make me a cup of tea");
        assertCall("Please deploy Mynah Web to staging.", "deploy",
                "{\"project\":\"Mynah Web\",\"target_env\":\"staging\"}");
        assertCall("make me a cup of tea", "brew_tea", "{}");
        assertEquals(FastPathResult.NO_MATCH, router.route("make me a cup of coffee"));
    }

    @Test
    void aUserPhraseWinsOverABuiltInOne() throws Exception {
        router.addPhrase("focus_music", "play focus music");
        assertCall("play focus music", "focus_music", "{}");
    }

    @Test
    void aBadUserPhraseIsRefusedWithAReason() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> router.addPhrase("x", "  please "));
        assertEquals("the phrase for x is empty; write the words that should run it, e.g. \"deploy {project}\"",
                empty.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> router.addPhrase("x", "copy {a} to {a}"));
        assertEquals("the phrase \"copy {a} to {a}\" uses {a} twice; each argument can be captured once",
                twice.getMessage());
        assertThrows(IllegalArgumentException.class, () -> router.addPhrase("x", "run {bad name}"));
    }
}
