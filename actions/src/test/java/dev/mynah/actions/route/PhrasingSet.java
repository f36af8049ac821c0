package dev.mynah.actions.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A TSV of utterances with the call each should route to ("-" for none), and how well a router does on it. */
final class PhrasingSet {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One line: the utterance, the expected action or null, the expected arguments or null. */
    record Line(int number, String utterance, String action, JsonNode arguments) {
        boolean inScope() {
            return action != null;
        }
    }

    /** Precision over Matched results, coverage over in-scope lines, and every line that went wrong. */
    record Score(int inScope, int matched, int matchedCorrectly, List<String> misses) {
        double precision() {
            return matched == 0 ? 1 : (double) matchedCorrectly / matched;
        }

        double coverage() {
            return (double) matchedCorrectly / inScope;
        }
    }

    private final List<Line> lines;

    private PhrasingSet(List<Line> lines) {
        this.lines = lines;
    }

    static PhrasingSet load(String resource) throws IOException {
        List<Line> lines = new ArrayList<>();
        try (InputStream in = PhrasingSet.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("test resource " + resource + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String row;
            int number = 0;
            while ((row = reader.readLine()) != null) {
                number++;
                if (row.isBlank() || row.startsWith("#")) {
                    continue;
                }
                String[] columns = row.split("\t", -1);
                if (columns.length != 3) {
                    throw new IOException(resource + " line " + number + " has " + columns.length
                            + " columns; expected utterance, action, arguments separated by tabs");
                }
                boolean none = columns[1].equals("-");
                lines.add(new Line(number, columns[0], none ? null : columns[1],
                        none ? null : JSON.readTree(columns[2])));
            }
        }
        return new PhrasingSet(lines);
    }

    List<Line> lines() {
        return lines;
    }

    Score score(FastPathRouter router) {
        return score(router, PhrasingSet::sameArguments);
    }

    /**
     * Scores with {@code agrees(actual, expected)} deciding whether a matched call's arguments are right: exact
     * equality for the sets written with the patterns, only the listed key arguments for the independent set.
     */
    Score score(FastPathRouter router, java.util.function.BiPredicate<JsonNode, JsonNode> agrees) {
        int inScope = 0;
        int matched = 0;
        int correct = 0;
        List<String> misses = new ArrayList<>();
        for (Line line : lines) {
            FastPathResult result = router.route(line.utterance());
            if (line.inScope()) {
                inScope++;
            }
            if (result instanceof FastPathResult.Matched m) {
                matched++;
                boolean right = line.inScope() && m.call().action().equals(line.action())
                        && agrees.test(m.call().arguments(), line.arguments());
                if (right) {
                    correct++;
                } else {
                    misses.add("WRONG   line " + line.number() + " \"" + line.utterance() + "\" -> "
                            + m.call().action() + " " + m.call().arguments() + " (expected "
                            + (line.inScope() ? line.action() + " " + line.arguments() : "no match") + ")");
                }
            } else if (line.inScope()) {
                misses.add("MISSED  line " + line.number() + " \"" + line.utterance() + "\" -> " + result
                        + " (expected " + line.action() + " " + line.arguments() + ")");
            }
        }
        return new Score(inScope, matched, correct, misses);
    }

    /** Whether two argument objects are equal, numbers compared by value (5, 5L and 5.0 are the same). */
    static boolean sameArguments(JsonNode actual, JsonNode expected) {
        return actual.equals(PhrasingSet::sameValue, expected);
    }

    /** Whether every argument {@code expected} lists has that value in {@code actual} (text ignoring case). */
    static boolean hasKeyArguments(JsonNode actual, JsonNode expected) {
        for (var entry : expected.properties()) {
            JsonNode value = actual.get(entry.getKey());
            JsonNode wanted = entry.getValue();
            boolean same = value != null && (value.isTextual() && wanted.isTextual()
                    ? value.asText().equalsIgnoreCase(wanted.asText()) : sameValue(value, wanted) == 0);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    private static int sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return Double.compare(a.asDouble(), b.asDouble());
        }
        return a.equals(b) ? 0 : 1;
    }
}
