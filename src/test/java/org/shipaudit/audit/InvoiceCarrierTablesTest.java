package org.shipaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.findings.Finding;
import org.shipaudit.model.ChargeLine;
import org.shipaudit.model.ChargeLineBuilder;
import org.shipaudit.model.ChargeType;
import org.shipaudit.model.DeliveryAreaCheck;
import org.shipaudit.model.FuelRate;
import org.shipaudit.reference.ImportSummary;
import org.shipaudit.reference.ReferenceImporter;
import org.shipaudit.reference.ReferenceIndex;
import org.shipaudit.rules.RulePackRegistry;

/**
 * Carrier tables end to end: delivery-area lists and fuel tables imported from their CSV layouts, looked up by the
 * invoice enrichment, and judged by ACC-006 and ACC-007 with the real packs. The tables here are test fixtures
 * written for this test, not carrier data.
 */
class InvoiceCarrierTablesTest {

    @TempDir
    static Path dir;
    static Path index;
    static RulePackRegistry packs;

    @BeforeAll
    static void importTables() throws IOException {
        index = dir.resolve("idx");
        Path das = Files.writeString(dir.resolve("ups-das-2026.csv"), "carrier,year,postal_code,area_type\n"
                + "UPS,2026,59001,EXTENDED\nUPS,2026,4401,DAS\nUPS,2025,59002,DAS\n");
        Path fuel = Files.writeString(dir.resolve("ups-fuel.csv"),
                "carrier,service_group,effective_from,effective_to,percent,applies_to,source\n"
                + "UPS,GROUND,2026-11-09,2026-11-15,14.75,,test fixture\n"
                + "UPS,GROUND,2026-11-16,2026-11-22,15.00,FREIGHT RESIDENTIAL_SURCHARGE,test fixture\n"
                + "UPS,AIR,2026-11-16,,19.5%,,test fixture\n");
        Path rates = Files.writeString(dir.resolve("ups-rates-2026.csv"),
                "carrier,service,zone,weight_lb,list_rate,discount_percent,effective_from,effective_to,source\n"
                + "UPS,UPS Ground,005,3,12.10,22.5,2026-01-01,2026-12-31,agreement 2026\n"
                + "UPS,GROUND,5,4,13.40,22.5,2026-01-01,2026-12-31,agreement 2026\n"
                + "UPS,GROUND,5,4,11.00,22.5,2025-01-01,2025-12-31,agreement 2025\n");
        try (ReferenceImporter importer = ReferenceImporter.open(index)) {
            List<ImportSummary> s = importer.importPaths(List.of(das, fuel, rates));
            s.forEach(x -> assertEquals(null, x.error(), x.toString()));
        }
        packs = RulePackRegistry.load(Path.of("rules"));
    }

    static ChargeLine line(long row, String tracking, String service, String zip, ChargeType type, String amount) {
        return ChargeLineBuilder.line(row).invoice("INV-47", LocalDate.of(2026, 11, 23)).carrier("UPS").account("A1")
                .tracking(tracking).shipped(LocalDate.of(2026, 11, 17)).service(service).zone("5")
                .senderPostalCode("43215").recipient("1 Main St", "Town", "MT", zip, "US").weights(3.0, 3.0)
                .charge(type, type.name(), null).amount(amount, "USD").build();
    }

    @Test
    void theEnrichmentSaysWhetherAZipIsOnTheListForTheShipYear() throws IOException {
        try (ReferenceIndex idx = ReferenceIndex.open(index)) {
            InvoiceEnricher enricher = new InvoiceEnricher(idx, null);
            List<Object> facts = enricher.facts(List.of(
                    line(2, "T1", "GROUND", "59001", ChargeType.DELIVERY_AREA_SURCHARGE, "4.45"),
                    line(3, "T2", "GROUND", "59002", ChargeType.DELIVERY_AREA_SURCHARGE, "4.45"),
                    line(4, "T3", "GROUND", "59001", ChargeType.FREIGHT, "12.00"))).stream()
                    .filter(f -> f instanceof DeliveryAreaCheck).toList();
            assertEquals(2, facts.size(), "one fact per delivery-area charge, none for freight: " + facts);
            DeliveryAreaCheck listed = (DeliveryAreaCheck) facts.get(0);
            assertTrue(listed.listed());
            assertEquals("EXTENDED", listed.areaType());
            DeliveryAreaCheck unlisted = (DeliveryAreaCheck) facts.get(1);
            assertFalse(unlisted.listed(), "59002 is on the 2025 list only");
            assertTrue(idx.deliveryArea("ups", java.time.LocalDate.of(2026, 3, 2), "04401-1234").orElseThrow().listed(),
                    "a ZIP saved as the number 4401 is 04401, and ZIP+4 is cut to five digits");
        }
    }

    @Test
    void noListForTheYearMeansNoFactRatherThanAGuess() throws IOException {
        try (ReferenceIndex idx = ReferenceIndex.open(index)) {
            ChargeLine fedex = ChargeLineBuilder.line(2).invoice("INV-47", LocalDate.of(2026, 11, 23)).carrier("FEDEX")
                    .account("A1").tracking("T9").shipped(LocalDate.of(2026, 11, 17)).service("GROUND")
                    .recipient(null, null, null, "59002", "US").weights(3.0, 3.0)
                    .charge(ChargeType.DELIVERY_AREA_SURCHARGE, "DAS", null).amount("4.45", "USD").build();
            assertTrue(new InvoiceEnricher(idx, null).facts(List.of(fedex)).isEmpty());
        }
    }

    @Test
    void theFuelRowInForceOnTheShipDateIsChosenByServiceGroup() throws IOException {
        try (ReferenceIndex idx = ReferenceIndex.open(index)) {
            InvoiceEnricher enricher = new InvoiceEnricher(idx, null);
            FuelRate ground = (FuelRate) enricher.facts(List.of(
                    line(5, "T1", "GROUND", "10001", ChargeType.FUEL_SURCHARGE, "1.00"))).get(0);
            assertEquals(0, new BigDecimal("15.00").compareTo(ground.percent()));
            assertEquals("GROUND", ground.group());
            FuelRate air = (FuelRate) enricher.facts(List.of(
                    line(5, "T1", "NEXT_DAY_AIR", "10001", ChargeType.FUEL_SURCHARGE, "1.00"))).get(0);
            assertEquals(0, new BigDecimal("19.5").compareTo(air.percent()));
            assertTrue(air.appliesTo(ChargeType.DELIVERY_AREA_SURCHARGE), "a blank applies_to takes the default set");
        }
    }

    @Test
    void theInvoiceAuditDisputesAnUnlistedZipAndTheFuelOvercharge() throws IOException {
        try (ReferenceIndex idx = ReferenceIndex.open(index)) {
            InvoiceAuditor auditor = new InvoiceAuditor(packs, new InvoiceEnricher(idx, null));
            List<Finding> findings = audit(auditor, List.of(
                    line(2, "T1", "GROUND", "59003", ChargeType.FREIGHT, "10.00"),
                    line(3, "T1", "GROUND", "59003", ChargeType.RESIDENTIAL_SURCHARGE, "5.00"),
                    line(4, "T1", "GROUND", "59003", ChargeType.DELIVERY_AREA_SURCHARGE, "4.45"),
                    line(5, "T1", "GROUND", "59003", ChargeType.FUEL_SURCHARGE, "3.00"),
                    line(6, "T2", "GROUND", "59001", ChargeType.FREIGHT, "10.00"),
                    line(7, "T2", "GROUND", "59001", ChargeType.DELIVERY_AREA_SURCHARGE, "4.45"),
                    line(8, "T2", "GROUND", "59001", ChargeType.FUEL_SURCHARGE, "1.50")), List.of());
            Finding das = findings.stream().filter(f -> f.ruleId().equals("ACC-006")).findFirst().orElseThrow();
            assertEquals("rows[4]", das.subject());
            assertEquals(0, new BigDecimal("4.45").compareTo(das.amount().amount()));
            Finding fuel = findings.stream().filter(f -> f.ruleId().equals("ACC-007")).findFirst().orElseThrow();
            assertEquals("rows[5]", fuel.subject());
            assertEquals(0, new BigDecimal("0.75").compareTo(fuel.amount().amount()),
                    "15 % of freight 10.00 and residential 5.00 (the DAS is not in this row's applies_to) is 2.25");
            assertTrue(findings.stream().noneMatch(f -> f.subject().equals("rows[7]") || f.subject().equals("rows[8]")),
                    "T2: listed ZIP, and fuel 1.50 is 15 % of 10.00: " + findings);
        }
    }

    /** The batch audited as a job audits it: expectations from the weights pack, then the invoice packs. */
    static List<Finding> audit(InvoiceAuditor auditor, List<ChargeLine> lines, List<org.shipaudit.model.PriorCharge> prior) {
        return auditor.audit(lines, prior, auditor.expectations(lines)).findings();
    }

    static ChargeLine billedAt(ChargeLine l, double billedLb) {
        return ChargeLineBuilder.of(l).weights(l.actualWeightLb(), billedLb).build();
    }

    @Test
    void transportationAboveTheContractRateIsDisputedAtTheBilledWeightStep() throws IOException {
        try (ReferenceIndex idx = ReferenceIndex.open(index)) {
            InvoiceAuditor auditor = new InvoiceAuditor(packs, new InvoiceEnricher(idx, null));
            List<Finding> findings = audit(auditor, List.of(
                    line(2, "T5", "GROUND", "10001", ChargeType.FREIGHT, "11.20"),
                    line(3, "T6", "GROUND", "10001", ChargeType.FREIGHT, "9.38"),
                    billedAt(line(4, "T7", "GROUND", "10001", ChargeType.FREIGHT, "10.39"), 3.2),
                    billedAt(line(5, "T8", "GROUND", "10001", ChargeType.FREIGHT, "10.50"), 3.2)), List.of());
            java.util.Map<String, String> rate = new java.util.TreeMap<>();
            findings.stream().filter(f -> f.ruleId().equals("RAT-001"))
                    .forEach(f -> rate.put(f.subject(), f.amount().amount().toPlainString()));
            assertEquals(java.util.Map.of("rows[2]", "1.82", "rows[5]", "0.11"), rate,
                    "3 lb: list 12.10 less 22.5 % is 9.38 (the sheet wrote zone 005 and 'UPS Ground'); 3.2 lb is rated "
                    + "at the 4 lb step, 13.40 less 22.5 % is 10.39 (the 2025 row is not in force): " + findings);
        }
    }

    @Test
    void aWeightOverchargeIsReRatedFromTheRateSheetNotProratedFromTheFreight() throws IOException {
        // Billed 4 lb at the 4 lb contract rate (13.40 less 22.5 % = 10.39), billable 3 lb: the sheet prices 3 lb at
        // 12.10 less 22.5 % = 9.38, so 1.01 is claimed (prorating would have said 10.39 x 1/4 = 2.60).
        ChargeLine freight = ChargeLineBuilder.line(2).invoice("INV-47", LocalDate.of(2026, 11, 23)).carrier("UPS")
                .account("A1").tracking("TW").shipped(LocalDate.of(2026, 11, 17)).service("GROUND").zone("5")
                .senderPostalCode("43215").recipient("1 Main St", "Town", "MT", "59003", "US").weights(2.4, 4.0)
                .dimensions(10.0, 8.0, 6.0).charge(ChargeType.FREIGHT, "FREIGHT", null).amount("10.39", "USD").build();
        List<org.shipaudit.model.ExpectedCharges> expected = List.of(new org.shipaudit.model.ExpectedCharges("TW", 2,
                3, "actual weight", java.util.Set.of(), true));
        try (ReferenceIndex idx = ReferenceIndex.open(index)) {
            InvoiceEnricher enricher = new InvoiceEnricher(idx, null);
            assertEquals(List.of(new org.shipaudit.model.BillableWeightRate(2, 3, new BigDecimal("9.38"),
                    "agreement 2026")), enricher.rerates(List.of(freight), expected));
            List<Finding> findings = new InvoiceAuditor(packs, enricher).audit(List.of(freight), List.of(),
                    new InvoiceAuditor.Expectations(expected, null)).findings();
            List<Finding> weight = findings.stream().filter(f -> f.ruleId().startsWith("WBL")).toList();
            assertEquals(1, weight.size(), findings.toString());
            assertEquals("WBL-002", weight.get(0).ruleId());
            assertEquals(new BigDecimal("1.01"), weight.get(0).amount().amount());
        }
    }

    @Test
    void aNewRateSheetIsUsedAfterTheRefreshThatSeesIt() throws IOException {
        Path idxDir = dir.resolve("idx-rates");
        String head = "carrier,service,zone,weight_lb,list_rate,discount_percent,effective_from,effective_to,source\n";
        try (ReferenceImporter importer = ReferenceImporter.open(idxDir)) {
            importer.importPaths(List.of(Files.writeString(dir.resolve("r1.csv"),
                    head + "FEDEX,GROUND,2,5,10.00,10,2026-01-01,,a1\n")));
        }
        try (ReferenceIndex idx = ReferenceIndex.open(idxDir)) {
            LocalDate day = LocalDate.of(2026, 11, 17);
            assertEquals("a1", idx.contractRate("FEDEX", "GROUND", "2", 5, day).orElseThrow().source());
            try (ReferenceImporter importer = ReferenceImporter.open(idxDir)) {
                importer.importPaths(List.of(Files.writeString(dir.resolve("r2.csv"),
                        head + "FEDEX,GROUND,2,5,11.00,10,2026-01-01,,a2\n")));
            }
            assertTrue(idx.refreshIfChanged());
            assertEquals("a2", idx.contractRate("FEDEX", "GROUND", "2", 5, day).orElseThrow().source(),
                    "the remembered cell of the old sheet is gone");
        }
    }

    @Test
    void aMalformedTableNamesItsRowAndKeepsThePreviousEdition() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad-fuel.csv"),
                "carrier,service_group,effective_from,effective_to,percent,applies_to,source\n"
                + "UPS,GROUND,2026-11-16,2026-11-22,16.00,,x\n"
                + "UPS,GROUND,2026-11-20,2026-11-29,16.50,,x\n");
        Path copy = dir.resolve("idx-copy");
        try (ReferenceImporter importer = ReferenceImporter.open(copy)) {
            importer.importPaths(List.of(dir.resolve("ups-fuel.csv")));
            ImportSummary s = importer.importPaths(List.of(bad)).get(0);
            assertNotNull(s.error());
            assertTrue(s.error().contains("3") && s.error().contains("overlaps row 2"), s.error());
        }
        try (ReferenceIndex idx = ReferenceIndex.open(copy)) {
            assertEquals(0, new BigDecimal("15.00").compareTo(idx.fuelRate("UPS", "GROUND",
                    LocalDate.of(2026, 11, 17)).orElseThrow().percent()), "the previous edition stays");
        }
        Path badZip = Files.writeString(dir.resolve("bad-das.csv"), "carrier,year,postal_code,area_type\nUPS,2026,59A01,DAS\n");
        try (ReferenceImporter importer = ReferenceImporter.open(copy)) {
            String error = importer.importPaths(List.of(badZip)).get(0).error();
            assertTrue(error.contains("5-digit ZIP") && error.contains("'59A01'"), error);
        }
    }
}
