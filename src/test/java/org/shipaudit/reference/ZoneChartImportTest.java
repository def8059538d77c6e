package org.shipaudit.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.reference.zones.ZoneAnswer;
import org.shipaudit.reference.zones.ZoneStatus;

/**
 * Zone charts (UPS origin ZIP3 x destination ZIP3, FedEx ZIP ranges, in the layouts the carriers' charts are flattened
 * to): recognised by header, dated from the rate year in their name, stored as blocks and answered after a reopen,
 * idempotent, bad cells named. Fixtures written here, shaped like the carriers' files (not their data).
 */
class ZoneChartImportTest {

    static final String UPS = "origin_zip3,dest_zip3,ground,3day,2day,2day_am,nda_saver,nda\n"
            + "917,917,2,302,202,242,132,102\n"
            + "917,606,8,308,208,248,138,108\n"
            + "917,006,45,,225,,,125\n"
            + "917,60x,8,308,208,248,138,108\n"
            + "917,850,4,304,204,24A,134,104\n"
            + "917,606,7,307,207,247,137,107\n";
    static final String FEDEX = "origin_zip_range,dest_zip_range,fedex_express_zone,fedex_ground_zone\n"
            + "28700-28899,00000-00399,NA,NA\n"
            + "28700-28899,00600-00799,*,NA\n"
            + "28700-28899,01000-01399,5,5\n"
            + "28700-28899,88500-96699,8,96700\n"
            + "28700-28899,96701,10,9\n"
            + "28700-28899,01300-01499,4,4\n";

    @TempDir
    Path dir;

    private List<ImportSummary> load(Path index, Path... files) throws IOException {
        try (ReferenceImporter importer = ReferenceImporter.open(index)) {
            return importer.importPaths(List.of(files));
        }
    }

    @Test
    void aUpsChartIsDatedByItsRateYearAndAnswersPerServiceAfterAReopen() throws IOException {
        Path file = Files.writeString(dir.resolve("ups_zone_chart_2026.csv"), UPS);
        assertEquals(ReferenceFormat.UPS_ZONE_CHART_CSV, FormatDetector.detect(file));
        Path idx = dir.resolve("idx");
        ImportSummary s = load(idx, file).get(0);
        assertTrue(s.ok(), s.toString());
        assertEquals(6, s.rowsRead());
        assertEquals(1, s.rowsIndexed(), "one block for origin 917");
        assertEquals(1L, s.skipped().get("row 5: origin_zip3 and dest_zip3: expected three digits each, found '917', "
                + "'60x'"), s.toString());
        assertEquals(1L, s.skipped().get("row 6: 2day_am: expected a UPS zone number such as 5 or 102, found '24A'"),
                s.toString());
        assertEquals(1L, s.skipped().get("row 7: origin 917 to 606 is listed twice"), s.toString());
        assertEquals(1, load(idx, file).get(0).rowsIndexed(), "a second import replaces the chart");
        try (ReferenceIndex index = ReferenceIndex.open(idx)) {
            LocalDate day = LocalDate.of(2026, 3, 2);
            ZoneAnswer ground = index.zone("UPS", "Ground Residential", "91745", "60601-4662", day);
            assertEquals(ZoneStatus.ZONE, ground.status());
            assertEquals("8", ground.zone(), "the first row for a pair stands; the repeat is refused");
            assertTrue(ground.allows("008"));
            assertTrue(ground.chart().contains("ups_zone_chart_2026, 2025-12-22 to open"), ground.chart());
            assertEquals("108", index.zone("UPS", "NEXT_DAY_AIR", "91745", "60601", day).zone());
            // 2nd Day Air and its A.M. variant share our service code: both series are the chart's answer.
            ZoneAnswer second = index.zone("UPS", "2nd Day Air", "91745", "60601", day);
            assertEquals(List.of("208", "248"), second.zones());
            assertNull(second.zone(), "ambiguous: not one zone to rate by");
            assertTrue(second.allows("248"));
            assertEquals(ZoneStatus.NOT_SERVED, index.zone("UPS", "3 Day Select", "91745", "00601", day).status());
            assertEquals("45", index.zone("UPS", "GROUND", "91745", "00601", day).zone());
            assertEquals("204", index.zone("UPS", "2nd Day Air", "91745", "85001", day).zone(),
                    "the unreadable A.M. cell is left out, the rest of the row stands");
            assertEquals(ZoneStatus.NOT_IN_CHART, index.zone("UPS", "GROUND", "100", "60601", day).status());
            assertEquals(ZoneStatus.NO_SERVICE, index.zone("UPS", "Ground Saver", "917", "606", day).status());
            assertEquals(ZoneStatus.NO_CHART, index.zone("DHL", "GROUND", "917", "606", day).status());
            assertEquals(ZoneStatus.NO_INPUT, index.zone("UPS", "GROUND", "917", "T2H0N3", day).status());
            // UPS's 2026 rates (and zones) took effect 2025-12-22: an August 2025 shipment is not judged by them.
            assertEquals(ZoneStatus.NOT_IN_FORCE, index.zone("UPS", "GROUND", "91745", "60601",
                    LocalDate.of(2025, 8, 20)).status());
            assertTrue(index.coverage().source("zones:UPS:2025-12-22").orElseThrow().edition()
                    .contains("1 origins, 23 cells"), index.coverage().sources().toString());
        }
    }

    @Test
    void aFedexChartByRangesReadsNotServedZoneElsewhereAndLeavesOutACellThatIsNotAZone() throws IOException {
        Path file = Files.writeString(dir.resolve("fedex_zones_2025.csv"), FEDEX);
        assertEquals(ReferenceFormat.FEDEX_ZONE_RANGES_CSV, FormatDetector.detect(file));
        Path idx = dir.resolve("idx");
        ImportSummary s = load(idx, file).get(0);
        assertTrue(s.ok(), s.toString());
        assertEquals(1L, s.skipped().get("row 5: fedex_ground_zone: expected a FedEx zone (one or two digits), NA "
                + "or *, found '96700'; destinations 88500-96699 from 28700-28899 are left out of that column"),
                s.toString());
        assertEquals(1L, s.skipped().get("row 7: destinations 01300-01499 overlap 01000-01399 (row 4) from the same "
                + "origin; left out"), s.toString());
        try (ReferenceIndex index = ReferenceIndex.open(idx)) {
            LocalDate day = LocalDate.of(2025, 7, 21);
            assertEquals("5", index.zone("FEDEX", "Home Delivery", "28726", "01002", day).zone());
            assertEquals("5", index.zone("FEDEX", "Priority Overnight", "28726", "013991234", day).zone());
            assertEquals(ZoneStatus.NOT_IN_CHART, index.zone("FEDEX", "Ground", "28726", "01400", day).status());
            assertEquals(ZoneStatus.NOT_IN_CHART, index.zone("FEDEX", "Ground", "28726", "92129", day).status(),
                    "the unreadable Ground cell is not a zone");
            assertEquals("8", index.zone("FEDEX", "Express Saver", "28726", "92129", day).zone());
            assertEquals("9", index.zone("FEDEX", "Ground", "28726", "96701", day).zone());
            assertEquals(ZoneStatus.NOT_SERVED, index.zone("FEDEX", "Ground", "28726", "00601", day).status());
            assertEquals(ZoneStatus.ZONE_ELSEWHERE, index.zone("FEDEX", "Standard Overnight", "28726", "00601", day)
                    .status());
            assertEquals(ZoneStatus.NOT_IN_CHART, index.zone("FEDEX", "Ground", "30301", "01002", day).status());
            // FedEx's 2025 rates ended when its 2026 rates took effect (2026-01-05): so does the 2025 chart.
            assertEquals(ZoneStatus.NOT_IN_FORCE, index.zone("FEDEX", "Ground", "28726", "01002",
                    LocalDate.of(2026, 1, 5)).status());
        }
    }

    @Test
    void aChartWhoseNameGivesNoEditionIsSkippedAndTheLoadedOneStays() throws IOException {
        Path idx = dir.resolve("idx");
        assertTrue(load(idx, Files.writeString(dir.resolve("fedex_zones_2025.csv"), FEDEX)).get(0).ok());
        ImportSummary s = load(idx, Files.writeString(dir.resolve("fedex_zones_origin_dest_ranges.csv"),
                FEDEX.replace(",5,5", ",6,6"))).get(0);
        assertEquals(0, s.rowsIndexed());
        assertTrue(s.skipped().keySet().stream().anyMatch(k -> k.contains("does not say its edition")),
                s.toString());
        try (ReferenceIndex index = ReferenceIndex.open(idx)) {
            assertEquals("5", index.zone("FEDEX", "Ground", "28726", "01002", LocalDate.of(2025, 7, 21)).zone());
        }
    }

    @Test
    void zoneLocatorExportsAndUspsCityColumnsAreReportedNotImported() throws IOException {
        Path locator = Files.writeString(dir.resolve("fedex_zone_locator.csv"),
                "State/Province, Dest Zip/Postal Code, Service Days, Zone\nMA,01001,2,004\n");
        Path usps = Files.writeString(dir.resolve("usps_zones.csv"), "zip_prefix,phx_zone,cmh_zone\n005,8,4\n");
        List<ImportSummary> out = load(dir.resolve("idx"), locator, usps);
        assertTrue(out.get(0).skipped().keySet().iterator().next().contains("does not say its origin"), out.toString());
        assertTrue(out.get(1).skipped().keySet().iterator().next().contains("origins by city"), out.toString());
    }
}
