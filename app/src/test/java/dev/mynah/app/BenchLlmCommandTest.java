package dev.mynah.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mynah.fixtures.gguf.GgmlType;
import dev.mynah.fixtures.qwen3.Qwen3ModelSpec;
import dev.mynah.fixtures.qwen3.Qwen3ModelWriter;
import dev.mynah.fixtures.qwen3.Qwen3Tokenizer;
import dev.mynah.supply.PackageCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the benchmark command end to end on a tiny model (the realistic one is for real benchmark runs only). */
class BenchLlmCommandTest {

    @Test
    void printsOneJsonObjectWithTheMeasuredSpeeds(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("tiny.gguf");
        Qwen3ModelWriter.write(model, Qwen3ModelSpec.tiny(), Qwen3Tokenizer.fromPackage(PackageCache.forUser()),
                GgmlType.Q8_0, 3);
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));

        int code = cli.execute("bench", "llm", "--model", model.toString(), "--no-native", "--threads", "2",
                "--repetitions", "2", "--prompt-tokens", "64", "--gen-tokens", "8", "--json");

        assertEquals(0, code);
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertEquals(2, report.get("threads").asInt());
        assertEquals(64, report.get("prompt_tokens").asInt());
        for (String field : new String[] {"prefill_tps", "decode_tps", "generate_tps", "bandwidth_bound_tps"}) {
            assertTrue(report.get(field).asDouble() > 0, field + " in " + report);
        }
        assertTrue(report.get("native_prefill_tps").isNull(), "llama-bench was skipped");
        assertTrue(report.get("native_decode_tps").isNull(), "llama-bench was skipped");
        assertEquals(report.get("decode_tps").asDouble() / report.get("bandwidth_bound_tps").asDouble(),
                report.get("decode_share_of_bound").asDouble(), 1e-9);
    }
}
