package dev.mynah.actions;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArgumentSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ArgumentSchema SCHEMA = ArgumentSchema.builder()
            .integer("level", "Volume percent", true, 0, 100)
            .number("value", "Amount", false, -1e12, 1e12)
            .choice("side", "Side of the screen", false, "left", "right")
            .text("label", "Timer label", false, 10)
            .flag("audio_only", "Audio only", false)
            .build();

    private static Arguments validate(String json) throws Exception {
        return SCHEMA.validate(JSON.readTree(json));
    }

    private static String problem(String json) {
        return assertThrows(InvalidArgumentsException.class, () -> validate(json)).getMessage();
    }

    @Test
    void acceptsEachTypeAndReturnsTypedValues() throws Exception {
        Arguments arguments = validate("{\"level\": 30.0, \"value\": -2.5, \"side\": \"left\", \"label\": \"tea\","
                + " \"audio_only\": true}");

        assertEquals(30L, arguments.integer("level"));
        assertEquals(-2.5, arguments.number("value"));
        assertEquals("left", arguments.text("side"));
        assertEquals("tea", arguments.text("label"));
        assertTrue(arguments.flag("audio_only", false));
    }

    @Test
    void rejectsValuesOfTheWrongType() {
        assertEquals("level must be a whole number, got 30.5", problem("{\"level\": 30.5}"));
        assertEquals("level must be a whole number, got \"30\"", problem("{\"level\": \"30\"}"));
        assertEquals("value must be a number, got \"lots\"", problem("{\"level\": 1, \"value\": \"lots\"}"));
        assertEquals("audio_only must be true or false, got \"yes\"", problem("{\"level\": 1, \"audio_only\": \"yes\"}"));
        assertEquals("label must be text, got 5", problem("{\"level\": 1, \"label\": 5}"));
        assertEquals("arguments must be a JSON object, got ARRAY", problem("[1]"));
    }

    @Test
    void enforcesRangesInclusively() throws Exception {
        assertEquals(0L, validate("{\"level\": 0}").integer("level"));
        assertEquals(100L, validate("{\"level\": 100}").integer("level"));
        assertEquals("level must be between 0 and 100, got 101", problem("{\"level\": 101}"));
        assertEquals("level must be between 0 and 100, got -1", problem("{\"level\": -1}"));
        assertEquals("value must be between -1000000000000 and 1000000000000, got 2000000000000",
                problem("{\"level\": 1, \"value\": 2e12}"));
    }

    @Test
    void matchesChoicesCaseInsensitivelyAndReturnsTheDeclaredSpelling() throws Exception {
        assertEquals("right", validate("{\"level\": 1, \"side\": \" RIGHT \"}").text("side"));
        assertEquals("side must be one of [left, right], got \"up\"", problem("{\"level\": 1, \"side\": \"up\"}"));
    }

    @Test
    void namesUnknownAndMissingArguments() throws Exception {
        assertEquals("unknown argument \"volume\"; expected [level, value, side, label, audio_only]",
                problem("{\"level\": 1, \"volume\": 3}"));
        assertEquals("missing volume percent (\"level\")", problem("{}"));
        assertEquals("unknown argument \"x\"; this action takes none",
                assertThrows(InvalidArgumentsException.class,
                        () -> ArgumentSchema.none().validate(JSON.readTree("{\"x\": 1}"))).getMessage());
        assertFalse(validate("{\"level\": 1, \"label\": null}").has("label"), "null means not given");
        assertTrue(ArgumentSchema.none().validate(null).asMap().isEmpty());
    }

    @Test
    void refusesNulBrokenSurrogatesOverlongAndBlankText() {
        assertEquals("label contains a NUL character, which no command can receive; remove it",
                problem("{\"level\": 1, \"label\": \"a\\u0000b\"}"));
        assertEquals("label contains a broken Unicode character at position 1; retype it",
                problem("{\"level\": 1, \"label\": \"a\\ud83d\"}"));
        assertEquals("label contains a broken Unicode character at position 0; retype it",
                problem("{\"level\": 1, \"label\": \"\\ude00b\"}"));
        assertEquals("label is 11 characters long; the limit is 10", problem("{\"level\": 1, \"label\": \"abcdefghijk\"}"));
        ArgumentSchema required = ArgumentSchema.builder().text("app", "App name", true).build();
        assertEquals("app is empty; say what app name you mean", assertThrows(InvalidArgumentsException.class,
                () -> required.validate(JSON.readTree("{\"app\": \"  \"}"))).getMessage());
    }

    @Test
    void acceptsAWholeSurrogatePair() throws Exception {
        assertEquals("\uD83D\uDE00", validate("{\"level\": 1, \"label\": \"\\ud83d\\ude00\"}").text("label"));
    }

    @Test
    void describesItselfAsAClosedJsonSchema() throws Exception {
        assertEquals(JSON.readTree("""
                {"type": "object", "properties": {
                  "level": {"type": "integer", "minimum": 0, "maximum": 100, "description": "Volume percent"},
                  "value": {"type": "number", "minimum": -1.0E12, "maximum": 1.0E12, "description": "Amount"},
                  "side": {"type": "string", "enum": ["left", "right"], "description": "Side of the screen"},
                  "label": {"type": "string", "maxLength": 10, "description": "Timer label"},
                  "audio_only": {"type": "boolean", "description": "Audio only"}},
                 "required": ["level"], "additionalProperties": false}""").toString(), SCHEMA.jsonSchema().toString());
        assertEquals("{\"type\":\"object\",\"properties\":{},\"required\":[],\"additionalProperties\":false}",
                ArgumentSchema.none().jsonSchema().toString());
    }

    @Test
    void refusesAnArgumentDeclaredTwice() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ArgumentSchema.builder()
                .text("app", "App", true).text("app", "App again", false).build());
        assertEquals("argument \"app\" is declared twice", e.getMessage());
    }
}
