package org.shipaudit.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.OfficialData;
import org.shipaudit.audit.InvoiceAuditor;
import org.shipaudit.audit.InvoiceEnricher;
import org.shipaudit.model.RateCheck;
import org.shipaudit.reference.ImportSummary;
import org.shipaudit.reference.ReferenceImporter;
import org.shipaudit.reference.ReferenceIndex;
import org.shipaudit.rules.RulePackRegistry;
import org.shipaudit.store.Database;

/**
 * The real exports' transportation charges against the carriers' published rates (../shared/reference-data/carriers/
 * rates) as RAT-002 judges them, with and without a contract discount; the job total, disputes file and workbook
 * agree to the cent. The discount tables are written here from what the FedEx file itself shows (its Performance
 * Pricing is 36 % to 20 lb, 38 % to 50 lb, 40 % above); no row of the shared files enters the project. Skipped when
 * the shared reference data is absent.
 */
@OfficialData
class RealPublishedRatesTest {

    private static final Path SHARED = Path.of("../shared/reference-data");
    private static final String DISCOUNTS = "carrier,account,service,zones,weight_from_lb,weight_to_lb,"
            + "discount_percent,effective_from,effective_to,source\n";

    @TempDir
    Path dir;

    /** What one audit said: the outcome counts, RAT-002's findings and their claims. */
    private record Outcome(Map<RateCheck, Long> checks, long findings, BigDecimal claimed) {
    }

    @Test
    void theRealFedexTransportationChargesAreAtTheFedex2025ListRateAndWithinItsOwnDiscounts() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(SHARED.resolve("carriers/rates"))
                && Files.isDirectory(SHARED.resolve("carrier_invoices")), "the real exports and published rates are "
                + "not at ../shared/reference-data (see reference-data/SOURCES.md)");
        List<Path> rates = List.of(SHARED.resolve("carriers/rates/fedex_ground_list_rates_2025_shippingcosts.csv"),
                SHARED.resolve("carriers/rates/fedex_ground_ak_hi_list_rates_2025_shippingcosts.csv"));
        String fedex = "fedex_billing_online_2025-07_to_08_redacted.csv";
        // Every one of the 1,186 Home Delivery transportation charges (shipped July-August 2025) is the 2025 list
        // rate for its zone and rated weight to the cent, as checked by hand: no finding. The 2 "Weekly Service Chg"
        // rows bill no transportation (no zone, no weight: INCOMPLETE).
        Outcome list = audit("list", fedex, "fedex-billing", rates, null);
        assertEquals(Map.of(RateCheck.WITHIN, 1186L, RateCheck.INCOMPLETE, 2L), list.checks());
        assertEquals(0, list.findings());
        // With the Performance Pricing tiers the file shows as the contract discount, every package's net (after its
        // Earned Discount and Performance Pricing lines) is within the list rate less that discount: no finding.
        Outcome contract = audit("contract", fedex, "fedex-billing", rates, DISCOUNTS
                + "FEDEX,,HOME_DELIVERY,,1,20,36,2025-01-06,,performance pricing tier 1\n"
                + "FEDEX,,HOME_DELIVERY,,21,50,38,2025-01-06,,performance pricing tier 2\n"
                + "FEDEX,,HOME_DELIVERY,,51,,40,2025-01-06,,performance pricing tier 3\n");
        assertEquals(Map.of(RateCheck.WITHIN, 1186L, RateCheck.INCOMPLETE, 2L), contract.checks());
        assertEquals(0, contract.findings());
        // A contract promising 40 % up to 20 lb is not what these packages got in zone 2, where the Earned Discount
        // is 3.3 %: the 62 packages of 10 lb there paid 9.10 net against 14.98 less 40 % = 8.99, 0.11 each
        // (worked by hand from the file), 6.82 in all. This shows the check reads the real rows.
        Outcome deeper = audit("deeper", fedex, "fedex-billing", rates, DISCOUNTS
                + "FEDEX,,HOME_DELIVERY,,1,20,40,2025-01-06,,a deeper tier 1\n"
                + "FEDEX,,HOME_DELIVERY,,21,50,38,2025-01-06,,performance pricing tier 2\n"
                + "FEDEX,,HOME_DELIVERY,,51,,40,2025-01-06,,performance pricing tier 3\n");
        assertEquals(Map.of(RateCheck.WITHIN, 1124L, RateCheck.ABOVE, 62L, RateCheck.INCOMPLETE, 2L),
                deeper.checks());
        assertEquals(62, deeper.findings());
        assertEquals(0, new BigDecimal("6.82").compareTo(deeper.claimed()), deeper.toString());
    }

    @Test
    void theRealUpsInvoicePredatesUps2026RatesSoTheCheckStaysSilentAndSaysWhy() throws Exception {
        Path daily = SHARED.resolve("carriers/rates/ups_daily_rates_2026_domestic.csv");
        Assumptions.assumeTrue(Files.isRegularFile(daily) && Files.isDirectory(SHARED.resolve("carrier_invoices")),
                "the real UPS export and UPS daily rates are not at ../shared/reference-data");
        // UPS's 2026 Daily Rates took effect 2025-12-22; this invoice is dated 2025-08-23 and its rows ship on their
        // Transaction Date (2025-07-30 to 08-23): none of its transportation charges can be judged by them.
        // Its published charges (incentive plus net) run at 94-95 % of the 2026 rates (UPS's yearly increase): judged
        // by the 2026 table they would all pass, a clean bill the check never made. Counted NOT_IN_FORCE instead.
        Outcome ups = audit("ups", "ups_billing_data_2025-08-23_redacted.csv", "ups-billing", List.of(daily), null);
        assertEquals(Map.of(RateCheck.NOT_IN_FORCE, 238L), ups.checks(),
                "its 238 shipment transportation rows (FRT of category SHP; corrections are not transportation)");
        assertEquals(0, ups.findings());
    }

    private Outcome audit(String name, String invoice, String profile, List<Path> rates, String discounts)
            throws Exception {
        Path work = Files.createDirectories(dir.resolve(name));
        List<Path> tables = new ArrayList<>(rates);
        if (discounts != null) {
            tables.add(Files.writeString(work.resolve("discounts.csv"), discounts));
        }
        Path index = work.resolve("index");
        try (ReferenceImporter importer = ReferenceImporter.open(index)) {
            for (ImportSummary s : importer.importPaths(tables)) {
                assertTrue(s.ok(), s.toString());
                assertTrue(s.skipped().keySet().stream().noneMatch(r -> r.startsWith("row ")), "no bad row: " + s);
            }
        }
        try (Database db = Database.open(work.resolve("db")); ReferenceIndex idx = ReferenceIndex.open(index)) {
            JobStore store = new JobStore(db);
            MappingStore mappings = new MappingStore(work.resolve("mappings"));
            Path copy = work.resolve(invoice);
            Files.copy(SHARED.resolve("carrier_invoices").resolve(invoice), copy);
            Job job = OfflineInvoiceAudit.run(store, new InvoiceAuditor(RulePackRegistry.load(Path.of("rules")),
                    new InvoiceEnricher(idx, null)), mappings, copy, profile, 1L << 30, n -> { }, Clock.systemUTC());
            Job done = store.get(job.id()).orElseThrow();
            assertEquals(JobStatus.DONE, done.status());
            long[] findings = {0};
            BigDecimal[] claimed = {BigDecimal.ZERO};
            store.findings(job.id(), f -> {
                if (f.finding().ruleId().equals("RAT-002")) {
                    findings[0]++;
                    claimed[0] = claimed[0].add(f.finding().claimable());
                }
            });
            JobReports reports = new JobReports(store, mappings, 1L << 30);
            BigDecimal disputesFile = RealCarrierInvoicesTest.disputesTotal(reports, done);
            assertEquals(0, done.disputableAmount().amount().compareTo(disputesFile), "job total = disputes file");
            assertEquals(0, disputesFile.compareTo(RealCarrierInvoicesTest.workbookTotal(reports, done)),
                    "disputes file = workbook");
            assertEquals(0, claimed[0].compareTo(disputesFile), "RAT-002's claims are the disputes file: " + name);
            return new Outcome(done.publishedRateChecks(), findings[0], claimed[0]);
        }
    }
}
