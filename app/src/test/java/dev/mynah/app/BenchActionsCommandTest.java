package dev.mynah.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchActionsCommandTest {

    @Test
    void jsonReportsRoutingPercentilesAndProcessStarts() throws Exception {
        MynahCli.Run run = MynahCli.run("bench", "actions", "--utterances", "400", "--starts", "5", "--json");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode out = new ObjectMapper().readTree(run.out());
        assertEquals(400, out.get("utterances").asInt());
        assertEquals(5, out.get("process_starts").asInt());
        double p50 = out.get("route_p50_us").asDouble();
        double p99 = out.get("route_p99_us").asDouble();
        assertTrue(p50 > 0 && p50 <= p99 && p99 <= out.get("route_max_us").asDouble(), out.toString());
        double share = out.get("matched_share").asDouble();
        assertTrue(share > 0.3 && share < 1, "commands match, chit-chat does not: " + share);
        assertTrue(out.get("start_p50_ms").asDouble() > 0, out.toString());
    }

    @Test
    void zeroUtterancesIsAClearError() {
        MynahCli.Run run = MynahCli.run("bench", "actions", "--utterances", "0");

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("--utterances and --starts must be at least 1"), run.err());
    }
}
