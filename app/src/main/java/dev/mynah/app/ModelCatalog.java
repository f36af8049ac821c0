package dev.mynah.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The models Mynah can download, as listed in the repository's {@code models.json}. */
public record ModelCatalog(List<Entry> models) {

    /** One downloadable model: id, kind (llm, stt, tts), engine, file name and source URL. */
    public record Entry(String id, String kind, String engine, String file, String url, boolean isDefault) {
    }

    /**
     * Where the catalogue's default model of {@code kind} ("llm", "stt", "tts") lives in the app-data models
     * directory; throws with the download URL and {@code alternative} when it is not there.
     */
    public Path installedDefault(String kind, AppDirectories dirs, String alternative) {
        Entry entry = models.stream().filter(m -> m.kind().equals(kind) && m.isDefault()).findFirst()
                .orElseThrow(() -> new IllegalStateException("models.json names no default " + kind + " model"));
        Path path = dirs.models().resolve(entry.file());
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("No " + kind + " model at " + path + ". Download " + entry.url()
                    + " to that directory, or " + alternative + ".");
        }
        return path;
    }

    public static ModelCatalog bundled() {
        try (InputStream in = ModelCatalog.class.getResourceAsStream("models.json")) {
            if (in == null) {
                throw new IllegalStateException("models.json is missing from the application");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            List<Entry> entries = new ArrayList<>();
            for (JsonNode m : root.path("models")) {
                entries.add(new Entry(m.path("id").asText(), m.path("kind").asText(), m.path("engine").asText(),
                        m.path("file").asText(), m.path("url").asText(), m.path("default").asBoolean()));
            }
            return new ModelCatalog(List.copyOf(entries));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
