package org.shipaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.findings.Finding;
import org.shipaudit.model.ChargeLine;
import org.shipaudit.model.ChargeLineBuilder;
import org.shipaudit.model.ChargeType;
import org.shipaudit.model.RateCheck;
import org.shipaudit.reference.ImportSummary;
import org.shipaudit.reference.ReferenceImporter;
import org.shipaudit.reference.ReferenceIndex;
import org.shipaudit.rules.RulePackRegistry;

/**
 * RAT-002 end to end: published rates and a contract discount imported, transportation charges rated by the
 * enrichment, judged by the rates pack and settled per package. Tables are fixtures written here; the amounts are
 * worked by hand in each test.
 */
class PublishedRateCheckTest {

    @TempDir
    static Path dir;
    static RulePackRegistry packs;

    @BeforeAll
    static void loadPacks() {
        packs = RulePackRegistry.load(Path.of("rules"));
    }

    private static Path index(String name, String discounts) throws IOException {
        Path idx = dir.resolve(name);
        List<Path> files = new java.util.ArrayList<>(List.of(
                Files.writeString(dir.resolve(name + "-fedex_ground_list_rates_2025.csv"),
                        "Weight_lbs,Zone2,Zone8\n10,14.98,30.00\n20,20.00,40.79\n"),
                Files.writeString(dir.resolve(name + "-ups_daily_rates_2026.csv"),
                        "service,weight_lbs,zone,rate_usd\nUPS® Ground,10,5,20.00\n")));
        if (discounts != null) {
            files.add(Files.writeString(dir.resolve(name + "-discounts.csv"), "carrier,account,service,zones,"
                    + "weight_from_lb,weight_to_lb,discount_percent,effective_from,effective_to,source\n" + discounts));
        }
        try (ReferenceImporter importer = ReferenceImporter.open(idx)) {
            List<ImportSummary> s = importer.importPaths(files);
            s.forEach(x -> assertTrue(x.ok(), x.toString()));
        }
        return idx;
    }

    static ChargeLine fedex(long row, String tracking, String zone, double lb, ChargeType type, String amount) {
        return ChargeLineBuilder.line(row).invoice("496609257", LocalDate.of(2025, 8, 4)).carrier("FEDEX")
                .account("358924557").tracking(tracking).shipped(LocalDate.of(2025, 7, 25)).service("HOME_DELIVERY")
                .zone(zone).recipient("1 Main St", "Arlington", "WA", "98223", "US").weights(lb, lb)
                .charge(type, type == ChargeType.FREIGHT ? "Transportation Charge" : "Earned Discount", null)
                .amount(amount, "USD").build();
    }

    private static Map<String, String> claims(List<Finding> findings) {
        Map<String, String> out = new TreeMap<>();
        findings.stream().filter(f -> f.ruleId().equals("RAT-002"))
                .forEach(f -> out.put(f.subject(), f.claimable().toPlainString()));
        return out;
    }

    @Test
    void withoutAContractDiscountOnlyAGrossAboveListIsClaimedAndOnlyTheShareOfItPaid() throws IOException {
        try (ReferenceIndex idx = ReferenceIndex.open(index("list", null))) {
            InvoiceAuditor auditor = new InvoiceAuditor(packs, new InvoiceEnricher(idx, null));
            List<ChargeLine> lines = List.of(
                    // 45.00 billed against a list rate of 40.79, 20.25 of discounts: (45.00 - 40.79) x 24.75 / 45.00
                    fedex(2, "T1", "8", 19.2, ChargeType.FREIGHT, "45.00"),
                    fedex(2, "T1", "8", 19.2, ChargeType.DISCOUNT, "-20.25"),
                    // at the list rate, discounted as the real FedEx file is: nothing
                    fedex(3, "T2", "08", 20, ChargeType.FREIGHT, "40.79"),
                    fedex(3, "T2", "08", 20, ChargeType.DISCOUNT, "-23.01"),
                    // 21 lb has no cell in this table: counted, not guessed
                    fedex(4, "T3", "8", 21, ChargeType.FREIGHT, "44.00"));
            BatchAudit audit = auditor.audit(lines, List.of(), auditor.expectations(lines));
            assertEquals(Map.of("rows[2]", "2.31"), claims(audit.findings()), audit.findings().toString());
            assertEquals(Map.of(RateCheck.ABOVE, 1L, RateCheck.WITHIN, 1L, RateCheck.NO_RATE, 1L),
                    audit.rateChecks());
            Finding f = audit.findings().stream().filter(x -> x.ruleId().equals("RAT-002")).findFirst().orElseThrow();
            assertEquals("40.79", f.evidence().get("listRate"));
            assertEquals("24.75", f.evidence().get("billedNet"));
        }
    }

    @Test
    void withAContractDiscountTheNetTransportationAboveListLessTheDiscountIsClaimed() throws IOException {
        try (ReferenceIndex idx = ReferenceIndex.open(index("contract",
                "FEDEX,,HOME_DELIVERY,,1,20,40,2025-01-06,,agreement 2025 tier 1\n"
                + "UPS,,GROUND,2-8,,,30,2025-12-22,,agreement 2026\n"))) {
            InvoiceAuditor auditor = new InvoiceAuditor(packs, new InvoiceEnricher(idx, null));
            ChargeLine ups = ChargeLineBuilder.line(5).invoice("0000HE6132", LocalDate.of(2026, 1, 10))
                    .carrier("UPS").account("HE6132").tracking("1Z1").shipped(LocalDate.of(2026, 1, 5))
                    .service("Ground").zone("005").weights(9.4, 10.0).charge(ChargeType.FREIGHT, "003", "Ground")
                    .published("20.00").amount("15.50", "USD").build();
            List<ChargeLine> lines = List.of(
                    // zone 2, 10 lb: list 14.98 less 40 % is 8.99; paid 14.98 - 5.88 = 9.10 net: 0.11 over
                    fedex(2, "T1", "2", 10, ChargeType.FREIGHT, "14.98"),
                    fedex(2, "T1", "2", 10, ChargeType.DISCOUNT, "-5.88"),
                    // zone 8, 20 lb: 40.79 less 40 % is 24.47; paid 24.47 net: within
                    fedex(3, "T2", "8", 20, ChargeType.FREIGHT, "40.79"),
                    fedex(3, "T2", "8", 20, ChargeType.DISCOUNT, "-16.32"),
                    // UPS bills net (15.50) and states the incentive: 20.00 less 30 % is 14.00, 1.50 over
                    ups);
            BatchAudit audit = auditor.audit(lines, List.of(), auditor.expectations(lines));
            assertEquals(Map.of("rows[2]", "0.11", "rows[5]", "1.50"), claims(audit.findings()),
                    audit.findings().toString());
            assertEquals(Map.of(RateCheck.ABOVE, 2L, RateCheck.WITHIN, 1L), audit.rateChecks());
            Finding f = audit.findings().stream().filter(x -> x.subject().equals("rows[5]")).findFirst().orElseThrow();
            assertEquals("30", f.evidence().get("discountPercent"));
            assertEquals(new BigDecimal("1.50"), f.claimable());
        }
    }

    @Test
    void aShipmentOutsideTheTablesRateYearIsCountedNotJudged() throws IOException {
        try (ReferenceIndex idx = ReferenceIndex.open(index("years", null))) {
            InvoiceAuditor auditor = new InvoiceAuditor(packs, new InvoiceEnricher(idx, null));
            ChargeLine ups = ChargeLineBuilder.line(2).invoice("0000HE6132", LocalDate.of(2025, 8, 23))
                    .carrier("UPS").tracking("1Z2").service("Ground").zone("005").weights(10.0, 10.0)
                    .charge(ChargeType.FREIGHT, "003", "Ground").published("99.00").amount("60.00", "USD").build();
            List<ChargeLine> lines = List.of(ups, ChargeLineBuilder.of(fedex(3, "T9", "8", 20, ChargeType.FREIGHT,
                    "99.00")).shipped(LocalDate.of(2026, 2, 2)).build());
            BatchAudit audit = auditor.audit(lines, List.of(), auditor.expectations(lines));
            assertEquals(Map.of(), claims(audit.findings()), "UPS's 2026 rates start 2025-12-22 (invoice 2025-08-23), "
                    + "FedEx's 2025 rates ended 2026-01-04: " + audit.findings());
            assertEquals(Map.of(RateCheck.NOT_IN_FORCE, 2L), audit.rateChecks());
        }
    }
}
