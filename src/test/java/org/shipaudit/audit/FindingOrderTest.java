package org.shipaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shipaudit.findings.Finding;
import org.shipaudit.model.Packaging;
import org.shipaudit.model.WeightUnit;
import org.shipaudit.model.api.Address;
import org.shipaudit.model.api.Dimensions;
import org.shipaudit.model.api.LengthUnit;
import org.shipaudit.model.api.Shipment;
import org.shipaudit.model.api.ShipmentPackage;
import org.shipaudit.model.api.Weight;
import org.shipaudit.rules.RulePackRegistry;

/**
 * The findings of an audit come in one order whatever order the session produced them in: two table rows raising the
 * same rule on the same package (WGT-010 from "USPS, all services" and "USPS Priority Mail", both 70 lb) used to swap
 * places between runs.
 */
class FindingOrderTest {

    @Test
    void findingsThatTieOnRuleAndSubjectAreOrderedByWhatTheySay() {
        Address from = new Address(null, null, "100 Main St", null, "Columbus", "OH", "43215", "US", false);
        Address to = new Address("J", null, "1745 T Street Southeast", null, "Washington", "DC", "20020", "US", true);
        ShipmentPackage p = new ShipmentPackage("P1", new Weight(75.0, WeightUnit.LB),
                new Dimensions(20.0, 16.0, 12.0, LengthUnit.IN), Packaging.BOX, null, null, null);
        Shipment s = new Shipment("S-1", LocalDate.of(2026, 11, 20), "USPS", "PRIORITY_MAIL", from, to, List.of(p),
                List.of(), null, null);
        ShipmentAuditor auditor = new ShipmentAuditor(RulePackRegistry.load(Path.of("rules")), Clock.systemUTC(),
                r -> { });
        List<Finding> limits = auditor.audit(s).findings().stream().filter(f -> f.ruleId().equals("WGT-010")).toList();
        assertTrue(limits.size() >= 2, limits.toString());
        for (int i = 1; i < limits.size(); i++) {
            Finding a = limits.get(i - 1);
            Finding b = limits.get(i);
            assertTrue(a.message().compareTo(b.message()) < 0 || a.message().equals(b.message())
                    && new java.util.TreeMap<>(a.evidence()).toString().compareTo(
                    new java.util.TreeMap<>(b.evidence()).toString()) <= 0, limits.toString());
        }
        for (int run = 0; run < 20; run++) {
            assertEquals(limits, auditor.audit(s).findings().stream().filter(f -> f.ruleId().equals("WGT-010"))
                    .toList());
        }
    }
}
