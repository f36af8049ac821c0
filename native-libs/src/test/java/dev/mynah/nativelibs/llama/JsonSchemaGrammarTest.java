package dev.mynah.nativelibs.llama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonSchemaGrammarTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void integerRangesMatchExactlyTheIntegersInsideWrittenAsJson() {
        long[][] ranges = {{0, 100}, {1, 100}, {1, 86400}, {1, 1440}, {-5, 5}, {-120, -7}, {7, 7}, {0, 0},
                {-1, 0}, {10, 99}, {15, 1234}, {-999, 1000}};
        for (long[] range : ranges) {
            Pattern pattern = regex(JsonSchemaGrammar.integerRange(range[0], range[1]));
            for (long n = -1300; n <= 1300; n++) {
                boolean inside = n >= range[0] && n <= range[1];
                assertEquals(inside, pattern.matcher(Long.toString(n)).matches(), n + " in " + range[0] + ".." + range[1]);
            }
            long last = range[1];
            assertTrue(range[1] <= 1300 || pattern.matcher(Long.toString(last)).matches());
            assertFalse(pattern.matcher("-0").matches());
            assertFalse(pattern.matcher("007").matches());
        }
        Pattern day = regex(JsonSchemaGrammar.integerRange(1, 86400));
        assertTrue(day.matcher("86400").matches());
        assertFalse(day.matcher("86401").matches());
        assertFalse(day.matcher("99999").matches());
    }

    @Test
    void numberRangesNeverAllowAValueOutsideTheBounds() {
        double[][] ranges = {{-1e12, 1e12}, {0, 1}, {0.5, 2.5}, {-3.25, -1}, {-1, 1}, {0.2, 0.3}};
        String[] samples = {"0", "1", "2", "-1", "-2", "0.5", "0.25", "1.999999", "2.5", "2.6", "-0.5", "-1.5", "-3",
                "-3.2", "-3.3", "0.25", "999999999999", "1000000000000", "1000000000001", "-1000000000000",
                "999999999999.5", "-999999999999.75", "0.2", "12.000001"};
        for (double[] range : ranges) {
            Pattern pattern = regex(JsonSchemaGrammar.numberRange(range[0], range[1]));
            for (String sample : samples) {
                if (pattern.matcher(sample).matches()) {
                    double value = new BigDecimal(sample).doubleValue();
                    assertTrue(value >= range[0] && value <= range[1], sample + " matched " + range[0] + ".." + range[1]);
                }
            }
        }
        Pattern wide = regex(JsonSchemaGrammar.numberRange(-1e12, 1e12));
        for (String valid : new String[] {"0", "-7", "3.5", "-12.25", "1000000000000", "-1000000000000", "42"}) {
            assertTrue(wide.matcher(valid).matches(), valid);
        }
    }

    @Test
    void schemasCombineIntoOneGrammarWithSharedRulesWrittenOnce() throws Exception {
        JsonNode volume = JSON.readTree("""
                {"type": "object", "properties": {"level": {"type": "integer", "minimum": 0, "maximum": 100}},
                 "required": ["level"], "additionalProperties": false}""");
        JsonNode note = JSON.readTree("""
                {"type": "object", "properties": {"text": {"type": "string", "maxLength": 200},
                 "title": {"type": "string", "maxLength": 200}}, "required": ["text"]}""");
        JsonSchemaGrammar grammar = JsonSchemaGrammar.builder(JsonSchemaGrammar.Layout.PYTHON);
        grammar.define("volume", volume);
        grammar.define("note", note);
        grammar.rule("root", "volume | note");
        String gbnf = grammar.gbnf();

        assertEquals(1, gbnf.lines().filter(l -> l.startsWith("char ::= ")).count(), gbnf);
        assertTrue(gbnf.contains("note ::= \"{\" note-text (\", \" note-title)? \"}\""), gbnf);
        assertTrue(gbnf.contains("note-text ::= \"\\\"text\\\"\" \": \" text-200"), gbnf);
        assertTrue(gbnf.contains("note-title ::= \"\\\"title\\\"\" \": \" string-200"), gbnf);
        assertTrue(gbnf.lines().anyMatch(l -> l.startsWith("text-200 ::= \"\\\"\" non-space char{0,199}")), gbnf);
    }

    @Test
    void anyOfBecomesAlternatives() throws Exception {
        String gbnf = JsonSchemaGrammar.fromSchema("""
                {"anyOf": [{"type": "boolean"}, {"type": "integer", "minimum": 1, "maximum": 3}]}""");
        assertTrue(gbnf.startsWith("root ::= (root-0 | root-1)\n"), gbnf);
        assertTrue(gbnf.contains("root-0 ::= (\"true\" | \"false\")"), gbnf);
        assertTrue(gbnf.contains("root-1 ::= [1-3]"), gbnf);
    }

    @Test
    void badRuleNamesAndClashesSayWhatIsWrong() throws Exception {
        JsonSchemaGrammar grammar = JsonSchemaGrammar.builder(JsonSchemaGrammar.Layout.COMPACT);
        IllegalArgumentException underscore = assertThrows(IllegalArgumentException.class,
                () -> grammar.rule("set_volume", "\"x\""));
        assertTrue(underscore.getMessage().contains("only letters, digits and '-'"), underscore.getMessage());
        grammar.rule("a", "\"x\"");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> grammar.rule("a", "\"y\"")).getMessage()
                .contains("defined twice"));
        grammar.rule("char", "\"c\"");
        IllegalArgumentException reserved = assertThrows(IllegalArgumentException.class,
                () -> grammar.define("s", JSON.readTree("{\"type\": \"string\"}")));
        assertTrue(reserved.getMessage().contains("reserved"), reserved.getMessage());
    }

    @Test
    void theLlamaGrammarParserAcceptsARangedPythonStyleGrammarAndEveryCallFitsIt() throws Exception {
        JsonNode schema = JSON.readTree("""
                {"type": "object", "properties": {
                   "level": {"type": "integer", "minimum": 0, "maximum": 100},
                   "value": {"type": "number", "minimum": -1e12, "maximum": 1e12},
                   "label": {"type": "string", "maxLength": 6}},
                 "required": ["level", "value", "label"], "additionalProperties": false}""");
        JsonSchemaGrammar grammar = JsonSchemaGrammar.builder(JsonSchemaGrammar.Layout.PYTHON);
        grammar.define("root", schema);
        try (LlamaModel model = LlamaModel.load(TinyModels.qwen3());
             LlamaContext context = model.newContext(ContextOptions.chat(512).withThreads(2))) {
            int[] prompt = model.tokenize(Qwen3ChatFormat.render(java.util.List.of(ChatMessage.user("Set it.")),
                    java.util.List.of(), true, false), false, true);
            for (int seed = 1; seed <= 5; seed++) {
                String text;
                try (TokenStream stream = context.generate(prompt,
                        GenerationOptions.of(120, Sampling.seeded(seed).withGrammar(grammar.gbnf())))) {
                    text = stream.drainTo(p -> { }).text();
                }
                assertTrue(text.startsWith("{\"level\": "), text);
                JsonNode call = JSON.readTree(text);
                long level = call.get("level").asLong();
                assertTrue(call.get("level").isIntegralNumber() && level >= 0 && level <= 100, text);
                double value = call.get("value").asDouble();
                assertTrue(value >= -1e12 && value <= 1e12, text);
                String label = call.get("label").asText();
                assertTrue(!label.isBlank() && label.length() <= 6, text);
            }
        }
    }

    /** Reads the GBNF subset that ranges use (literals, classes, groups, repetition) as a Java regex. */
    private static Pattern regex(String gbnf) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < gbnf.length(); i++) {
            char c = gbnf.charAt(i);
            if (c == '"') {
                int end = gbnf.indexOf('"', i + 1);
                out.append(Pattern.quote(gbnf.substring(i + 1, end)));
                i = end;
            } else if (c == '[') {
                int end = gbnf.indexOf(']', i);
                out.append(gbnf, i, end + 1);
                i = end;
            } else if (c != ' ') {
                out.append(c);
            }
        }
        return Pattern.compile(out.toString());
    }
}
