package org.shipaudit.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HazmatImporterTest {
    @TempDir
    Path dir;

    private static final String JSONL = """
            {"idNumber": "UN3480", "properShippingName": "Lithium ion batteries", "hazardClass": "9", "forbidden": false, "symbols": [], "packingGroup": "", "subsidiaryRisks": [], "labels": ["9"], "specialProvisions": ["388", "A54"], "quantityLimitations": {"passengerAircraftRail": "Forbidden", "cargoAircraftOnly": "35 kg gross"}}
            {"idNumber": "NA1993", "properShippingName": "Diesel fuel", "hazardClass": "3", "forbidden": false, "symbols": ["D"], "packingGroup": "III", "subsidiaryRisks": [], "labels": ["None"], "specialProvisions": [], "quantityLimitations": {"passengerAircraftRail": "60 L", "cargoAircraftOnly": "220 L"}}
            {"idNumber": "UN1266", "properShippingName": "Perfumery products", "hazardClass": "3", "forbidden": false, "packingGroup": "II", "labels": ["3"], "specialProvisions": [], "quantityLimitations": {"passengerAircraftRail": "5 L", "cargoAircraftOnly": "60 L"}}
            {"idNumber": "UN1266", "properShippingName": "Perfumery products", "hazardClass": "3", "forbidden": false, "packingGroup": "III", "labels": ["3"], "specialProvisions": [], "quantityLimitations": {"passengerAircraftRail": "60 L", "cargoAircraftOnly": "220 L"}}
            {"properShippingName": "Lead azide, dry", "hazardClass": "Forbidden", "forbidden": true, "labels": [], "quantityLimitations": {}}
            """;

    private static final String CSV = """
            id_number,proper_shipping_name,hazard_class,forbidden,symbols,packing_group,subsidiary_risks,labels,special_provisions,pkg_exceptions,pkg_non_bulk,pkg_bulk,qty_passenger_aircraft_rail,qty_cargo_aircraft_only,vessel_stowage_location,vessel_stowage_other
            UN3480,Lithium ion batteries,9,false,,,,9,388;A54,185,185,185,Forbidden,35 kg gross,A,
            NA1993,Diesel fuel,3,false,D,III,,None,,150,203,242,60 L,220 L,A,
            UN1266,Perfumery products,3,false,,II,,3,,150,202,242,5 L,60 L,B,
            UN1266,Perfumery products,3,false,,III,,3,,150,203,242,60 L,220 L,A,
            ,"Lead azide, dry",Forbidden,true,,,,,,,,,,,,
            """;

    @Test
    void readsTheJsonLinesTable() throws IOException {
        ImportSummary s = Fixtures.importFiles(dir.resolve("idx"), Fixtures.write(dir, "hmt.jsonl", JSONL)).get(0);
        assertEquals(5, s.rowsIndexed());
        assertTable(dir.resolve("idx"));
    }

    @Test
    void readsTheCsvTableToTheSameEntries() throws IOException {
        ImportSummary s = Fixtures.importFiles(dir.resolve("idx"), Fixtures.write(dir, "hmt.csv", CSV)).get(0);
        assertEquals(5, s.rowsIndexed());
        assertTable(dir.resolve("idx"));
    }

    private static void assertTable(Path idx) throws IOException {
        try (ReferenceIndex index = ReferenceIndex.open(idx)) {
            HazmatEntry un3480 = index.hazmat("UN3480").get(0);
            assertEquals(new HazmatEntry("UN3480", "Lithium ion batteries", "9", "", List.of(), List.of("9"),
                    List.of("388", "A54"), "Forbidden", "35 kg gross", false), un3480);
            assertTrue(un3480.forbiddenOnPassengerAircraft());
            assertEquals(un3480, index.hazmat("3480").get(0));
            assertEquals(un3480, index.hazmat(" un 3480 ").get(0));
            assertEquals(2, index.hazmat("UN1266").size(), "one entry per packing group");
            assertEquals("Diesel fuel", index.hazmat("NA1993").get(0).properShippingName());
            assertEquals("Diesel fuel", index.hazmat("1993").get(0).properShippingName(),
                    "a bare number without a UN entry falls back to NA");
            assertTrue(index.hazmat("UN9999").isEmpty());
            assertFalse(index.hazmat("1266").get(0).forbiddenOnPassengerAircraft());
        }
    }

    @Test
    void importsTheJsonLinesAndSkipsTheCsvOfTheSameTableInOneImport() throws IOException {
        List<ImportSummary> s = Fixtures.importFiles(dir.resolve("idx"), Fixtures.write(dir, "a.csv", CSV),
                Fixtures.write(dir, "b.jsonl", JSONL));
        assertEquals(5, s.get(0).rowsIndexed());
        assertEquals("49 CFR HMT JSONL", s.get(0).format());
        assertEquals(0, s.get(1).rowsIndexed());
        assertTrue(s.get(1).skipped().keySet().iterator().next().contains("preferred"));
    }

    @Test
    void rejectsAnIdNumberOfTheWrongShape() throws IOException {
        ImportSummary s = Fixtures.importFiles(dir.resolve("idx"), Fixtures.write(dir, "bad.jsonl",
                JSONL + "{\"idNumber\": \"UN34\", \"properShippingName\": \"x\", \"hazardClass\": \"9\"}\n")).get(0);
        assertFalse(s.ok());
        assertTrue(s.error().contains("row 6") && s.error().contains("expected an ID number like UN3480"), s.error());
    }
}
