package org.shipaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.OfficialData;
import org.shipaudit.findings.AuditResult;
import org.shipaudit.findings.Finding;
import org.shipaudit.model.AccessorialCharge;
import org.shipaudit.model.api.Address;
import org.shipaudit.model.DeliveryAreaTier;
import org.shipaudit.model.api.Dimensions;
import org.shipaudit.model.api.LengthUnit;
import org.shipaudit.model.Packaging;
import org.shipaudit.model.api.Shipment;
import org.shipaudit.model.api.ShipmentPackage;
import org.shipaudit.model.api.Weight;
import org.shipaudit.model.WeightUnit;
import org.shipaudit.reference.AccessorialAmount;
import org.shipaudit.reference.ImportSummary;
import org.shipaudit.reference.ReferenceImporter;
import org.shipaudit.reference.ReferenceIndex;
import org.shipaudit.rules.RulePackRegistry;

/**
 * The carriers' accessorial tables as published (../shared/reference-data/carriers/guides, the UPS and FedEx 2026
 * JSON summaries; the FedEx figures checked against "2026 changes to FedEx surcharges and fees") imported and priced:
 * amounts pinned against the published tables, and a pre-ship audit that shows them. Skipped when the shared data is
 * absent.
 */
@OfficialData
class CarrierAccessorialAmountsTest {

    private static final Path GUIDES = Path.of("../shared/reference-data/carriers/guides");
    private static final Path DAS = Path.of("../shared/reference-data/carriers/das");

    @TempDir
    Path dir;

    @Test
    void importsBothTablesOnceWhateverTheirNamesAndPricesByTriggerZoneTierAndAddressKind() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(GUIDES) && Files.isDirectory(DAS),
                "the carriers' tables are not at ../shared/reference-data (see reference-data/SOURCES.md)");
        Path renamed = dir.resolve("table.json");
        Files.copy(GUIDES.resolve("fedex_accessorials_2026_derived.json"), renamed);
        try (ReferenceImporter importer = ReferenceImporter.open(dir.resolve("idx"))) {
            // Twice: a re-import of the same edition replaces it (recognised by content, not by name).
            for (int i = 0; i < 2; i++) {
                List<ImportSummary> s = importer.importPaths(List.of(GUIDES.resolve("ups_accessorials_2026_derived.json"),
                        renamed));
                s.forEach(x -> assertTrue(x.ok(), x.toString()));
            }
        }
        try (ReferenceIndex index = ReferenceIndex.open(dir.resolve("idx"))) {
            var t = index.accessorials();
            LocalDate day = LocalDate.of(2026, 3, 10);
            // UPS additional handling by weight, zone 5: 56.25 (zones 5-6 band of the 2025-12-22 table).
            assertEquals(new BigDecimal("56.25"), amount(t.amount("UPS", day, AccessorialCharge.ADDITIONAL_HANDLING_WEIGHT,
                    null, false, null, 5)));
            // FedEx DAS residential extended: 8.80 ("U.S. Package Services (Extended Residential) $8.80 per package").
            assertEquals(new BigDecimal("8.80"), amount(t.amount("FEDEX", day, AccessorialCharge.DELIVERY_AREA, true,
                    false, DeliveryAreaTier.EXTENDED, null)));
            // Residential: UPS Ground 6.50; FedEx Ground / Home Delivery 6.45, FedEx Express 6.95.
            assertEquals(new BigDecimal("6.50"), amount(t.amount("UPS", day, AccessorialCharge.RESIDENTIAL, true, false,
                    null, null)));
            assertEquals(new BigDecimal("6.45"), amount(t.amount("FEDEX", day, AccessorialCharge.RESIDENTIAL, true,
                    false, null, null)));
            assertEquals(new BigDecimal("6.95"), amount(t.amount("FEDEX", day, AccessorialCharge.RESIDENTIAL, true,
                    true, null, null)));
            // Before the edition took effect nothing is in force; a zone-tiered amount needs the zone.
            assertTrue(t.amount("UPS", LocalDate.of(2025, 12, 21), AccessorialCharge.RESIDENTIAL, true, false, null,
                    null).isEmpty());
            assertTrue(t.amount("UPS", day, AccessorialCharge.ADDITIONAL_HANDLING_WEIGHT, null, false, null, null)
                    .isEmpty());
            // Imported twice, one edition per carrier.
            assertEquals(2, index.coverage().sources().stream().filter(s -> s.id().startsWith("accessorials:")).count());
        }
    }

    @Test
    void aPreShipAuditToAResidentialExtendedAreaZipCarriesEachPredictedSurchargesAmount() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(GUIDES) && Files.isDirectory(DAS),
                "the carriers' tables are not at ../shared/reference-data (see reference-data/SOURCES.md)");
        try (ReferenceImporter importer = ReferenceImporter.open(dir.resolve("idx"))) {
            importer.importPaths(List.of(GUIDES.resolve("ups_accessorials_2026_derived.json"),
                    DAS.resolve("ups_das_zips_2026.csv"))).forEach(x -> assertTrue(x.ok(), x.toString()));
        }
        try (ReferenceIndex index = ReferenceIndex.open(dir.resolve("idx"))) {
            ShipmentAuditor auditor = new ShipmentAuditor(RulePackRegistry.load(Path.of("rules")), Clock.systemUTC(),
                    r -> { }, new ShipmentEnricher(index));
            Address from = new Address(null, "Acme Inc", "100 Main St", null, "Columbus", "OH", "43215", "US", false);
            // 01005 (Barre, MA) is on the UPS 2026 list at das_extended.
            Address to = new Address("Jane Roe", null, "1 Main St", null, "Barre", "MA", "01005", "US", true);
            ShipmentPackage heavy = new ShipmentPackage("P1", new Weight(55.0, WeightUnit.LB),
                    new Dimensions(20.0, 16.0, 12.0, LengthUnit.IN), Packaging.BOX, null, null, null);
            Shipment s = new Shipment("MONEY-1", LocalDate.of(2026, 3, 10), "UPS", "GROUND", from, to, List.of(heavy),
                    List.of(), null, null, List.of(), "5");
            AuditResult r = auditor.audit(s);
            Map<String, Finding> byRule = r.findings().stream().collect(Collectors.toMap(Finding::ruleId, f -> f,
                    (a, b) -> a));
            assertEquals(new BigDecimal("56.25"), byRule.get("WGT-031").amount().amount(), r.toString());
            assertEquals(new BigDecimal("6.50"), byRule.get("WGT-032").amount().amount(), r.toString());
            assertEquals(new BigDecimal("8.85"), byRule.get("WGT-033").amount().amount(), r.toString());
            assertEquals("deliveryAreaSurcharge.groundResidentialExtended",
                    byRule.get("WGT-033").evidence().get("amountRow"));
            assertTrue(byRule.get("WGT-032").evidence().get("amountTable").contains("2025-12-22"));
            r.findings().forEach(f -> assertTrue(f.evidence().containsKey(Finding.SOURCE), f.toString()));
        }
    }

    /**
     * FedEx's Alaska and Hawaii delivery-area amounts are only in "2026 changes to FedEx surcharges and fees" (page 4:
     * $46 and $16.25 per package, residential and commercial, from Jan. 5, 2026), not in the derived JSON: imported
     * from the PDF, a FedEx Ground parcel to Indian, AK (99540, on the FedEx list as ALASKA) is predicted at 46.00,
     * citing the row. The PDF's contiguous-US rows agree with the JSON's to the cent, and importing it does not
     * replace the JSON's amounts of the same date.
     */
    @Test
    void fedexAlaskaAndHawaiiDeliveryAreaAmountsComeFromTheSurchargeChangesPdf() throws Exception {
        Path pdf = GUIDES.resolve("fedex_surcharge_fee_changes_2025_to_2026.pdf");
        Assumptions.assumeTrue(Files.isRegularFile(pdf) && Files.isDirectory(DAS),
                "the carriers' tables are not at ../shared/reference-data (see reference-data/SOURCES.md)");
        try (ReferenceImporter importer = ReferenceImporter.open(dir.resolve("idx"))) {
            for (int i = 0; i < 2; i++) {
                importer.importPaths(List.of(GUIDES.resolve("fedex_accessorials_2026_derived.json"), pdf,
                        DAS.resolve("fedex_das_zips_2025-06-02.csv"))).forEach(x -> assertTrue(x.ok(), x.toString()));
            }
        }
        try (ReferenceIndex index = ReferenceIndex.open(dir.resolve("idx"))) {
            var t = index.accessorials();
            LocalDate day = LocalDate.of(2026, 3, 10);
            for (boolean residential : new boolean[] {true, false}) {
                for (boolean air : new boolean[] {true, false}) {
                    assertEquals(new BigDecimal("46.00"), amount(t.amount("FEDEX", day, AccessorialCharge.DELIVERY_AREA,
                            residential, air, DeliveryAreaTier.ALASKA, null)));
                    assertEquals(new BigDecimal("16.25"), amount(t.amount("FEDEX", day, AccessorialCharge.DELIVERY_AREA,
                            residential, air, DeliveryAreaTier.HAWAII, null)));
                }
            }
            // The JSON's ground residential 6.60, extended 8.80, commercial 4.45 / 5.55, remote 16.75 as before.
            assertEquals(new BigDecimal("6.60"), amount(t.amount("FEDEX", day, AccessorialCharge.DELIVERY_AREA, true,
                    false, DeliveryAreaTier.DAS, null)));
            assertEquals(new BigDecimal("5.55"), amount(t.amount("FEDEX", day, AccessorialCharge.DELIVERY_AREA, false,
                    true, DeliveryAreaTier.EXTENDED, null)));
            assertEquals(2, index.coverage().sources().stream().filter(s -> s.id().startsWith("accessorials:FEDEX"))
                    .count(), "the JSON and the PDF, each once");
            ShipmentAuditor auditor = new ShipmentAuditor(RulePackRegistry.load(Path.of("rules")), Clock.systemUTC(),
                    r -> { }, new ShipmentEnricher(index));
            Address from = new Address(null, "Acme Inc", "100 Main St", null, "Columbus", "OH", "43215", "US", false);
            Address to = new Address(null, "Indian Supply Co", "1 Seward Hwy", null, "Indian", "AK", "99540", "US",
                    false);
            ShipmentPackage box = new ShipmentPackage("P1", new Weight(10.0, WeightUnit.LB),
                    new Dimensions(12.0, 10.0, 8.0, LengthUnit.IN), Packaging.BOX, null, null, null);
            Shipment s = new Shipment("AK-1", day, "FEDEX", "GROUND", from, to, List.of(box), List.of(), null, null,
                    List.of(), null);
            Finding das = auditor.audit(s).findings().stream().filter(f -> f.ruleId().equals("WGT-033")).findFirst()
                    .orElseThrow();
            assertEquals(new BigDecimal("46.00"), das.amount().amount(), das.toString());
            assertEquals("Delivery Area Surcharge: Alaska Package Services (Residential, Commercial)",
                    das.evidence().get("amountRow"), das.evidence().toString());
        }
    }

    /**
     * Without a zone on the shipment, the zone-tiered amount comes from the UPS zone chart in force on the ship date:
     * Columbus (432) to Barre, MA (010) is Ground zone 5 on the 2026 chart, so additional handling is the zones 5-6
     * amount (56.25), and the evidence names the chart the zone came from. A lane the chart does not cover (a ZIP
     * code no chart row starts with) leaves the zone unknown: no zone-tiered amount is guessed.
     */
    @Test
    void withoutAZoneOnTheShipmentTheZoneTieredAmountComesFromTheZoneChartInForce() throws Exception {
        Path zones = Path.of("../shared/reference-data/carriers/zones");
        Assumptions.assumeTrue(Files.isDirectory(GUIDES) && Files.isDirectory(zones),
                "the carriers' tables are not at ../shared/reference-data (see reference-data/SOURCES.md)");
        try (ReferenceImporter importer = ReferenceImporter.open(dir.resolve("idx"))) {
            importer.importPaths(List.of(GUIDES.resolve("ups_accessorials_2026_derived.json"),
                    zones.resolve("ups_zone_chart_origin3_dest3_2026.csv.gz"))).forEach(x -> assertTrue(x.ok(),
                    x.toString()));
        }
        try (ReferenceIndex index = ReferenceIndex.open(dir.resolve("idx"))) {
            LocalDate day = LocalDate.of(2026, 3, 10);
            assertEquals("5", index.zone("UPS", "GROUND", "43215", "01005", day).zone());
            ShipmentAuditor auditor = new ShipmentAuditor(RulePackRegistry.load(Path.of("rules")), Clock.systemUTC(),
                    r -> { }, new ShipmentEnricher(index));
            Address from = new Address(null, "Acme Inc", "100 Main St", null, "Columbus", "OH", "43215", "US", false);
            Address to = new Address(null, "Barre Tools LLC", "1 Main St", null, "Barre", "MA", "01005", "US", false);
            ShipmentPackage heavy = new ShipmentPackage("P1", new Weight(55.0, WeightUnit.LB),
                    new Dimensions(20.0, 16.0, 12.0, LengthUnit.IN), Packaging.BOX, null, null, null);
            Shipment s = new Shipment("ZONE-1", day, "UPS", "GROUND", from, to, List.of(heavy), List.of(), null, null,
                    List.of(), null);
            Finding handling = auditor.audit(s).findings().stream().filter(f -> f.ruleId().equals("WGT-031"))
                    .findFirst().orElseThrow();
            assertEquals(new BigDecimal("56.25"), handling.amount().amount(), handling.toString());
            assertTrue(handling.evidence().values().stream().anyMatch(v -> v.contains("zone 5 from")),
                    handling.evidence().toString());
        }
    }

    private static BigDecimal amount(java.util.Optional<AccessorialAmount> a) {
        return a.orElseThrow().amount();
    }
}
