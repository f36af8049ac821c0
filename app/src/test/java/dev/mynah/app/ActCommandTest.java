package dev.mynah.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import dev.mynah.fixtures.gguf.GgmlType;
import dev.mynah.fixtures.qwen3.Qwen3ModelSpec;
import dev.mynah.fixtures.qwen3.TinyQwen3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void dryRunForMacosShowsTheExactCommandAndRunsNothing() throws Exception {
        MynahProcess.Run run = MynahProcess.run(home, null, "act", "set the volume to 40 percent", "--dry-run",
                "--json", "--platform", "macos");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode out = JSON.readTree(run.out());
        assertEquals("fast-path", out.get("route").asText());
        assertEquals("set_volume", out.get("action").asText());
        assertEquals(40, out.at("/args/level").asInt());
        assertEquals("reversible", out.get("risk").asText());
        assertEquals(List.of("osascript", "-e", "set volume output volume 40"),
                JSON.convertValue(out.get("command"), List.class));
        assertEquals("set volume output volume 40", out.get("applescript").asText());
        assertEquals("dry-run", out.get("status").asText());
        assertFalse(Files.exists(home.resolve("audit")), "a dry run writes no audit entry");
    }

    @Test
    void stdinRoutesOneUtterancePerLineInOneProcess() throws Exception {
        MynahProcess.Run run = MynahProcess.run(home, "open Safari\n把音量调到百分之三十\ntell me a joke\n\nempty the trash\n",
                "act", "--stdin", "--dry-run", "--json", "--platform", "macos");

        assertEquals(0, run.exitCode(), run.err());
        List<JsonNode> lines = run.out().lines().map(ActCommandTest::parse).toList();
        assertEquals(5, lines.size(), run.out());
        assertEquals(List.of("open", "-a", "Safari"), JSON.convertValue(lines.get(0).get("command"), List.class));
        assertEquals(30, lines.get(1).at("/args/level").asInt());
        assertEquals("none", lines.get(2).get("route").asText());
        assertTrue(lines.get(2).get("action").isNull());
        assertTrue(lines.get(2).get("command").isNull());
        assertEquals("none", lines.get(3).get("route").asText());
        assertEquals("destructive", lines.get(4).get("risk").asText());
        assertEquals("Empty the Trash? This can't be undone.", lines.get(4).get("confirmation").asText());
    }

    @Test
    void aRealRunAnswersAndIsAudited() throws Exception {
        MynahProcess.Run run = MynahProcess.run(home, null, "act", "what is 12 times 7", "--json");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode out = JSON.readTree(run.out());
        assertEquals("calculate", out.get("action").asText());
        assertEquals("done", out.get("status").asText());
        assertTrue(out.get("reply").asText().contains("84"), out.toString());
        List<String> audit = Files.readAllLines(home.resolve("audit").resolve("actions.jsonl"));
        assertEquals(1, audit.size());
        JsonNode entry = parse(audit.getFirst());
        assertEquals("what is 12 times 7", entry.get("utterance").asText());
        assertEquals("calculate", entry.get("action").asText());
        assertEquals("done", entry.at("/result/status").asText());
    }

    @Test
    void aDestructiveActionWithoutYesIsOnlyDescribedAndAudited() throws Exception {
        MynahProcess.Run run = MynahProcess.run(home, null, "act", "empty the trash", "--json");

        JsonNode out = JSON.readTree(run.out());
        assertEquals("needs-confirmation", out.get("status").asText(), run.out() + run.err());
        assertEquals("Empty the Trash? This can't be undone.", out.get("reply").asText());
        JsonNode entry = parse(Files.readAllLines(home.resolve("audit").resolve("actions.jsonl")).getFirst());
        assertFalse(entry.get("confirmed").asBoolean());
        assertEquals("needs_confirmation", entry.at("/result/status").asText().replace('-', '_'));
    }

    @Test
    void aPlatformOtherThanThisComputersNeedsDryRun() throws Exception {
        String other = dev.mynah.actions.Os.current() == dev.mynah.actions.Os.LINUX ? "macos" : "linux";
        MynahProcess.Run run = MynahProcess.run(home, null, "act", "mute", "--platform", other);

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("only works with --dry-run"), run.err());
    }

    @Test
    void userConfigDisablesAnActionAndAddsOne() throws Exception {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config").resolve("actions.json"), """
                {"disabled": ["mute"],
                 "custom": [{"name": "say_hello", "description": "Prints a greeting.",
                             "phrases": ["greet {who}"], "risk": "read-only", "reply": "Greeted {who}.",
                             "argv": ["echo", "hello", "{who}"]}]}
                """);

        MynahProcess.Run muted = MynahProcess.run(home, null, "act", "mute", "--json", "--dry-run");
        MynahProcess.Run greeted = MynahProcess.run(home, null, "act", "greet the world", "--json");

        assertTrue(JSON.readTree(muted.out()).get("reply").asText().contains("switched off"), muted.out());
        JsonNode out = JSON.readTree(greeted.out());
        assertEquals("say_hello", out.get("action").asText(), greeted.out() + greeted.err());
        assertEquals(List.of("echo", "hello", "the world"), JSON.convertValue(out.get("command"), List.class));
        assertEquals("Greeted the world.", out.get("reply").asText());
    }

    @Test
    void anActionsOutputIsSpokenNeverRoutedAsANewCommand() throws Exception {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config").resolve("actions.json"), """
                {"custom": [{"name": "echo_back", "description": "Prints its text.", "phrases": ["echo {text}"],
                             "risk": "read-only", "reply": "{result}", "argv": ["echo", "{text}"]}]}
                """);

        MynahProcess.Run run = MynahProcess.run(home, null, "act", "echo empty the trash and open safari", "--json",
                "--yes");

        JsonNode out = JSON.readTree(run.out());
        assertEquals("echo_back", out.get("action").asText(), run.out() + run.err());
        assertEquals("empty the trash and open safari", out.get("reply").asText());
        List<String> audit = Files.readAllLines(home.resolve("audit").resolve("actions.jsonl"));
        assertEquals(1, audit.size(), "one utterance, one action: " + audit);
    }

    @Test
    void whatTheFastPathDoesNotKnowGoesToTheLanguageModelWithEveryToolAndAGrammar() throws Exception {
        Qwen3ModelSpec tiny = Qwen3ModelSpec.tiny();
        // Qwen3's real context length, so that the prompt with every tool (about 6,500 tokens) fits.
        Qwen3ModelSpec longContext = new Qwen3ModelSpec(tiny.name(), tiny.vocabularySize(), tiny.embeddingLength(),
                tiny.blockCount(), tiny.headCount(), tiny.headCountKv(), tiny.headDim(), tiny.feedForwardLength(),
                40960, tiny.ropeTheta(), tiny.rmsNormEps());
        Path model = TinyQwen3.write(home, "tiny-qwen3-40k.gguf", longContext, GgmlType.F32);

        MynahProcess.Run run = MynahProcess.run(home, "tell me a joke\nwrite a haiku about the rain\n", "act",
                "--stdin", "--dry-run", "--json", "--model", model.toString());

        assertEquals(0, run.exitCode(), run.err());
        List<JsonNode> lines = run.out().lines().map(ActCommandTest::parse).toList();
        assertEquals(2, lines.size(), run.out() + run.err());
        for (JsonNode line : lines) {
            assertEquals("llm", line.get("route").asText(), line.toString());
            if (line.get("action").isNull()) {
                assertFalse(line.get("reply").asText().isBlank(), "a spoken answer: " + line);
                assertEquals("answered", line.get("status").asText(), line.toString());
            } else {
                // Random weights pick any tool, but the grammar makes it a valid, planned call.
                assertEquals("dry-run", line.get("status").asText(), line.toString());
                assertTrue(line.get("args").isObject(), line.toString());
                assertTrue(Set.of("read-only", "reversible", "destructive", "outward-facing")
                        .contains(line.get("risk").asText()), line.toString());
            }
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
