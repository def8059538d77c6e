package org.shipaudit.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.OfficialData;
import org.shipaudit.audit.InvoiceAuditor;
import org.shipaudit.audit.InvoiceEnricher;
import org.shipaudit.reference.ImportSummary;
import org.shipaudit.reference.ReferenceImporter;
import org.shipaudit.reference.ReferenceIndex;
import org.shipaudit.reference.zones.ZoneStatus;
import org.shipaudit.rules.RulePackRegistry;
import org.shipaudit.store.Database;

/**
 * The carriers' zone charts in ../shared/reference-data/carriers/zones against the real exports (RAT-003). The FedEx
 * chart's file is undated and refused as it is named; MANIFEST.md dates it to the 2026 project, so it is linked here
 * under a 2026 name (FedEx's 2026 rates took effect 2026-01-05). Pins: no zone finding on the real files (their
 * shipments of July-August 2025 predate both charts), and what the charts say of the real files' own lanes.
 * Skipped when the shared reference data is absent.
 */
@OfficialData
class RealZoneChartsTest {

    private static final Path SHARED = Path.of("../shared/reference-data");

    @TempDir
    Path dir;
    private Path index;

    @BeforeEach
    void importCharts() throws Exception {
        Path zones = SHARED.resolve("carriers/zones");
        Assumptions.assumeTrue(Files.isDirectory(zones) && Files.isDirectory(SHARED.resolve("carrier_invoices")),
                "the zone charts and real exports are not at ../shared/reference-data (see reference-data/SOURCES.md)");
        Path fedex = Files.createSymbolicLink(dir.resolve("fedex_zones_origin_dest_ranges_2026.csv"),
                zones.resolve("fedex_zones_origin_dest_ranges.csv").toAbsolutePath());
        index = dir.resolve("index");
        try (ReferenceImporter importer = ReferenceImporter.open(index)) {
            List<ImportSummary> out = importer.importPaths(List.of(
                    zones.resolve("ups_zone_chart_origin3_dest3_2026.csv.gz"), fedex,
                    SHARED.resolve("carriers/rates/ups_daily_rates_2026_domestic.csv"),
                    SHARED.resolve("carriers/rates/fedex_ground_list_rates_2025_shippingcosts.csv")));
            out.forEach(s -> assertTrue(s.ok(), s.toString()));
            ImportSummary ups = summary(out, "ups_zone_chart");
            ImportSummary fedexChart = summary(out, "fedex_zones");
            assertEquals(824_037, ups.rowsRead());
            assertEquals(902, ups.rowsIndexed(), "one block per UPS origin ZIP3");
            assertEquals(0, ups.rowsSkipped(), ups.toString());
            // 1,220 Ground cells of the shared FedEx copy hold a ZIP code (96700, 99500) where its flattening ran
            // a range into the next: left out and named, never read as a zone.
            assertEquals(1_220, fedexChart.rowsSkipped());
            assertEquals(640, fedexChart.rowsIndexed(), "one block per FedEx origin range");
        }
    }

    @Test
    void theRealInvoicesRaiseNoZoneFindingTheirShipmentsPredateBothCharts() throws Exception {
        assertEquals(0, zoneFindings("fedex_billing_online_2025-07_to_08_redacted.csv", "fedex-billing"));
        assertEquals(0, zoneFindings("ups_billing_data_2025-08-23_redacted.csv", "ups-billing"));
        assertEquals(0, zoneFindings("ups_billing_data_2025-08-02_redacted.csv", "ups-billing"));
    }

    @Test
    void theChartsOnTheRealFilesLanes() throws Exception {
        try (ReferenceIndex idx = ReferenceIndex.open(index)) {
            LocalDate ups2026 = LocalDate.of(2026, 3, 2);
            // UPS billed 91745 -> 44614 at zone 008 in August 2025; the 2026 chart agrees.
            assertEquals("8", idx.zone("UPS", "Ground Commercial", "91745", "44614", ups2026).zone());
            // 91745 -> 60085 was billed 007 in August 2025; UPS's 2026 chart gives 8. Had the 2026 chart been
            // applied to that 2025 shipment this would be a false claim; the date keeps it out.
            assertEquals("8", idx.zone("UPS", "Ground Residential", "91745", "600854662", ups2026).zone());
            assertEquals(ZoneStatus.NOT_IN_FORCE, idx.zone("UPS", "GROUND", "91745", "600854662",
                    LocalDate.of(2025, 8, 1)).status());
            assertEquals("108", idx.zone("UPS", "Next Day Air", "91745", "44614", ups2026).zone());
        }
    }

    private static ImportSummary summary(List<ImportSummary> out, String file) {
        return out.stream().filter(s -> s.file().startsWith(file)).findFirst().orElseThrow();
    }

    private long zoneFindings(String invoice, String profile) throws Exception {
        Path work = Files.createDirectories(dir.resolve(invoice + ".work"));
        try (Database db = Database.open(work.resolve("db")); ReferenceIndex idx = ReferenceIndex.open(index)) {
            JobStore store = new JobStore(db);
            Path copy = work.resolve(invoice);
            Files.copy(SHARED.resolve("carrier_invoices").resolve(invoice), copy);
            Job job = OfflineInvoiceAudit.run(store, new InvoiceAuditor(RulePackRegistry.load(Path.of("rules")),
                    new InvoiceEnricher(idx, null)), new MappingStore(work.resolve("mappings")), copy, profile,
                    1L << 30, n -> { }, Clock.systemUTC());
            assertEquals(JobStatus.DONE, store.get(job.id()).orElseThrow().status());
            long[] n = {0};
            store.findings(job.id(), f -> n[0] += f.finding().ruleId().equals("RAT-003") ? 1 : 0);
            return n[0];
        }
    }
}
