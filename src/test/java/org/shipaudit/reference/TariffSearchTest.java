package org.shipaudit.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tariff text search over the bundled sample. */
class TariffSearchTest {
    @TempDir
    static Path dir;
    static ReferenceIndex index;

    @BeforeAll
    static void importSample() throws IOException {
        ReferenceImporter.importBundledIfEmpty(dir.resolve("idx"), Fixtures.bundled());
        index = ReferenceIndex.open(dir.resolve("idx"));
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    @Test
    void keepsHyphenatedWordsSplitAndJoinedAndDropsTariffNoise() {
        TariffSearch search = new TariffSearch();
        assertEquals(List.of("shirt", "tshirt"), search.terms("T-shirts"));
        assertEquals(List.of("cotton"), search.terms("Other articles of cotton, nesoi"));
        assertEquals(List.of("battery"), search.terms("batteries"));
    }

    @Test
    void ranksCottonTshirtLinesFirstHowEverTheWordIsWritten() {
        for (String q : List.of("cotton t-shirt", "Cotton T-Shirts", "cotton tshirt")) {
            List<TariffLine> hits = index.searchTariff(q, "HTSUS", 5);
            assertTrue(hits.get(0).code().startsWith("6109.10"), q + " -> " + hits.get(0));
        }
    }

    @Test
    void findsAnOtherLineThroughItsHierarchy() {
        List<TariffLine> hits = index.searchTariff("lithium ion battery", "HTSUS", 5);
        assertEquals("8507.60.00", hits.get(0).code());
        assertTrue(hits.stream().anyMatch(t -> t.code().equals("8507.60.00.20")), "'Other' under lithium-ion");
        assertTrue(hits.get(0).score() > 0);
    }

    @Test
    void carriesThePathFromTheTopDownAndTheDutyRates() {
        TariffLine top = index.searchTariff("smartphone", "HTSUS", 1).get(0);
        assertEquals("8517.13.00.00", top.code());
        assertTrue(top.path().get(0).startsWith("85 "), "the HS chapter: the HTSUS export has none of its own");
        assertTrue(top.path().get(1).startsWith("8517 "));
        assertEquals("Free", top.dutyGeneral());
    }

    @Test
    void searchesTheHsScheduleByDefault() {
        List<TariffLine> hits = index.searchTariff("laptop", null, 3);
        assertEquals("HS", hits.get(0).schedule());
        assertEquals("8471.30", hits.get(0).code());
    }

    @Test
    void answersACodeQueryWithThatLine() {
        assertEquals("6109.10.00.12", index.searchTariff("6109.10.0012", "HTSUS", 5).get(0).code());
    }

    @Test
    void findsACodeWithoutItsSchedule() {
        assertEquals("HS", index.tariff("6109.10").orElseThrow().schedule());
        assertEquals("6109.10.00.12", index.tariff("6109100012").orElseThrow().code());
        assertEquals("6109.90", index.tariff("6109.90.9999").orElseThrow().code(), "unknown national line: its HS6");
        assertTrue(index.tariff("0000.00").isEmpty());
    }

    @Test
    void answersNothingForNoiseOnly() {
        assertTrue(index.searchTariff("other articles", "HS", 5).isEmpty());
        assertTrue(index.searchTariff("", "HS", 5).isEmpty());
    }
}
