package dev.mynah.actions.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every free-text slot stops where the words of another slot begin: "in apple music" is the player, "by public
 * transit" the travel mode, "打语音电话" the kind of call, "时长一个小时" the event's length. A call whose free text
 * still holds such words is wrong however right its action, because the action then searches, dials or files
 * garbage.
 */
class SlotBoundaryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** For "action.argument", the words another argument (or the phrasing itself) should have taken. */
    private static final Map<String, Pattern> LEAKS = Map.of(
            "play_music.query", Pattern.compile("(?i).*\\b(?:(?:in|on|with|using|via) (?:the )?(?:apple music|spotify"
                    + "|itunes|music app)|album|playlist)$"),
            "directions.destination", Pattern.compile("(?i).*\\b(?:(?:by|via|on|taking) (?:the )?(?:public transit"
                    + "|public transport|transit|subway|train|bus|car|foot|bike)|walking|driving)$"),
            "facetime_call.to", Pattern.compile("(?i).*(?:电话|语音|视频|通话|\\bfacetime\\b|\\baudio\\b|\\bvideo\\b).*"),
            "create_calendar_event.title", Pattern.compile("(?i).*(?:时长|持续|小时|分钟|日历|\\bcalendar\\b"
                    + "|\\bfor \\d+ (?:minutes|hours)\\b).*"),
            "open_file.path", Pattern.compile("(?i).*\\b(?:from|in|on) (?:my |the )?(?:desktop|documents|downloads)$"),
            "create_reminder.text", Pattern.compile("(?i).*\\b(?:to|on|in) (?:my |the )?(?:reminders|to-?do list)$"),
            "compose_email.to", Pattern.compile(".*(?:邮件|写|封).*"),
            "set_timer.label", Pattern.compile("(?i)(?:for )?\\d+ (?:seconds|minutes|hours)\\b.*"));
    private static final List<String> SETS = List.of("dev-phrasings.tsv", "heldout-phrasings.tsv",
            "independent-phrasings.tsv", "independent-phrasings-2.tsv");
    /** Phrasings built to tempt a slot into swallowing the next one's words. */
    private static final List<String> TEMPTATIONS = List.of("play the abbey road album in apple music",
            "play jazz in spotify", "put on the road trip playlist in spotify", "play the album abbey road on spotify",
            "play the song yesterday using spotify", "how do i get to union station by public transit",
            "take me to the airport by car", "directions to the museum on foot", "navigate to the station walking",
            "用facetime给爸爸打语音电话", "用facetime给妈妈打视频电话", "给妈妈打个facetime语音", "用facetime给爸爸打电话",
            "video call lisa on facetime", "call emma on facetime audio", "下周一上午十点安排一个会议 时长一个小时",
            "明天下午三点安排一个两小时的会议", "明天下午三点跟王总开会 加到日历里", "open resume.pdf from my desktop",
            "add buy milk to my reminders", "block 2 hours on thursday at 2 pm for deep work", "给李经理写封邮件",
            "time 3 minutes for my tea");
    private final FastPathRouter router = RouterFixture.router();

    @ParameterizedTest(name = "\"{0}\" -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "play the abbey road album in apple music|play_music"
                    + "|{\"query\":\"abbey road\",\"kind\":\"album\",\"player\":\"music\"}",
            "play jazz in spotify|play_music|{\"query\":\"jazz\",\"player\":\"spotify\"}",
            "put on the road trip playlist in spotify|play_music"
                    + "|{\"query\":\"road trip\",\"kind\":\"playlist\",\"player\":\"spotify\"}",
            "play hotel california on apple music|play_music|{\"query\":\"hotel california\",\"player\":\"music\"}",
            "how do i get to union station by public transit|directions"
                    + "|{\"destination\":\"union station\",\"mode\":\"transit\"}",
            "take me to the airport by car|directions|{\"destination\":\"the airport\",\"mode\":\"driving\"}",
            "directions to the museum on foot|directions|{\"destination\":\"the museum\",\"mode\":\"walking\"}",
            "用facetime给爸爸打语音电话|facetime_call|{\"to\":\"爸爸\",\"audio_only\":true}",
            "用facetime给妈妈打视频电话|facetime_call|{\"to\":\"妈妈\"}",
            "video call lisa on facetime|facetime_call|{\"to\":\"lisa\"}",
            "下周一上午十点安排一个会议 时长一个小时|create_calendar_event"
                    + "|{\"title\":\"会议\",\"start\":\"2026-11-30T10:00\",\"duration_minutes\":60}",
            "明天下午三点安排一个两小时的会议|create_calendar_event"
                    + "|{\"title\":\"会议\",\"start\":\"2026-11-25T15:00\",\"duration_minutes\":120}",
            "hide spotify for now|hide_app|{\"app\":\"Spotify\"}",
            "force quit safari it's frozen|force_quit_app|{\"app\":\"Safari\"}",
            "open resume.pdf from my desktop|open_file|{\"path\":\"~/Desktop/resume.pdf\"}"})
    void eachSlotStopsWhereTheNextOneStarts(String utterance, String action, String arguments) throws Exception {
        FastPathResult.Matched matched = assertInstanceOf(FastPathResult.Matched.class, router.route(utterance),
                utterance);
        assertEquals(action, matched.call().action(), utterance);
        assertTrue(PhrasingSet.sameArguments(matched.call().arguments(), JSON.readTree(arguments)),
                utterance + ": expected " + arguments + ", got " + matched.call().arguments());
    }

    @Test
    void noFreeTextSlotHoldsWordsThatBelongToAnotherSlot() throws Exception {
        List<String> utterances = new ArrayList<>(TEMPTATIONS);
        for (String set : SETS) {
            PhrasingSet.load(set).lines().forEach(line -> utterances.add(line.utterance()));
        }
        List<String> leaks = new ArrayList<>();
        for (String utterance : utterances) {
            if (router.route(utterance) instanceof FastPathResult.Matched matched) {
                for (var argument : matched.call().arguments().properties()) {
                    Pattern leak = LEAKS.get(matched.call().action() + "." + argument.getKey());
                    JsonNode value = argument.getValue();
                    if (leak != null && leak.matcher(value.asText()).matches()) {
                        leaks.add(utterance + " -> " + matched.call());
                    }
                }
            }
        }
        assertEquals("", String.join("\n", leaks));
    }

    @Test
    void aTravelModeTheMapsCannotUseIsLeftToTheLlm() {
        assertEquals(FastPathResult.NO_MATCH, router.route("how do i get to paris by bike"));
        assertEquals(FastPathResult.NO_MATCH, router.route("walking directions to the park by car"));
    }

    @ParameterizedTest(name = "\"{0}\" does not match")
    @ValueSource(strings = {"open the fooz website", "open the report from my desktop", "打开某某网站",
            "open the quarterly report file"})
    void aWebsiteOrAFileIsNeverReportedAsAMissingApp(String utterance) {
        assertEquals(FastPathResult.NO_MATCH, router.route(utterance));
    }

    @Test
    void anUnknownAppNameIsStillRejected() {
        assertEquals(new FastPathResult.Rejected("open_app", "I couldn't find an app called fooz."),
                router.route("open fooz"));
    }
}
