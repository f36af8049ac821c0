package dev.mynah.actions.llm;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToolCatalogTest {
    private final List<String> tools = ToolCatalog.toolsJson(SampleActions.registry());

    @Test
    void writesEachActionAsAQwen3ToolInPythonJsonLayout() {
        assertEquals(10, tools.size());
        assertEquals("{\"type\": \"function\", \"function\": {\"name\": \"set_volume\", \"description\": \"Set the"
                + " output volume to a percentage.\", \"parameters\": {\"type\": \"object\", \"properties\":"
                + " {\"level\": {\"type\": \"integer\", \"minimum\": 0, \"maximum\": 100, \"description\": \"Volume"
                + " percent\"}}, \"required\": [\"level\"], \"additionalProperties\": false}}}", tools.getFirst());
    }

    @Test
    void writesChoicesOptionalTextAndFloatBoundsAsPythonWould() {
        String convert = tools.stream().filter(t -> t.contains("\"convert_units\"")).findFirst().orElseThrow();
        assertTrue(convert.contains("\"value\": {\"type\": \"number\", \"minimum\": -1000000000000.0, \"maximum\":"
                + " 1000000000000.0, \"description\": \"Amount\"}"), convert);
        String timer = tools.stream().filter(t -> t.contains("\"set_timer\"")).findFirst().orElseThrow();
        assertTrue(timer.contains("\"label\": {\"type\": \"string\", \"maxLength\": 200, \"description\": \"What the"
                + " timer is for\"}}, \"required\": [\"seconds\"]"), timer);
        String dark = tools.stream().filter(t -> t.contains("\"set_dark_mode\"")).findFirst().orElseThrow();
        assertTrue(dark.contains("\"mode\": {\"type\": \"string\", \"enum\": [\"on\", \"off\", \"toggle\"]"), dark);
    }

    @Test
    void floatsFollowPythonsRepr() {
        assertEquals("0.5", ToolCatalog.pythonFloat(0.5));
        assertEquals("100.0", ToolCatalog.pythonFloat(100));
        assertEquals("1e+16", ToolCatalog.pythonFloat(1e16));
        assertEquals("1234567890123456.0", ToolCatalog.pythonFloat(1234567890123456.0));
        assertEquals("0.0001", ToolCatalog.pythonFloat(1e-4));
        assertEquals("1e-05", ToolCatalog.pythonFloat(1e-5));
        assertEquals("-2.5e-07", ToolCatalog.pythonFloat(-2.5e-7));
        assertEquals("123.456", ToolCatalog.pythonFloat(123.456));
    }

    @Test
    void escapesTextAsJsonDumpsWithoutEnsureAscii() {
        assertEquals("\"Caf\u00e9 \\\"quoted\\\" \\\\ \\n \\u0001 \u2603\"", ToolCatalog.pythonJson(
                com.fasterxml.jackson.databind.node.TextNode.valueOf("Caf\u00e9 \"quoted\" \\ \n \u0001 \u2603")));
    }
}
