package org.shipaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.shipaudit.OfficialData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.findings.Finding;
import org.shipaudit.json.Mappers;
import org.shipaudit.model.api.Shipment;
import org.shipaudit.model.ShipmentFacts;
import org.shipaudit.model.api.ShipmentSchema;
import org.shipaudit.reference.ReferenceImporter;
import org.shipaudit.reference.ReferenceIndex;
import org.shipaudit.rules.PackEvaluator;
import org.shipaudit.rules.PackFiles;
import org.shipaudit.rules.RulePack;
import org.shipaudit.rules.RulePackCompiler;

/**
 * The hazmat pack on the official 49 CFR 172.101 table (../shared/reference-data/dangerous_goods, imported once for
 * the class), on the cases of issue 14 that judged the wrong entry or no column 9 at all. Skipped when the official
 * data is absent.
 */
@OfficialData
class HazmatOfficialTableTest {

    static final Path TABLE = Path.of("..", "shared", "reference-data", "dangerous_goods",
            "phmsa_hmt_49cfr172.101_2026-06-01.jsonl");
    @TempDir
    static Path dir;
    static ReferenceIndex index;
    static RulePack hazmat;

    @BeforeAll
    static void importTable() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(TABLE),
                "the official Hazardous Materials Table is not at " + TABLE + "; see reference-data/SOURCES.md");
        try (ReferenceImporter importer = ReferenceImporter.open(dir)) {
            importer.importPaths(List.of(TABLE));
        }
        index = ReferenceIndex.open(dir);
        hazmat = RulePackCompiler.compile(PackFiles.read(Path.of("rules", "hazmat")));
    }

    @AfterAll
    static void close() throws IOException {
        if (index != null) {
            index.close();
        }
    }

    /** The hazmat rule ids that fire on a one-item shipment with this declaration. */
    static Set<String> fired(String carrier, String service, String description, String dangerousGoods)
            throws IOException {
        String json = """
                {"id": "T-1", "shipDate": "2026-11-20", "carrier": "%s", "service": "%s",
                 "shipFrom": {"street1": "100 Main St", "city": "Columbus", "state": "OH", "postalCode": "43215", "country": "US"},
                 "shipTo": {"street1": "1745 T St SE", "city": "Washington", "state": "DC", "postalCode": "20020", "country": "US"},
                 "packages": [{"id": "P1", "weight": {"value": 8, "unit": "LB"},
                               "dimensions": {"length": 12, "width": 10, "height": 8, "unit": "IN"}, "packaging": "BOX"}],
                 "items": [{"sku": "S1", "description": "%s", "hsCode": "3605.00", "countryOfOrigin": "US", "quantity": 1,
                            "unitValue": {"amount": "20.00", "currency": "USD"}, "weight": {"value": 1, "unit": "KG"},
                            "packageId": "P1", "dangerousGoods": %s}]}
                """.formatted(carrier, service, description, dangerousGoods);
        Shipment s = ShipmentSchema.read(Mappers.json().readTree(json), "");
        List<Object> facts = new ArrayList<>(ShipmentFacts.of(s, s.shipDate()));
        facts.addAll(new ShipmentEnricher(index).facts(s, facts));
        Set<String> ids = new TreeSet<>();
        for (Finding f : PackEvaluator.evaluate(hazmat, facts).findings()) {
            ids.add(f.ruleId() + ":" + f.severity());
        }
        return ids;
    }

    @Test
    void judgesAFlammableAerosolByItsOwnEntryNotTheOtherUn1950Entries() throws IOException {
        // UN1950 has six entries; engine starting fluid and poison aerosols are forbidden on passenger aircraft.
        assertEquals(Set.of(), fired("UPS", "NEXT_DAY_AIR", "Hair spray 250 ml",
                "{\"unNumber\": \"UN1950\", \"properShippingName\": \"Aerosols, flammable\", \"hazardClass\": \"2.1\","
                        + " \"limitedQuantity\": true, \"netQuantity\": {\"value\": 250, \"unit\": \"ML\"}}"));
    }

    @Test
    void blocksEngineStartingFluidOnAPassengerAircraft() throws IOException {
        assertEquals(Set.of("HAZ-006:BLOCK"), fired("UPS", "NEXT_DAY_AIR", "Starting fluid spray",
                "{\"unNumber\": \"UN1950\", \"properShippingName\": \"Aerosols, flammable, n.o.s. (engine starting fluid)\","
                        + " \"hazardClass\": \"2.1\"}"));
    }

    @Test
    void blocksFireworksByAirEvenDeclaredCargoAircraftOnly() throws IOException {
        assertEquals(Set.of("HAZ-007:BLOCK"), fired("FEDEX", "PRIORITY_OVERNIGHT", "Consumer fireworks",
                "{\"unNumber\": \"UN0335\", \"properShippingName\": \"Fireworks\", \"hazardClass\": \"1.3G\","
                        + " \"cargoAircraftOnly\": true}"));
        assertEquals(Set.of(), fired("FEDEX", "GROUND", "Consumer fireworks",
                "{\"unNumber\": \"UN0335\", \"properShippingName\": \"Fireworks\", \"hazardClass\": \"1.3G\"}"));
    }

    @Test
    void blocksAnhydrousAmmoniaDeclaredCargoAircraftOnlyByAir() throws IOException {
        assertEquals(Set.of("HAZ-007:BLOCK"), fired("UPS", "SECOND_DAY_AIR", "Ammonia cylinder",
                "{\"unNumber\": \"UN1005\", \"properShippingName\": \"Ammonia, anhydrous\", \"hazardClass\": \"2.3\","
                        + " \"cargoAircraftOnly\": true}"));
    }

    @Test
    void checksTheNetQuantityPerPackageAgainstColumns9aAnd9b() throws IOException {
        String acetone = "{\"unNumber\": \"UN1090\", \"properShippingName\": \"Acetone\", \"hazardClass\": \"3\","
                + " \"packingGroup\": \"II\", \"netQuantity\": {\"value\": %s, \"unit\": \"%s\"}, \"cargoAircraftOnly\": %s}";
        assertEquals(Set.of("HAZ-009:WARN"), fired("UPS", "NEXT_DAY_AIR", "Acetone", acetone.formatted(10, "KG", false)));
        assertEquals(Set.of("HAZ-008:BLOCK"), fired("UPS", "NEXT_DAY_AIR", "Acetone", acetone.formatted(6, "L", false)));
        assertEquals(Set.of(), fired("UPS", "NEXT_DAY_AIR", "Acetone", acetone.formatted(4500, "ML", false)));
        assertEquals(Set.of(), fired("UPS", "NEXT_DAY_AIR", "Acetone", acetone.formatted(6, "L", true)));
        assertEquals(Set.of("HAZ-008:BLOCK"), fired("UPS", "NEXT_DAY_AIR", "Acetone", acetone.formatted(61, "L", true)));
    }

    @Test
    void blocksAMaterialTheTableForbidsByItsName() throws IOException {
        // Column 3 "Forbidden" entries have no ID number: only the declared name reaches them.
        assertTrue(fired("UPS", "GROUND", "Lab reagent",
                "{\"properShippingName\": \"Ammonium fulminate\", \"hazardClass\": \"1\"}").contains("HAZ-005:BLOCK"));
    }

    @Test
    void refusesTheWithdrawnSectionIiOfPi965ByAir() throws IOException {
        assertTrue(fired("FEDEX", "PRIORITY_OVERNIGHT", "Spare battery pack",
                "{\"unNumber\": \"UN3480\", \"properShippingName\": \"Lithium ion batteries\", \"hazardClass\": \"9\","
                        + " \"packingInstruction\": \"965\", \"section\": \"II\", \"wattHours\": 40,"
                        + " \"cargoAircraftOnly\": true}").contains("HAZ-015:BLOCK"));
    }

    @Test
    void blocksGasolineAndWetBatteriesInUspsGroundMail() throws IOException {
        assertEquals(Set.of("HAZ-023:BLOCK"), fired("USPS", "GROUND_ADVANTAGE", "Fuel can, filled",
                "{\"unNumber\": \"UN1203\", \"properShippingName\": \"Gasoline\", \"hazardClass\": \"3\", \"packingGroup\": \"II\"}"));
        assertEquals(Set.of("HAZ-023:BLOCK"), fired("USPS", "GROUND_ADVANTAGE", "Car battery",
                "{\"unNumber\": \"UN2794\", \"properShippingName\": \"Batteries, wet, filled with acid\", \"hazardClass\": \"8\"}"));
    }
}
