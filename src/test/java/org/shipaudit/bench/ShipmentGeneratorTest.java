package org.shipaudit.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shipaudit.audit.ShipmentAuditor;
import org.shipaudit.findings.AuditResult;
import org.shipaudit.json.Mappers;
import org.shipaudit.model.api.Shipment;
import org.shipaudit.model.api.ShipmentItem;
import org.shipaudit.model.api.ShipmentSchema;
import org.shipaudit.rules.RulePackRegistry;

class ShipmentGeneratorTest {

    static final LocalDate DATE = LocalDate.of(2026, 11, 20);

    @Test
    void theSameSeedGivesTheSameShipments() {
        ShipmentGenerator a = new ShipmentGenerator(7, 0.1, DATE);
        ShipmentGenerator b = new ShipmentGenerator(7, 0.1, DATE);
        for (int i = 0; i < 500; i++) {
            assertArrayEquals(a.nextJson(), b.nextJson(), "shipment " + i);
        }
        assertFalse(java.util.Arrays.equals(new ShipmentGenerator(8, 0.1, DATE).nextJson(),
                new ShipmentGenerator(7, 0.1, DATE).nextJson()), "another seed gives other shipments");
    }

    @Test
    void everyGeneratedShipmentKeepsTheContract() throws Exception {
        ShipmentGenerator generator = new ShipmentGenerator(42, 0.2, DATE);
        for (int i = 0; i < 3000; i++) {
            JsonNode json = Mappers.json().readTree(generator.nextJson());
            // Throws, listing every violation, when a field is unknown, missing or of the wrong type.
            ShipmentSchema.read(json, "shipment " + i);
        }
    }

    @Test
    void plantsMistakesAtTheRequestedRate() {
        for (double rate : new double[] {0, 0.05, 0.3, 1}) {
            ShipmentGenerator generator = new ShipmentGenerator(42, rate, DATE);
            int n = 10_000;
            int planted = 0;
            for (int i = 0; i < n; i++) {
                planted += generator.next().mistake() != null ? 1 : 0;
            }
            // Binomial: three standard deviations at n = 10,000 are under 1.5 percentage points.
            assertEquals(rate, planted / (double) n, 0.015, "rate " + rate);
        }
    }

    @Test
    void theMixLooksLikeAGeneralMerchandiseShipper() {
        ShipmentGenerator generator = new ShipmentGenerator(42, 0, DATE);
        int n = 5000;
        int international = 0;
        int dangerous = 0;
        int multiPackage = 0;
        Map<String, Integer> carriers = new java.util.TreeMap<>();
        for (int i = 0; i < n; i++) {
            Shipment s = generator.next().shipment();
            international += s.shipTo().country().equals("US") ? 0 : 1;
            dangerous += s.items().stream().map(ShipmentItem::dangerousGoods).anyMatch(d -> d != null) ? 1 : 0;
            multiPackage += s.packages().size() > 1 ? 1 : 0;
            carriers.merge(s.carrier(), 1, Integer::sum);
            assertNull(s.shipTo().country().equals("US") ? s.customs() : null, "domestic shipments have no customs");
            assertTrue(s.shipTo().country().equals("US") || s.customs() != null, "international ones do");
        }
        assertTrue(international > n * 0.15 && international < n * 0.35, "international share " + international);
        assertTrue(dangerous > n * 0.05 && dangerous < n * 0.4, "shipments with dangerous goods " + dangerous);
        assertTrue(multiPackage > n * 0.05 && multiPackage < n * 0.3, "multi-package shipments " + multiPackage);
        assertEquals(java.util.Set.of("DHL", "FEDEX", "UPS", "USPS"), carriers.keySet());
    }

    @Test
    void eachPlantedMistakeIsReportedByItsRule() {
        ShipmentAuditor auditor = new ShipmentAuditor(RulePackRegistry.load(Path.of("rules")), Clock.systemUTC(),
                r -> { });
        ShipmentGenerator generator = new ShipmentGenerator(42, 1, DATE);
        Map<Mistake, Integer> seen = new EnumMap<>(Mistake.class);
        for (int i = 0; i < 300; i++) {
            GeneratedShipment g = generator.next();
            AuditResult result = auditor.audit(g.shipment());
            assertTrue(result.findings().stream().anyMatch(f -> g.mistake().ruleIds().contains(f.ruleId())
                            && f.subject() != null && f.subject().startsWith("packages[0]")),
                    () -> g.mistake() + " in " + g.shipment().id() + " not reported: " + result.findings());
            seen.merge(g.mistake(), 1, Integer::sum);
        }
        assertEquals(Mistake.values().length, seen.size(), "every kind of mistake was planted: " + seen);
    }

    @Test
    void anAuditDoesNotDependOnTheAuditsBeforeIt() {
        // Sessions may be reused between audits: a fact or finding left behind would show up here as a difference.
        ShipmentAuditor auditor = new ShipmentAuditor(RulePackRegistry.load(Path.of("rules")), Clock.systemUTC(),
                r -> { });
        ShipmentGenerator generator = new ShipmentGenerator(11, 0.3, DATE);
        java.util.List<Shipment> shipments = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            shipments.add(generator.next().shipment());
        }
        java.util.List<AuditResult> forward = new java.util.ArrayList<>();
        for (Shipment s : shipments) {
            forward.add(auditor.audit(s));
        }
        for (int i = shipments.size() - 1; i >= 0; i--) {
            AuditResult again = auditor.audit(shipments.get(i));
            assertEquals(forward.get(i).findings(), again.findings(), shipments.get(i).id());
            // Values only: when dimensional and actual weight tie, the basis named depends on Drools' object order
            // (BENCH-11-178 with seed 11), reported to the lead rather than fixed here.
            assertEquals(forward.get(i).billableWeight().stream().map(b -> b.packageId() + "=" + b.value()).toList(),
                    again.billableWeight().stream().map(b -> b.packageId() + "=" + b.value()).toList(),
                    shipments.get(i).id());
        }
    }
}
