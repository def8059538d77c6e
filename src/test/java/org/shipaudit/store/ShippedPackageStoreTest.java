package org.shipaudit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.model.api.Address;
import org.shipaudit.model.api.Dimensions;
import org.shipaudit.model.api.LengthUnit;
import org.shipaudit.model.api.Shipment;
import org.shipaudit.model.api.ShipmentPackage;
import org.shipaudit.model.ShippedPackage;
import org.shipaudit.model.api.Weight;
import org.shipaudit.model.WeightUnit;

class ShippedPackageStoreTest {

    /** The database under test: the embedded H2 file here, PostgreSQL in {@code ShippedPackageStoreTestPgTest}. */
    Database open(Path dir) {
        return Database.open(dir);
    }

    @TempDir
    Path dir;

    static Shipment shipment(String id, String tracking, double kg, Double scaleKg) {
        Address to = new Address("Jane Roe", null, "1745 T Street Southeast", null, "Washington", "DC", "20020", "US",
                true);
        ShipmentPackage p = new ShipmentPackage("P1", new Weight(kg, WeightUnit.KG),
                new Dimensions(30.0, 20.0, 10.0, LengthUnit.CM), null,
                scaleKg == null ? null : new Weight(scaleKg, WeightUnit.KG), null, tracking);
        ShipmentPackage untracked = new ShipmentPackage("P2", new Weight(1.0, WeightUnit.KG), null, null, null, null,
                null);
        return new Shipment(id, LocalDate.of(2026, 11, 20), "UPS", "UPS Ground", null, to, List.of(p, untracked),
                List.of(), null, null);
    }

    @Test
    void recordsTrackedPackagesInPoundsAndInchesAndTheLatestRecordWins() {
        try (Database db = open(dir)) {
            ShippedPackageStore store = new ShippedPackageStore(db, Clock.systemUTC());
            store.record(ShippedPackage.of(shipment("S1", "1ZA", 2.0, null), "job j-1"));
            store.record(ShippedPackage.of(shipment("S1", "1ZA", 2.0, 2.5), "audit S1"));
            Map<String, ShippedPackage> found = store.find(List.of("1ZA", "1ZUNKNOWN"));
            assertEquals(1, found.size(), "only tracked packages are recorded, once: " + found);
            ShippedPackage p = found.get("1ZA");
            assertEquals(2.5 * 2.20462, p.weightLb(), 0.01, "the scale weight is the better record");
            assertEquals(30 / 2.54, p.lengthIn(), 1e-9);
            assertEquals("GROUND", p.service(), "service stored canonical");
            assertEquals("audit S1", p.recordedBy());
            assertEquals("1745 T Street Southeast, Washington, DC, 20020, US", p.shipToLine());
            assertNull(p.billableWeightLb(), "computed by the invoice audit, not stored");
        }
    }

    @Test
    void theRecorderWritesQueuedPackagesInTheBackgroundAndDrainsOnClose() throws Exception {
        try (Database db = open(dir)) {
            ShippedPackageStore store = new ShippedPackageStore(db, Clock.systemUTC());
            ShipmentRecorder recorder = new ShipmentRecorder(store);
            for (int i = 0; i < 2_500; i++) {
                recorder.record(shipment("S" + i, "1Z" + i, 1.0, null), "audit S" + i);
            }
            recorder.close();
            assertEquals(2_500, recorder.recorded());
            assertEquals(0, recorder.dropped());
            assertTrue(store.find(List.of("1Z0", "1Z2499")).keySet().containsAll(List.of("1Z0", "1Z2499")));
        }
    }
}
