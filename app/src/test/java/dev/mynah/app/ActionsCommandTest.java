package dev.mynah.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActionsCommandTest {

    @Test
    void listJsonDescribesEveryActionWithRiskAndPlatforms() throws Exception {
        MynahCli.Run run = MynahCli.run("actions", "list", "--json");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode actions = new ObjectMapper().readTree(run.out());
        assertTrue(actions.isArray());
        assertTrue(actions.size() >= 60, "at least 60 actions, got " + actions.size());
        Set<String> names = new HashSet<>();
        Set<String> risks = Set.of("read-only", "reversible", "destructive", "outward-facing");
        for (JsonNode action : actions) {
            assertTrue(names.add(action.get("name").asText()), "duplicate " + action.get("name"));
            assertTrue(action.get("description").asText().length() > 10, action.toString());
            assertTrue(risks.contains(action.get("risk").asText()), action.toString());
            for (JsonNode platform : action.get("platforms")) {
                assertTrue(Set.of("macos", "linux").contains(platform.asText()), action.toString());
            }
            assertEquals("object", action.get("arguments").get("type").asText(), action.toString());
        }
        JsonNode emptyTrash = find(actions, "empty_trash");
        assertEquals("destructive", emptyTrash.get("risk").asText());
        JsonNode volume = find(actions, "set_volume");
        assertEquals(100, volume.at("/arguments/properties/level/maximum").asInt());
        assertTrue(volume.get("platforms").toString().contains("macos"), volume.toString());
    }

    @Test
    void listTableEndsWithTheCount() {
        MynahCli.Run run = MynahCli.run("actions", "list");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("set_volume ") && l.contains("reversible")),
                run.out());
        assertTrue(run.out().strip().matches("(?s).*\\n\\d+ actions$"), run.out());
    }

    private static JsonNode find(JsonNode actions, String name) {
        for (JsonNode action : actions) {
            if (action.get("name").asText().equals(name)) {
                return action;
            }
        }
        throw new AssertionError("no action " + name + " in " + actions);
    }
}
