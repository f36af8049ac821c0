package dev.mynah.nativelibs;

import java.io.IOException;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compiles a C program with gcc against an upstream header and checks that every size, alignment and member
 * offset (nested members included) of hand-written Java struct layouts, and every enum value the Java side
 * uses, match what the C compiler says.
 */
public final class CLayoutProbe {
    private CLayoutProbe() {
    }

    /**
     * Asserts that the layouts (keyed by C struct tag, member names as in C) and enum constants match
     * {@code header}; returns every probed value as C reported it, for further cross-checks.
     */
    public static Map<String, Long> assertMatches(Path workDir, String header, List<Path> includeDirs,
                                                  Map<String, StructLayout> structs, Map<String, Integer> enums)
            throws IOException, InterruptedException {
        Map<String, Long> expected = new LinkedHashMap<>();
        StringBuilder c = new StringBuilder("#include <stdio.h>\n#include <stddef.h>\n#include <stdalign.h>\n"
                + "#include \"" + header + "\"\nint main(void) {\n");
        structs.forEach((name, layout) -> {
            probe(c, expected, "sizeof " + name, "sizeof(struct " + name + ")", layout.byteSize());
            probe(c, expected, "alignof " + name, "alignof(struct " + name + ")", layout.byteAlignment());
            probeMembers(c, expected, name, "", layout, 0);
        });
        enums.forEach((name, value) -> probe(c, expected, name, "(long) " + name, value));
        c.append("    return 0;\n}\n");

        Map<String, Long> actual = compileAndRun(workDir, includeDirs, c.toString());

        assertEquals(expected.keySet(), actual.keySet());
        List<String> mismatches = new ArrayList<>();
        expected.forEach((key, value) -> {
            if (!value.equals(actual.get(key))) {
                mismatches.add(key + ": Java " + value + ", C " + actual.get(key));
            }
        });
        assertTrue(mismatches.isEmpty(), "layout mismatches: " + mismatches);
        return actual;
    }

    /** Probes every named member, descending into nested structs with C's dotted member designators. */
    private static void probeMembers(StringBuilder c, Map<String, Long> expected, String struct, String prefix,
                                     StructLayout layout, long base) {
        for (MemoryLayout member : layout.memberLayouts()) {
            if (member.name().isEmpty()) {
                continue;
            }
            String field = prefix + member.name().get();
            long offset = base + layout.byteOffset(MemoryLayout.PathElement.groupElement(member.name().get()));
            probe(c, expected, struct + "." + field, "offsetof(struct " + struct + ", " + field + ")", offset);
            probe(c, expected, "sizeof " + struct + "." + field,
                    "sizeof(((struct " + struct + " *) 0)->" + field + ")", member.byteSize());
            probe(c, expected, "alignof " + struct + "." + field,
                    "alignof(__typeof__(((struct " + struct + " *) 0)->" + field + "))", member.byteAlignment());
            if (member instanceof StructLayout nested) {
                probeMembers(c, expected, struct, field + ".", nested, offset);
            }
        }
    }

    private static void probe(StringBuilder c, Map<String, Long> expected, String key, String expression,
                              long javaValue) {
        expected.put(key, javaValue);
        c.append("    printf(\"%s=%ld\\n\", \"").append(key).append("\", (long) (").append(expression).append("));\n");
    }

    private static Map<String, Long> compileAndRun(Path dir, List<Path> includeDirs, String program)
            throws IOException, InterruptedException {
        Path file = dir.resolve("probe.c");
        Files.writeString(file, program);
        Path binary = dir.resolve("probe");
        List<String> compile = new ArrayList<>(List.of("gcc", "-std=gnu11"));
        includeDirs.forEach(d -> compile.addAll(List.of("-I", d.toString())));
        compile.addAll(List.of(file.toString(), "-o", binary.toString()));
        run(dir, compile);
        Map<String, Long> values = new LinkedHashMap<>();
        for (String line : run(dir, List.of(binary.toString())).lines().toList()) {
            int eq = line.lastIndexOf('=');
            values.put(line.substring(0, eq), Long.parseLong(line.substring(eq + 1)));
        }
        return values;
    }

    private static String run(Path dir, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "timed out: " + String.join(" ", command));
        assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n" + output);
        return output;
    }
}
