package dev.mynah.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditLogTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Action volume() {
        return Action.named("set_volume").description("Set the volume.")
                .arguments(ArgumentSchema.builder().integer("level", "Volume percent", true, 0, 100).build())
                .risk(Risk.REVERSIBLE)
                .everywhere(a -> Step.inProcess("set volume", () -> "ok"))
                .reply("Volume set to {level} percent.").build();
    }

    private List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    @Test
    void writesOneJsonLinePerDecisionWithEveryField() throws Exception {
        AuditLog log = AuditLog.in(dir.resolve("logs/mynah"));
        Plan plan = ActionRegistry.of(List.of(volume())).plan("set_volume", JSON.readTree("{\"level\": 30}"), Os.LINUX);
        Outcome outcome = new ActionExecutor(new ProcessRunner()).execute(plan, false);

        log.record(AuditLog.Entry.of("volume to 30\nplease", Decision.Route.FAST_PATH, plan, false, outcome));
        log.record(new AuditLog.Entry(Instant.parse("2026-11-24T17:00:00Z"), "how are you?", Decision.Route.NONE, null,
                null, null, false, null, "I'm fine."));

        assertEquals(dir.resolve("logs/mynah/actions.jsonl"), log.file());
        List<String> raw = Files.readAllLines(log.file(), StandardCharsets.UTF_8);
        assertEquals(2, raw.size(), "a newline in the utterance must not split the line");
        JsonNode first = JSON.readTree(raw.get(0));
        assertTrue(Instant.parse(first.get("time").asText()).isAfter(Instant.now().minusSeconds(60)));
        assertEquals("volume to 30\nplease", first.get("utterance").asText());
        assertEquals("fast-path", first.get("route").asText());
        assertEquals("set_volume", first.get("action").asText());
        assertEquals(30, first.get("arguments").get("level").asInt());
        assertEquals("reversible", first.get("risk").asText());
        assertFalse(first.get("confirmed").asBoolean());
        assertEquals("done", first.get("result").get("status").asText());
        assertEquals("Volume set to 30 percent.", first.get("result").get("reply").asText());
        assertEquals("{\"time\":\"2026-11-24T17:00:00Z\",\"utterance\":\"how are you?\",\"route\":\"none\",\"action\":null,"
                + "\"arguments\":null,\"risk\":null,\"confirmed\":false,\"result\":{\"status\":null,"
                + "\"reply\":\"I'm fine.\"}}", raw.get(1));
    }

    @Test
    void aNewLogOnTheSameFolderKeepsEarlierLines() throws Exception {
        AuditLog.in(dir).record(AuditLog.Entry.withoutAction("first", Decision.Route.LLM, "Hello."));
        AuditLog.in(dir).record(AuditLog.Entry.withoutAction("second", Decision.Route.NONE, "Sorry?"));

        List<JsonNode> lines = lines(dir.resolve(AuditLog.FILE_NAME));
        assertEquals(List.of("first", "second"), lines.stream().map(l -> l.get("utterance").asText()).toList());
        assertEquals("llm", lines.getFirst().get("route").asText());
    }

    @Test
    void concurrentWritersNeverInterleaveOrLoseLines() throws Exception {
        AuditLog log = AuditLog.in(dir);
        String padding = "x".repeat(20_000); // longer than any single buffered write
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            writers.add(pool.submit(() -> {
                for (int i = 0; i < 100; i++) {
                    log.record(AuditLog.Entry.withoutAction(thread + "-" + i, Decision.Route.NONE, padding));
                }
                return null;
            }));
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();

        Set<String> seen = new HashSet<>();
        for (JsonNode line : lines(log.file())) {
            assertEquals(padding, line.get("result").get("reply").asText());
            seen.add(line.get("utterance").asText());
        }
        assertEquals(800, seen.size());
    }

    @Test
    void aFolderThatCannotBeWrittenGivesAClearMessage() throws Exception {
        Path blocker = Files.writeString(dir.resolve("not-a-folder"), "file");

        IOException e = assertThrows(IOException.class, () -> AuditLog.in(blocker.resolve("logs")));

        assertTrue(e.getMessage().startsWith("cannot write the action log " + blocker.resolve("logs/actions.jsonl")),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("make its folder writable or choose another folder"), e.getMessage());
    }
}
