package dev.mynah.rag.eval;

import dev.mynah.rag.index.SearchHit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A question of an evaluation set with the file and the section (its exact heading text) that answer it. A hit
 * answers the question when it comes from that file and the section is on its heading path: the chunk's own
 * heading or any heading above it, so a chunk of a subsection of the named section counts, a chunk of the section
 * above it does not.
 */
record EvaluationQuestion(String question, String file, String section) {
    private static final String HEADER = "question\tfile\tsection";

    boolean isAnsweredBy(SearchHit hit) {
        return hit.path().getFileName().toString().equals(file) && hit.headings().contains(section);
    }

    boolean isChinese() {
        return question.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** The questions of a tab-separated resource with the header {@value #HEADER}; quotes are literal text. */
    static List<EvaluationQuestion> readTsv(String resource) {
        try (InputStream in = EvaluationQuestion.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no evaluation set " + resource + " on the test classpath");
            }
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank())
                    .toList();
            if (lines.isEmpty() || !lines.getFirst().equals(HEADER)) {
                throw new IllegalStateException(resource + " must start with the header line \""
                        + HEADER.replace("\t", "<TAB>") + "\"");
            }
            return lines.stream().skip(1).map(line -> parse(resource, line)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static EvaluationQuestion parse(String resource, String line) {
        String[] fields = line.split("\t", -1);
        if (fields.length != 3) {
            throw new IllegalStateException(resource + ": expected question, file and section separated by tabs, got "
                    + fields.length + " fields in: " + line);
        }
        return new EvaluationQuestion(fields[0].strip(), fields[1].strip(), fields[2].strip());
    }
}
