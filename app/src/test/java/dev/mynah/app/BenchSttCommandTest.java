package dev.mynah.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mynah.fixtures.gguf.GgmlType;
import dev.mynah.fixtures.whisper.TinyWhisperModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the speech-to-text benchmark end to end on the whisper tiny-shaped model, without whisper-bench. */
class BenchSttCommandTest {

    @Test
    void printsOneJsonObjectWithTheMeasuredTimes(@TempDir Path dir) throws Exception {
        // The project's tiny test model: the realistic shapes are for real benchmark runs only.
        Path model = dir.resolve("tiny-whisper.bin");
        TinyWhisperModel.write(model, TinyWhisperModel.Shape.tiny(), GgmlType.F16, 3);
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));

        int code = cli.execute("bench", "stt", "--model", model.toString(), "--no-native", "--threads", "2",
                "--repetitions", "1", "--json");

        assertEquals(0, code);
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertEquals(2, report.get("threads").asInt());
        for (String field : new String[] {"encode_ms", "trimmed_ms", "full_ms", "trimmed_speedup",
                "trimmed_encode_ms", "full_encode_ms"}) {
            assertTrue(report.get(field).asDouble() > 0, field + " in " + report);
        }
        assertTrue(report.get("trimmed_audio_ctx").asInt() < report.get("full_audio_ctx").asInt(), report.toString());
        assertTrue(report.get("native_encode_ms").isNull(), "whisper-bench was skipped");
        assertTrue(report.get("encode_ratio").isNull(), "whisper-bench was skipped");
    }
}
