package dev.mynah.rag.answer;

import dev.mynah.rag.index.SearchHit;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading [n] markers back to the passages they name, in the forms models write them. */
class CitationsTest {
    private static final SearchHit MANUAL = new SearchHit(Path.of("/docs/manual.pdf"), 3, List.of("Warranty"),
            "The warranty lasts two years.", 120, 149, 4, 0.03f);
    private static final SearchHit NOTES = new SearchHit(Path.of("/docs/notes.md"), null,
            List.of("Kitchen", "Kettle"), "Descale the kettle monthly.", 0, 27, 0, 0.02f);
    private static final SearchHit RECEIPT = new SearchHit(Path.of("/docs/收据.txt"), null, List.of(),
            "保修期为两年。", 10, 17, 1, 0.01f);
    private static final Citations CITATIONS = new Citations(List.of(new Source(1, MANUAL), new Source(2, NOTES),
            new Source(3, RECEIPT)));

    private static List<SearchHit> cited(String answer) {
        return CITATIONS.read(answer).sources().stream().map(Source::hit).toList();
    }

    @Test
    void aSingleMarkerMapsToItsFilePageHeadingAndRange() {
        Citations.Cited cited = CITATIONS.read("The warranty lasts two years [1].");

        Source source = cited.sources().getFirst();
        assertEquals(1, cited.sources().size());
        assertEquals(Path.of("/docs/manual.pdf"), source.hit().path());
        assertEquals(3, source.hit().page());
        assertEquals("Warranty", source.heading());
        assertEquals(120, source.hit().start());
        assertEquals(149, source.hit().end());
        assertEquals("/docs/manual.pdf:3 — Warranty", source.label());
        assertEquals(List.of(), cited.unknown());
    }

    @Test
    void adjacentCommaSeparatedAndRangeMarkersAllCount() {
        assertEquals(List.of(MANUAL, NOTES), cited("Two years [1][2]."));
        assertEquals(List.of(NOTES, MANUAL), cited("Two years [2, 1]."));
        assertEquals(List.of(MANUAL, NOTES, RECEIPT), cited("All of them [1-3]."));
        assertEquals(List.of(NOTES, RECEIPT), cited("Both [2–3] (an en dash)."));
        assertEquals(List.of(MANUAL, RECEIPT), cited("保修两年【1】【3】，见［1，3］。"));
    }

    @Test
    void sourcesComeInOrderOfFirstCitationWithoutRepeats() {
        assertEquals(List.of(RECEIPT, MANUAL), cited("Yes [3]. Also [1]. And again [3][1]."));
    }

    @Test
    void numbersThatNameNoPassageAreReportedAndLeftOut() {
        Citations.Cited cited = CITATIONS.read("Two years [1][7], see [0] and [2-9].");

        assertEquals(List.of(MANUAL, NOTES, RECEIPT), cited.sources().stream().map(Source::hit).toList());
        assertEquals(List.of(7, 0, 9), cited.unknown());
    }

    @Test
    void aHugeRangeCitesOnlyThePassagesThatExist() {
        Citations.Cited cited = CITATIONS.read("Everything [1-999999].");

        assertEquals(3, cited.sources().size());
        assertEquals(List.of(999999), cited.unknown());
    }

    @Test
    void anAnswerWithoutMarkersCitesNothing() {
        Citations.Cited cited = CITATIONS.read("The documents do not say. Arrays like a[i] and [x] are not citations.");

        assertTrue(cited.sources().isEmpty());
        assertTrue(cited.unknown().isEmpty());
    }

    @Test
    void sourcesMustBeNumberedInOrder() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Citations(List.of(new Source(2, MANUAL))));

        assertEquals("source 1 is numbered 2; number the sources 1, 2, … in order", e.getMessage());
    }
}
