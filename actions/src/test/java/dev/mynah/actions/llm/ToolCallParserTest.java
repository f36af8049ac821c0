package dev.mynah.actions.llm;

import dev.mynah.actions.route.Call;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToolCallParserTest {
    private final ToolCallParser parser = new ToolCallParser(SampleActions.registry());

    private ToolCallParser.Calls calls(String output) {
        return assertInstanceOf(ToolCallParser.Calls.class, parser.parse(output));
    }

    private String unusable(String output) {
        return assertInstanceOf(LlmAnswer.Unusable.class, parser.parse(output)).reason();
    }

    @Test
    void readsACallInQwen3sOwnFormat() {
        ToolCallParser.Calls parsed = calls("<tool_call>\n{\"name\": \"set_volume\", \"arguments\": {\"level\": 30}}\n"
                + "</tool_call>");

        assertEquals(1, parsed.calls().size());
        Call call = parsed.calls().getFirst();
        assertEquals("set_volume", call.action());
        assertEquals(30, call.arguments().get("level").asInt());
        assertNull(parsed.notice());
    }

    @Test
    void toleratesWhitespaceThinkBlocksCompactJsonAndTextAroundTheCall() {
        ToolCallParser.Calls parsed = calls("<think>\nThe user wants music; I could call open_app.\n</think>\n\n"
                + "Sure.\n<tool_call>  {\"name\":\"play_music\",\"arguments\":{\"query\":\"Miles Davis\",\"kind\":"
                + "\"artist\"}}  \n\n</tool_call>\n");

        assertEquals("play_music", parsed.calls().getFirst().action());
        assertEquals("Miles Davis", parsed.calls().getFirst().arguments().get("query").asText());
    }

    @Test
    void acceptsArgumentsWrittenAsAJsonStringAndMissingArgumentsForAnActionThatTakesNone() {
        assertEquals(45, calls("<tool_call>{\"name\": \"set_volume\", \"arguments\": \"{\\\"level\\\": 45}\"}"
                + "</tool_call>").calls().getFirst().arguments().get("level").asInt());
        assertTrue(calls("<tool_call>{\"name\": \"current_time\"}</tool_call>").calls().getFirst().arguments()
                .isEmpty());
    }

    @Test
    void keepsOnlyTheFirstThreeCallsAndSaysSo() {
        String call = "<tool_call>\n{\"name\": \"raise_volume\", \"arguments\": {\"by\": %d}}\n</tool_call>\n";
        ToolCallParser.Calls parsed = calls(call.formatted(1) + call.formatted(2) + call.formatted(3)
                + call.formatted(4) + call.formatted(5));

        assertEquals(3, parsed.calls().size());
        assertEquals(3, parsed.calls().get(2).arguments().get("by").asInt());
        assertEquals("The model asked for 5 actions at once; only the first 3 were kept.", parsed.notice());
    }

    @Test
    void plainTextIsASpokenReply() {
        LlmAnswer.Speech speech = assertInstanceOf(LlmAnswer.Speech.class,
                parser.parse("<think>\n\n</think>\n\nI'm doing well, thanks for asking!\n"));
        assertEquals("I'm doing well, thanks for asking!", speech.text());
    }

    @Test
    void malformedJsonIsUnusableAndSaysWhy() {
        assertTrue(unusable("<tool_call>\n{\"name\": \"set_volume\", \"arguments\": {\"level\": 30}\n</tool_call>")
                .startsWith("the model's tool call is not valid JSON"));
        assertTrue(unusable("<tool_call>{\"name\": \"set_volume\"} trailing</tool_call>")
                .startsWith("the model's tool call is not valid JSON"));
        assertEquals("the model's tool call must be a JSON object with \"name\" and \"arguments\"",
                unusable("<tool_call>[\"set_volume\"]</tool_call>"));
        assertEquals("the model's tool call names no action (\"name\" must be text)",
                unusable("<tool_call>{\"name\": 7, \"arguments\": {}}</tool_call>"));
        assertEquals("the model's tool call has an unexpected field \"reason\"",
                unusable("<tool_call>{\"name\": \"current_time\", \"arguments\": {}, \"reason\": \"x\"}</tool_call>"));
    }

    @Test
    void anUnknownActionIsUnusable() {
        assertEquals("the model's tool call asks for \"format_disk\", which is not an action Mynah has",
                unusable("<tool_call>{\"name\": \"format_disk\", \"arguments\": {}}</tool_call>"));
    }

    @Test
    void argumentsThatDoNotFitTheSchemaAreUnusable() {
        assertEquals("the model's tool call to set_volume does not fit: level must be a whole number, got \"loud\"",
                unusable("<tool_call>{\"name\": \"set_volume\", \"arguments\": {\"level\": \"loud\"}}</tool_call>"));
        assertEquals("the model's tool call to set_volume does not fit: level must be between 0 and 100, got 150",
                unusable("<tool_call>{\"name\": \"set_volume\", \"arguments\": {\"level\": 150}}</tool_call>"));
        assertEquals("the model's tool call to set_dark_mode does not fit: mode must be one of [on, off, toggle],"
                + " got \"dim\"", unusable("<tool_call>{\"name\": \"set_dark_mode\", \"arguments\": {\"mode\": \"dim\"}}"
                + "</tool_call>"));
        assertEquals("the model's tool call to set_volume must give its arguments as a JSON object",
                unusable("<tool_call>{\"name\": \"set_volume\", \"arguments\": [30]}</tool_call>"));
    }

    @Test
    void oneBadCallAmongGoodOnesMakesTheWholeAnswerUnusable() {
        String reason = unusable("<tool_call>{\"name\": \"current_time\", \"arguments\": {}}</tool_call>\n"
                + "<tool_call>{\"name\": \"set_volume\", \"arguments\": {\"level\": -1}}</tool_call>");
        assertEquals("tool call 2 to set_volume does not fit: level must be between 0 and 100, got -1", reason);
    }

    @Test
    void aCutOffCallAnEmptyAnswerAndUnfinishedThinkingAreUnusable() {
        assertEquals("the model's tool call was cut off before </tool_call>",
                unusable("<tool_call>\n{\"name\": \"set_volume\", \"argum"));
        assertEquals("the model gave an empty answer", unusable("<think>\n\n</think>\n\n  \n"));
        assertEquals("the model's answer ended while it was still thinking", unusable("<think>\nHmm, the user"));
    }
}
