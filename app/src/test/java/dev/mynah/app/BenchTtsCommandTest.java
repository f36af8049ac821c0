package dev.mynah.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mynah.fixtures.onnx.PiperShapedModel;
import dev.mynah.fixtures.onnx.PiperStandInModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs {@code mynah bench tts} end to end: on the generated medium-shaped voice, and on a voice it is given. */
class BenchTtsCommandTest {

    @Test
    void reportsFirstChunkLatencyAndRealTimeFactorOfTheMediumShapedVoiceAsJson() throws Exception {
        JsonNode report = benchTts("--repetitions", "1", "--json");

        assertEquals("medium-shape", report.get("model").asText());
        assertTrue(report.get("voice").asText().endsWith("piper-medium-shape-seed1.onnx"), report.toString());
        assertEquals(22_050, report.get("sample_rate").asInt());
        double firstChunk = report.get("first_chunk_ms").asDouble();
        double synthesis = report.get("synthesis_ms").asDouble();
        assertTrue(firstChunk > 0 && firstChunk <= synthesis, report.toString());
        long samples = Math.round(report.get("audio_seconds").asDouble() * 22_050);
        long samplesPerId = PiperShapedModel.samples(1, 1);
        assertTrue(samples > 0 && samples % samplesPerId == 0, samples + " samples are not whole phoneme ids");
        assertEquals(synthesis / 1000 / report.get("audio_seconds").asDouble(),
                report.get("real_time_factor").asDouble(), 1e-9);
        JsonNode overhead = report.get("overhead");
        assertTrue(overhead.get("first_chunk_ms").asDouble() > 0, report.toString());
        assertTrue(overhead.get("synthesis_ms").asDouble() >= overhead.get("first_chunk_ms").asDouble(),
                report.toString());
    }

    @Test
    void measuresAGivenVoiceInsteadAndSaysSo(@TempDir Path dir) throws Exception {
        Path voice = dir.resolve("stand-in.onnx");
        PiperStandInModel.writePiperPair(voice, PiperStandInModel.Voice.english());

        JsonNode report = benchTts("--voice", voice.toString(), "--repetitions", "2", "--json");

        assertEquals("voice", report.get("model").asText());
        assertEquals(voice.toString(), report.get("voice").asText());
        assertTrue(report.get("audio_seconds").asDouble() > 0, report.toString());
    }

    @Test
    void refusesAShapePiperDoesNotHave() {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        assertNotEquals(0, cli.execute("bench", "tts", "--shape", "huge"));
        assertTrue(err.toString().contains("medium or high"), err.toString());
    }

    private static JsonNode benchTts(String... options) throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        String[] args = new String[options.length + 2];
        args[0] = "bench";
        args[1] = "tts";
        System.arraycopy(options, 0, args, 2, options.length);
        assertEquals(0, cli.execute(args));
        return new ObjectMapper().readTree(out.toString());
    }
}
