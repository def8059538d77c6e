package org.shipaudit.reference;

import org.shipaudit.model.DeliveryAreaTier;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.shipaudit.OfficialData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The carriers' delivery-area lists and weekly fuel tables as published (../shared/reference-data/carriers), read by
 * content, effective-dated and idempotent; the tests on the shared files are skipped when they are absent. Bad rows
 * are fixtures written here.
 */
@OfficialData
class PublishedCarrierTablesTest {
    static final Path CARRIERS = FullReferenceDataTest.SHARED.resolve("carriers");
    static final List<String> FILES = List.of("das/fedex_das_zips_2020-01-06.csv", "das/fedex_das_zips_2025-06-02.csv",
            "das/ups_das_zips_2025-06-01.csv", "das/ups_das_zips_2026.csv", "fuel/fedex_fuel_surcharge_weekly_2026.csv",
            "fuel/ups_fuel_surcharge_weekly_2026.csv");

    @TempDir
    static Path dir;
    static Path index;
    static List<ImportSummary> first;

    @BeforeAll
    static void importSharedFiles() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CARRIERS),
                "the carriers' tables are not at ../shared/reference-data/carriers; see reference-data/SOURCES.md");
        index = dir.resolve("idx");
        try (ReferenceImporter importer = ReferenceImporter.open(index)) {
            first = importer.importPaths(FILES.stream().map(CARRIERS::resolve).toList());
        }
    }

    @Test
    void recognisesEachCarrierFileByItsContent() throws IOException {
        assertEquals(ReferenceFormat.FEDEX_DAS_CSV, FormatDetector.detect(CARRIERS.resolve(FILES.get(0))));
        assertEquals(ReferenceFormat.FEDEX_DAS_CSV, FormatDetector.detect(CARRIERS.resolve(FILES.get(1))));
        assertEquals(ReferenceFormat.UPS_DAS_CSV, FormatDetector.detect(CARRIERS.resolve(FILES.get(2))));
        assertEquals(ReferenceFormat.UPS_DAS_CSV, FormatDetector.detect(CARRIERS.resolve(FILES.get(3))));
        assertEquals(ReferenceFormat.FEDEX_FUEL_WEEKLY_CSV, FormatDetector.detect(CARRIERS.resolve(FILES.get(4))));
        assertEquals(ReferenceFormat.UPS_FUEL_WEEKLY_CSV, FormatDetector.detect(CARRIERS.resolve(FILES.get(5))));
    }

    @Test
    void importsEveryRowOfTheSharedListsAndTables() {
        Map<String, ImportSummary> byFile = first.stream()
                .collect(Collectors.toMap(ImportSummary::file, s -> s));
        first.forEach(s -> assertTrue(s.ok(), s.toString()));
        first.forEach(s -> assertEquals(0, s.rowsSkipped(), s.toString()));
        assertEquals(24_935, byFile.get("fedex_das_zips_2020-01-06.csv").rowsIndexed());
        assertEquals(25_854, byFile.get("fedex_das_zips_2025-06-02.csv").rowsIndexed());
        assertEquals(25_814, byFile.get("ups_das_zips_2025-06-01.csv").rowsIndexed());
        assertEquals(25_782, byFile.get("ups_das_zips_2026.csv").rowsIndexed());
        // 15 weeks x ground and express; 16 weeks x domestic ground, domestic air and international export
        assertEquals(30, byFile.get("fedex_fuel_surcharge_weekly_2026.csv").rowsIndexed());
        assertEquals(48, byFile.get("ups_fuel_surcharge_weekly_2026.csv").rowsIndexed());
        assertEquals("das:FEDEX:2025-06-02", byFile.get("fedex_das_zips_2025-06-02.csv").source());
    }

    @Test
    void theListInForceOnTheShipDateDecides() throws IOException {
        try (ReferenceIndex idx = ReferenceIndex.open(index)) {
            // 01002 is on the FedEx list from 2025-06-02 and not on the 2020 one
            DeliveryAreaListing before = idx.deliveryArea("FEDEX", LocalDate.of(2025, 6, 1), "01002").orElseThrow();
            assertFalse(before.listed(), before.toString());
            assertEquals(2020, before.year());
            DeliveryAreaListing after = idx.deliveryArea("fedex", LocalDate.of(2025, 6, 2), "01002").orElseThrow();
            assertTrue(after.listed(), after.toString());
            assertEquals("DAS", after.areaType());
            assertEquals(2025, after.year());
            // the 2020 list says 01005 is extended; four-digit ZIP as spreadsheets print it
            assertEquals("EXTENDED", idx.deliveryArea("FEDEX", LocalDate.of(2021, 3, 1), "1005").orElseThrow()
                    .areaType());
            assertEquals("ALASKA", idx.deliveryArea("UPS", LocalDate.of(2025, 8, 1), "99540").orElseThrow()
                    .areaType());
            assertEquals("EXTENDED", idx.deliveryArea("UPS", LocalDate.of(2025, 8, 1), "01005").orElseThrow()
                    .areaType());
            // before the earliest list of a carrier nothing can be said
            assertTrue(idx.deliveryArea("UPS", LocalDate.of(2025, 5, 31), "01005").isEmpty());
            assertTrue(idx.deliveryArea("FEDEX", LocalDate.of(2019, 12, 31), "01005").isEmpty());
        }
    }

    @Test
    void aWeeksFuelPercentageRunsMondayToSunday() throws IOException {
        try (ReferenceIndex idx = ReferenceIndex.open(index)) {
            // UPS week of 2026-03-02: domestic ground 0.215, domestic air 0.2125, international export 0.26
            for (LocalDate d = LocalDate.of(2026, 3, 2); d.isBefore(LocalDate.of(2026, 3, 9)); d = d.plusDays(1)) {
                assertEquals(0, new BigDecimal("21.5").compareTo(idx.fuelRate("UPS", "GROUND", d).orElseThrow()
                        .percent()), d.toString());
            }
            assertEquals(0, new BigDecimal("22.75").compareTo(idx.fuelRate("UPS", "GROUND",
                    LocalDate.of(2026, 3, 9)).orElseThrow().percent()));
            assertEquals(0, new BigDecimal("21.25").compareTo(idx.fuelRate("UPS", "AIR",
                    LocalDate.of(2026, 3, 8)).orElseThrow().percent()));
            assertEquals(0, new BigDecimal("26").compareTo(idx.fuelRate("UPS", "INTERNATIONAL",
                    LocalDate.of(2026, 3, 4)).orElseThrow().percent()));
            // FedEx week of 2026-03-09: ground 0.255, express 0.295; no week before it is published here
            assertEquals(0, new BigDecimal("29.5").compareTo(idx.fuelRate("FEDEX", "AIR",
                    LocalDate.of(2026, 3, 15)).orElseThrow().percent()));
            assertTrue(idx.fuelRate("FEDEX", "GROUND", LocalDate.of(2026, 3, 8)).isEmpty());
            // the last published week ends on its Sunday
            assertTrue(idx.fuelRate("UPS", "GROUND", LocalDate.of(2026, 6, 21)).isPresent());
            assertTrue(idx.fuelRate("UPS", "GROUND", LocalDate.of(2026, 6, 22)).isEmpty());
        }
    }

    @Test
    void reimportingTheSameFilesChangesNothing() throws IOException {
        long before;
        try (ReferenceIndex idx = ReferenceIndex.open(index)) {
            before = idx.coverage().sources().stream().mapToLong(Coverage.Source::rows).sum();
        }
        try (ReferenceImporter importer = ReferenceImporter.open(index)) {
            importer.importPaths(FILES.stream().map(CARRIERS::resolve).toList()).forEach(s -> assertTrue(s.ok()));
        }
        try (ReferenceIndex idx = ReferenceIndex.open(index)) {
            assertEquals(before, idx.coverage().sources().stream().mapToLong(Coverage.Source::rows).sum());
            assertTrue(idx.deliveryArea("FEDEX", LocalDate.of(2025, 7, 1), "01002").orElseThrow().listed());
            // what reference stats and /health print for a list and a fuel table
            Coverage.Source fedex = idx.coverage().source("das:FEDEX:2025-06-02").orElseThrow();
            assertEquals("fedex_das_zips_2025-06-02 (effective 2025-06-02; DAS 7654, EXTENDED 14368, REMOTE 3517, "
                    + "ALASKA 219, HAWAII 68, INTRA_HAWAII 28)", fedex.edition());
            assertEquals(25_854, fedex.rows());
            assertEquals("ups_fuel_surcharge_weekly_2026 (weeks 2026-03-02 to 2026-06-21)",
                    idx.coverage().source("fuel:UPS").orElseThrow().edition());
        }
    }

    @Test
    void theCarriersWorkbooksGiveTheSameListsAsTheirCsvCopies() throws IOException {
        Path xlsxIndex = dir.resolve("xlsx");
        Path fedex = CARRIERS.resolve("das/fedex_das_zips_2025-06-02_original.xlsx");
        Path ups = CARRIERS.resolve("das/ups_area_surcharge_zips_2025-06-01_original.xlsx");
        assertEquals(ReferenceFormat.FEDEX_DAS_XLSX, FormatDetector.detect(fedex));
        assertEquals(ReferenceFormat.UPS_DAS_XLSX, FormatDetector.detect(ups));
        try (ReferenceImporter importer = ReferenceImporter.open(xlsxIndex)) {
            List<ImportSummary> s = importer.importPaths(List.of(fedex, ups));
            s.forEach(x -> assertTrue(x.ok() && x.rowsSkipped() == 0, x.toString()));
            // the workbooks print their own dates: FedEx 6/2/2025 (AK/HI sheets 1/13/2025), UPS June 1, 2025
            assertEquals("das:FEDEX:2025-06-02", s.get(0).source());
            assertEquals("das:UPS:2025-06-01", s.get(1).source());
            assertEquals(25_854, s.get(0).rowsIndexed());
            assertEquals(25_814, s.get(1).rowsIndexed());
        }
        try (ReferenceIndex idx = ReferenceIndex.open(xlsxIndex)) {
            sameAsCsv(idx, "FEDEX", LocalDate.of(2025, 6, 2), CARRIERS.resolve(FILES.get(1)));
            sameAsCsv(idx, "UPS", LocalDate.of(2025, 6, 1), CARRIERS.resolve(FILES.get(2)));
        }
    }

    /** Every ZIP of the CSV copy is in the workbook's list at the same tier (counts are equal, so nothing more). */
    private static void sameAsCsv(ReferenceIndex idx, String carrier, LocalDate day, Path csv) throws IOException {
        try (var lines = Files.lines(csv)) {
            lines.skip(1).forEach(l -> {
                String[] f = l.split(",");
                DeliveryAreaListing d = idx.deliveryArea(carrier, day, f[0]).orElseThrow();
                assertTrue(d.listed(), l);
                assertEquals(DeliveryAreaTier.of(f[1]).orElseThrow().name(), d.areaType(), l);
            });
        }
    }
}
