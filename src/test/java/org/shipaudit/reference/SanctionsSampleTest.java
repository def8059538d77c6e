package org.shipaudit.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.reference.screening.AliasQuality;
import org.shipaudit.reference.screening.SanctionsList;
import org.shipaudit.reference.screening.ScreeningHit;
import org.shipaudit.reference.screening.ScreeningQuery;

/** The bundled sample lists in their three official formats: recognised, imported and screened. */
class SanctionsSampleTest {
    static final Path SAMPLE = Path.of("reference-data", "sanctions");

    @Test
    void importsEachFormatAndScreensTheSample(@TempDir Path dir) throws IOException {
        List<ImportSummary> s;
        try (ReferenceImporter importer = ReferenceImporter.open(dir)) {
            s = importer.importPaths(List.of(SAMPLE), true);
        }
        assertTrue(s.stream().allMatch(ImportSummary::ok), s.toString());
        try (ReferenceIndex index = ReferenceIndex.open(dir)) {
            Coverage c = index.coverage();
            assertEquals(6, c.source(SanctionsList.OFAC_SDN.source()).orElseThrow().rows());
            assertEquals(3, c.source(SanctionsList.UN_SC.source()).orElseThrow().rows());
            assertEquals(3, c.source(SanctionsList.BIS_DPL.source()).orElseThrow().rows());
            for (SanctionsList list : SanctionsList.values()) {
                assertEquals(org.shipaudit.reference.screening.NameNormalizer.VERSION,
                        c.source(list.source()).orElseThrow().normalizer(), "each list records its normaliser");
            }
            assertEquals(List.of(), c.problems(), "imported by this build: nothing to import again");
            LocalDate day = LocalDate.of(2026, 11, 20);
            ScreeningHit fze = index.screen(new ScreeningQuery("Example Front General Trading L.L.C.", "AE", "Dubai",
                    null, null, day, 0.8, 3)).get(0);
            assertEquals("90001", fze.entryId());
            assertEquals(AliasQuality.FKA, fze.matchedQuality());
            assertTrue(fze.reasons().stream().anyMatch(r -> r.startsWith("country: AE is one of")), fze.reasons().toString());
            assertTrue(fze.identifiers().contains("Registration ID 0000-SAMPLE (United Arab Emirates)"));
            ScreeningHit un = index.screen(new ScreeningQuery("Al Qaida", null, null, null, null, day, 0.8, 3)).get(0);
            assertEquals("QDe.004", un.entryId());
            assertTrue(index.screen(new ScreeningQuery("Maria Expired-Example", "US", "Miami", null, null, day, 0.8, 3))
                    .isEmpty(), "the order expired in 2020");
            assertEquals(1, index.screen(new ScreeningQuery("Maria Expired-Example", "US", "Miami", null, null,
                    LocalDate.of(2019, 1, 1), 0.8, 3)).size());
        }
    }

    /**
     * A list imported under another name normaliser (or before versions were recorded, 0) is one problem naming the
     * list, its file and both versions; another kind of source without a version is none.
     */
    @Test
    void aListImportedUnderAnotherNormaliserIsAProblemUntilImportedAgain() {
        java.time.Instant at = java.time.Instant.parse("2026-11-01T00:00:00Z");
        Coverage c = new Coverage(List.of(
                new Coverage.Source("hazmat", "hazmat", "2026", "hmt.jsonl", 10, false, at, 0),
                new Coverage.Source("sanctions:OFAC_SDN", "sanctions", "x", "sdn.csv", 10, false, at, 0),
                new Coverage.Source("sanctions:UN_SC", "sanctions", "y", "un.xml", 10, false, at,
                        org.shipaudit.reference.screening.NameNormalizer.VERSION)), false);
        assertEquals(1, c.problems().size(), c.problems().toString());
        String p = c.problems().get(0);
        assertTrue(p.contains("sanctions:OFAC_SDN") && p.contains("sdn.csv") && p.contains("version 0")
                && p.contains("version " + org.shipaudit.reference.screening.NameNormalizer.VERSION), p);
    }

    @Test
    void refusesAListWithADoctypeAndKeepsThePreviousEdition(@TempDir Path dir) throws IOException {
        Path evil = dir.resolve("evil.xml");
        java.nio.file.Files.writeString(evil, "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
                + "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>&e;</FIRST_NAME></INDIVIDUAL></INDIVIDUALS>"
                + "</CONSOLIDATED_LIST>");
        List<ImportSummary> s;
        try (ReferenceImporter importer = ReferenceImporter.open(dir.resolve("idx"))) {
            importer.importPaths(List.of(SAMPLE.resolve("un_sc_consolidated_sample.xml")));
            s = importer.importPaths(List.of(evil));
        }
        assertEquals(1, s.size());
        assertTrue(!s.get(0).ok() && s.get(0).error().contains("DTD"), s.toString());
        try (ReferenceIndex index = ReferenceIndex.open(dir.resolve("idx"))) {
            assertEquals(3, index.coverage().source(SanctionsList.UN_SC.source()).orElseThrow().rows());
        }
    }
}
