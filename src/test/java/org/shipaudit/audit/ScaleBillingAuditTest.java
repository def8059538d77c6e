package org.shipaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shipaudit.findings.AuditResult;
import org.shipaudit.findings.Finding;
import org.shipaudit.model.api.Address;
import org.shipaudit.model.api.Dimensions;
import org.shipaudit.model.api.LengthUnit;
import org.shipaudit.model.Packaging;
import org.shipaudit.model.api.Shipment;
import org.shipaudit.model.api.ShipmentPackage;
import org.shipaudit.model.api.Weight;
import org.shipaudit.model.WeightUnit;
import org.shipaudit.rules.RulePackRegistry;

/**
 * CHB-001 through the whole audit with the real packs: the weights pack's billable weight from the declared weight
 * against the one from the scale weight, dimensional weight included.
 */
class ScaleBillingAuditTest {

    static ShipmentAuditor auditor;

    @BeforeAll
    static void load() {
        auditor = new ShipmentAuditor(RulePackRegistry.load(Path.of("rules")), Clock.systemUTC(), r -> { });
    }

    @Test
    void aHeavierScaleWeightUnderDimensionalWeightIsNotReBilled() {
        // 24 x 16 x 10 in bills 28 lb dimensional by UPS whether the box weighs 5 or 7 lb (was: "7 lb instead of 5 lb").
        AuditResult r = auditor.audit(box(5, 7));
        assertTrue(chb001(r).isEmpty(), chb001(r).toString());
        assertEquals(0, new BigDecimal("28").compareTo(r.billableWeight().get(0).value()));
    }

    @Test
    void aScaleWeightAboveDimensionalWeightIsComparedWithTheDeclaredBillableWeight() {
        List<Finding> f = chb001(auditor.audit(box(5, 30)));
        assertEquals(1, f.size());
        assertEquals("Package P1 weighs 30 lb at the scale but declares 5 lb; the carrier will bill 30 lb (actual weight)"
                + " instead of 28 lb (dimensional weight (divisor 139)), with a correction fee", f.get(0).message());
    }

    @Test
    void theBillableWeightOfAWeighedPackageIsTheScales() {
        assertEquals(0, new BigDecimal("30").compareTo(auditor.audit(box(5, 30)).billableWeight().get(0).value()));
    }

    @Test
    void dhlExpressOutsideUsExportsBillsInHalfKilogramsAndSaysKilograms() throws Exception {
        Address berlin = new Address(null, null, "Invalidenstrasse 117", null, "Berlin", null, "10115", "DE", false);
        Address dc = new Address("J", null, "1745 T Street Southeast", null, "Washington", "DC", "20020", "US", true);
        ShipmentPackage p = new ShipmentPackage("P1", new Weight(0.9, WeightUnit.KG),
                new Dimensions(60.0, 40.0, 40.0, LengthUnit.CM), Packaging.BOX, null, null, null);
        AuditResult r = auditor.audit(new Shipment("S-2", LocalDate.of(2026, 11, 20), "DHL", "EXPRESS_WORLDWIDE",
                berlin, dc, List.of(p), List.of(), null, null));
        assertEquals("{\"packageId\":\"P1\",\"value\":19.5,\"unit\":\"KG\",\"basis\":\"dimensional weight (divisor 5000)\"}",
                org.shipaudit.json.Mappers.json().writeValueAsString(r.billableWeight().get(0)));
        Finding dim = r.findings().stream().filter(f -> f.ruleId().equals("WGT-020")).findFirst().orElseThrow();
        assertEquals("Dimensional weight 19.5 kg exceeds actual weight 0.9 kg; billable weight is 19.5 kg", dim.message());
    }

    private static List<Finding> chb001(AuditResult r) {
        return r.findings().stream().filter(f -> f.ruleId().equals("CHB-001")).toList();
    }

    private static Shipment box(double declaredLb, double scaleLb) {
        Address from = new Address(null, null, "100 Main St", null, "Columbus", "OH", "43215", "US", false);
        Address to = new Address("J", null, "1745 T Street Southeast", null, "Washington", "DC", "20020", "US", true);
        ShipmentPackage p = new ShipmentPackage("P1", new Weight(declaredLb, WeightUnit.LB),
                new Dimensions(24.0, 16.0, 10.0, LengthUnit.IN), Packaging.BOX, new Weight(scaleLb, WeightUnit.LB),
                null, null);
        return new Shipment("S-1", LocalDate.of(2026, 11, 20), "UPS", "GROUND", from, to, List.of(p), List.of(), null,
                null);
    }
}
