package dev.mynah.actions;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hostile text passed as one argv element reaches a real child process unchanged; NUL never gets that far. */
class ArgvFuzzTest {
    private static final ArgumentSchema SCHEMA = ArgumentSchema.builder()
            .text("text", "Text to type", true, 10_000).build();

    @TempDir
    Path dir;

    @Test
    void tenThousandHostileArgumentsArriveUnchangedInAChildProcess() throws Exception {
        assertEquals("UTF-8", System.getProperty("sun.jnu.encoding"),
                "argv is encoded with the platform encoding; run the tests with a UTF-8 locale (LANG=C.UTF-8)");
        List<String> strings = AppleScriptLiteralFuzzTest.hostileStrings(7L, 14_000, 4_000).stream()
                .filter(s -> !s.isBlank() && s.indexOf('\0') < 0).limit(10_000).toList();
        assertEquals(10_000, strings.size());
        ProcessRunner runner = new ProcessRunner();
        int checked = 0;
        List<String> batch = new ArrayList<>();
        int batchBytes = 0;
        for (String text : strings) {
            String validated = SCHEMA.validate(JsonNodeFactory.instance.objectNode().put("text", text)).text("text");
            assertEquals(text, validated);
            batch.add(validated);
            batchBytes += validated.getBytes(StandardCharsets.UTF_8).length + 1;
            if (batchBytes > 200_000) {
                checked += echo(runner, batch);
                batch.clear();
                batchBytes = 0;
            }
        }
        checked += echo(runner, batch);
        assertEquals(strings.size(), checked);
        assertFalse(Files.exists(Path.of("pwned")), "no argument was run as a command");
    }

    /** Runs printf with one format and the batch as separate arguments; it prints each followed by NUL. */
    private static int echo(ProcessRunner runner, List<String> batch) throws ActionFailedException {
        List<String> argv = new ArrayList<>(List.of("/usr/bin/printf", "%s\\0"));
        argv.addAll(batch);
        String stdout = runner.run(argv, null, Duration.ofSeconds(30)).stdout();
        List<String> received = Arrays.asList(stdout.split("\0", -1));
        assertEquals("", received.getLast(), "output ends with NUL");
        assertEquals(batch, received.subList(0, received.size() - 1));
        return batch.size();
    }

    @Test
    void textWithNulIsRejectedByTheSchemaWithAClearMessage() {
        InvalidArgumentsException e = assertThrows(InvalidArgumentsException.class,
                () -> SCHEMA.validate(JsonNodeFactory.instance.objectNode().put("text", "rm\0 -rf")));

        assertEquals("text contains a NUL character, which no command can receive; remove it", e.getMessage());
    }

    @Test
    void theProcessRunnerRefusesNulBeforeAnyProcessStarts() {
        Path marker = dir.resolve("started");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ProcessRunner()
                .run(List.of("/usr/bin/touch", marker.toString(), "a\0b"), null, Duration.ofSeconds(5)));

        assertTrue(e.getMessage().startsWith("argv element contains NUL"), e.getMessage());
        assertFalse(Files.exists(marker), "touch must not have run");
    }
}
