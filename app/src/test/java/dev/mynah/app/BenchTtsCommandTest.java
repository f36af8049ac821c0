package dev.mynah.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs {@code mynah bench tts} end to end on the stand-in voice. */
class BenchTtsCommandTest {

    @Test
    void reportsFirstChunkLatencyAndRealTimeFactorAsJson() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));

        int code = cli.execute("bench", "tts", "--repetitions", "2", "--json");

        assertEquals(0, code);
        JsonNode report = new ObjectMapper().readTree(out.toString());
        double firstChunk = report.get("first_chunk_ms").asDouble();
        double synthesis = report.get("synthesis_ms").asDouble();
        assertTrue(firstChunk > 0 && firstChunk <= synthesis, report.toString());
        assertTrue(report.get("audio_seconds").asDouble() > 0, report.toString());
        assertEquals(synthesis / 1000 / report.get("audio_seconds").asDouble(),
                report.get("real_time_factor").asDouble(), 1e-9);
    }
}
