package org.shipaudit.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.OfficialData;
import org.shipaudit.reference.screening.AliasQuality;
import org.shipaudit.reference.screening.EntryType;
import org.shipaudit.reference.screening.SanctionsList;
import org.shipaudit.reference.screening.ScreeningHit;
import org.shipaudit.reference.screening.ScreeningQuery;
import org.shipaudit.reference.screening.ScreeningThresholds;

/**
 * The three official lists (../shared/reference-data/sanctions, when present) imported and screened: counts, editions,
 * idempotent re-import, and the parties of issue 16 matched to the right entries. Skipped on a fresh clone.
 */
@OfficialData
class SanctionsListsTest {
    static final Path SANCTIONS = Paths.get("..", "shared", "reference-data", "sanctions");
    static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    @TempDir
    static Path dir;
    static ReferenceIndex index;
    static List<ImportSummary> summaries;

    @BeforeAll
    static void importLists() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SANCTIONS),
                "the official sanctions lists are not at ../shared/reference-data/sanctions; see reference-data/SOURCES.md");
        try (ReferenceImporter importer = ReferenceImporter.open(dir.resolve("idx"))) {
            summaries = importer.importPaths(List.of(SANCTIONS));
        }
        index = ReferenceIndex.open(dir.resolve("idx"));
    }

    @AfterAll
    static void close() throws IOException {
        if (index != null) {
            index.close();
        }
    }

    static ScreeningHit best(String name, String country, String city) {
        List<ScreeningHit> hits = index.screen(new ScreeningQuery(name, country, city, null, ScreeningQuery.PARTIES,
                DAY, 0.5, 5));
        assertFalse(hits.isEmpty(), "no hit for " + name);
        return hits.get(0);
    }

    @Test
    void eachDeniedPartyOrderHasItsOwnId() {
        // Rows of one order whose citations differ by a typo used to become entries sharing one id.
        List<String> primaries = index.sampleListedNames(Integer.MAX_VALUE, 1).stream()
                .filter(n -> SanctionsList.BIS_DPL.name().equals(n.list()) && "PRIMARY".equals(n.quality()))
                .map(ReferenceIndex.ListedNameSample::entryId).toList();
        assertEquals(primaries.size(), new java.util.HashSet<>(primaries).size(), "duplicate DPL entry ids");
        assertEquals(primaries.size(), index.coverage().source(SanctionsList.BIS_DPL.source()).orElseThrow().rows());
    }

    @Test
    void importsTheThreeListsWithTheirEditionsAndCounts() {
        assertTrue(summaries.stream().allMatch(ImportSummary::ok), summaries.toString());
        Coverage c = index.coverage();
        assertEquals(9044, c.source(SanctionsList.OFAC_SDN.source()).orElseThrow().rows());
        assertEquals(730 + 273, c.source(SanctionsList.UN_SC.source()).orElseThrow().rows());
        assertEquals("UN SC consolidated 2026-02-27", c.source(SanctionsList.UN_SC.source()).orElseThrow().edition());
        long dpl = c.source(SanctionsList.BIS_DPL.source()).orElseThrow().rows();
        assertTrue(dpl > 400 && dpl < 581, "DPL rows of one order are one entry: " + dpl);
    }

    @Test
    void reimportingTheSameFilesChangesNothing() throws IOException {
        long before = index.documentCount();
        try (ReferenceImporter importer = ReferenceImporter.open(dir.resolve("idx"))) {
            importer.importPaths(List.of(SANCTIONS));
        }
        index.refreshIfChanged();
        assertEquals(before, index.documentCount());
    }

    @Test
    void findsTheIrgcForAConsigneeInDubai() {
        ScreeningHit h = best("Islamic Revolutionary Guard Corps", "AE", "Dubai");
        assertEquals(SanctionsList.OFAC_SDN, h.list());
        assertEquals("10391", h.entryId());
        assertTrue(h.programs().contains("IRGC"), h.programs().toString());
        assertEquals(ScreeningThresholds.MatchLevel.STRONG, ScreeningThresholds.DEFAULTS.level(h), h.toString());
    }

    @Test
    void findsBancoNacionalDeCubaInMadrid() {
        ScreeningHit h = best("Banco Nacional de Cuba", "ES", "Madrid");
        assertEquals("306", h.entryId());
        assertEquals(List.of("CUBA"), h.programs());
        assertEquals(ScreeningThresholds.MatchLevel.STRONG, ScreeningThresholds.DEFAULTS.level(h), h.toString());
    }

    @Test
    void findsViktorBoutWithoutHisMiddleName() {
        ScreeningHit h = best("Viktor Bout", "DE", "Berlin");
        assertEquals("8279", h.entryId());
        assertEquals(EntryType.INDIVIDUAL, h.type());
        assertEquals(ScreeningThresholds.MatchLevel.STRONG, ScreeningThresholds.DEFAULTS.level(h), h.toString());
    }

    @Test
    void matchesAnAliasAndReportsIt() {
        ScreeningHit h = best("National Bank of Cuba", null, null);
        assertEquals("306", h.entryId());
        assertEquals(AliasQuality.AKA, h.matchedQuality());
        assertEquals("NATIONAL BANK OF CUBA", h.matchedName());
    }

    @Test
    void aWeakAliasIsAtMostAPossibleMatch() {
        ScreeningHit h = best("BNC", null, null);
        assertEquals("306", h.entryId());
        assertTrue(h.weakAlias());
        assertEquals(ScreeningThresholds.MatchLevel.POSSIBLE, ScreeningThresholds.DEFAULTS.level(h));
    }

    @Test
    void findsUnEntriesByTheirReferenceNumber() {
        // He is on the OFAC list too: each list's entry is a hit of its own.
        ScreeningHit h = index.screen(new ScreeningQuery("Eric Badege", null, null, null, null, DAY, 0.9, 5)).stream()
                .filter(x -> x.list() == SanctionsList.UN_SC).findFirst().orElseThrow();
        assertEquals("CDi.001", h.entryId());
        assertEquals(List.of("DRC"), h.programs());
    }

    @Test
    void anExpiredDenialOrderNoLongerApplies() {
        // "AARON ABRAHAM VILLA": order effective 2022-08-24, expiring 2026-01-14.
        ScreeningQuery during = new ScreeningQuery("Aaron Abraham Villa", "US", "El Paso", null, null,
                LocalDate.of(2025, 6, 1), 0.9, 5);
        ScreeningQuery after = new ScreeningQuery("Aaron Abraham Villa", "US", "El Paso", null, null, DAY, 0.9, 5);
        assertTrue(index.screen(during).stream().anyMatch(h -> h.list() == SanctionsList.BIS_DPL));
        assertTrue(index.screen(after).stream().noneMatch(h -> h.list() == SanctionsList.BIS_DPL));
    }

    @Test
    void vesselsAreNotMatchedAgainstParties() {
        List<ScreeningHit> asParty = index.screen(new ScreeningQuery("Sea Star", null, null, null,
                ScreeningQuery.PARTIES, DAY, 0.5, 20));
        assertTrue(asParty.stream().noneMatch(h -> h.type() == EntryType.VESSEL || h.type() == EntryType.AIRCRAFT));
        List<ScreeningHit> asVessel = index.screen(new ScreeningQuery("Sea Star", null, null, null,
                Set.of(EntryType.VESSEL), DAY, 0.5, 20));
        assertTrue(asVessel.stream().allMatch(h -> h.type() == EntryType.VESSEL));
    }

    @Test
    void anOrdinaryNameDoesNotMatch() {
        List<ScreeningHit> hits = index.screen(new ScreeningQuery("Emily Johnson", "US", "Columbus", null, null, DAY,
                ScreeningThresholds.DEFAULTS.possible(), 5));
        assertTrue(hits.isEmpty(), hits.toString());
    }
}
