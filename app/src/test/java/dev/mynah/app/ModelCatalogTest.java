package dev.mynah.app;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelCatalogTest {

    @Test
    void theBundledCatalogueOffersADefaultForEachKindWithHttpsSources() {
        ModelCatalog catalog = ModelCatalog.bundled();
        Set<String> files = new HashSet<>();
        Set<String> defaultKinds = new HashSet<>();
        for (ModelCatalog.Entry entry : catalog.models()) {
            assertTrue(entry.url().startsWith("https://"), entry.id());
            assertTrue(files.add(entry.file()), "two entries share the file " + entry.file());
            if (entry.isDefault()) {
                assertTrue(defaultKinds.add(entry.kind()), "two defaults for " + entry.kind());
            }
        }
        assertTrue(defaultKinds.containsAll(Set.of("llm", "stt", "tts")), "defaults: " + defaultKinds);
    }
}
