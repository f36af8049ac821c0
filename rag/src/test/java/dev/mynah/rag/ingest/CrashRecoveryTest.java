package dev.mynah.rag.ingest;

import dev.mynah.rag.index.Retrieval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Kills a JVM in the middle of ingesting (after two commits, with a third batch half done) and recovers. */
class CrashRecoveryTest {
    private static final List<String> TOPICS = List.of("apples", "bicycles", "canoes", "dolphins", "elephants",
            "falcons", "glaciers", "harbours", "islands", "jungles", "kayaks", "lanterns");
    private static final int FILES = TOPICS.size();

    @TempDir
    Path temp;

    @Test
    @Timeout(300)
    void aKilledIngestionLeavesAnIndexThatAnswersAndTheNextRunFinishesOnlyTheRest() throws Exception {
        Path docs = Files.createDirectories(temp.resolve("docs")).toRealPath();
        for (int i = 0; i < FILES; i++) {
            Files.writeString(docs.resolve("file%02d.txt".formatted(i)),
                    "File %d is about %s.".formatted(i, TOPICS.get(i)));
        }
        Path indexDir = temp.resolve("index");
        Path childErrors = temp.resolve("child-stderr.txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                IngestionToKill.class.getName(), indexDir.toString(), docs.toString(), "7")
                .redirectError(childErrors.toFile())
                .start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("stalled")) {
                lines.add(line);
            }
            if (line == null) {
                fail("the child ended before stalling: " + lines + "\n" + Files.readString(childErrors));
            }
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
        List<Path> indexedByChild = lines.stream().filter(line -> line.startsWith("indexed "))
                .map(line -> Path.of(line.substring("indexed ".length()))).toList();
        assertEquals(List.of("committed 3", "committed 6"),
                lines.stream().filter(line -> line.startsWith("committed")).toList());
        assertEquals(7, indexedByChild.size());

        try (IngestFixture f = new IngestFixture(temp)) {
            Set<Path> committed = Set.copyOf(indexedByChild.subList(0, 6));
            assertEquals(committed, f.index.files().keySet());
            assertEquals(Set.of(docs), f.index.roots());
            assertEquals(List.of(docs.resolve("file00.txt")), f.files("apples", 5, Retrieval.BM25));
            assertEquals(List.of(), f.files("glaciers", 5, Retrieval.BM25), "file 6 was indexed but not committed");

            f.ingester.reconcile();

            assertEquals(FILES, f.index.files().size());
            assertEquals(FILES - 6, f.embedder.embedded(), "only files not committed before the kill are embedded");
            assertEquals(FILES - 6, f.reader.reads());
            assertEquals(Set.of(),
                    committed.stream().filter(file -> f.reader.readsOf(file) > 0).collect(Collectors.toSet()));
            assertEquals(List.of(docs.resolve("file11.txt")), f.files("lanterns", 5, Retrieval.BM25));
        }
    }
}
