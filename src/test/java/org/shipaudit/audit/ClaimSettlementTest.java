package org.shipaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shipaudit.findings.Category;
import org.shipaudit.findings.Finding;
import org.shipaudit.findings.Severity;
import org.shipaudit.model.ChargeLine;
import org.shipaudit.model.ChargeLineBuilder;
import org.shipaudit.model.ChargeType;
import org.shipaudit.model.api.Money;
import org.shipaudit.model.UploadRow;

/** The package model of money, one rule per test, with figures worked out by hand in each comment. */
class ClaimSettlementTest {

    private static final String T = "794612345678";

    private static ChargeLine line(long row, ChargeType type, String code, String amount) {
        return ChargeLineBuilder.line(row).invoice("INV-1", LocalDate.of(2025, 8, 12)).carrier("FEDEX").account("A1")
                .tracking(T).shipped(LocalDate.of(2025, 8, 4)).service("PRIORITY_OVERNIGHT").zone("5")
                .recipient(null, null, null, "10001", "US").weights(2.0, 2.0).charge(type, code, code)
                .amount(amount, "USD").build();
    }

    private static Finding finding(String rule, Severity severity, long row, String code, String amount) {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("trackingNumber", T);
        e.put("chargeCode", code);
        e.put("billedAmount", amount);
        return new Finding(rule, "p", "1", Category.SERVICE, severity, "m", null, e,
                new Money(new BigDecimal(amount), "USD"), "s").at(new UploadRow(row, T), null);
    }

    private static BigDecimal total(List<Finding> settled) {
        return settled.stream().map(Finding::claimable).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void refundsALatePackageAtItsNetTransportationNotItsGross() {
        // 619.68 transportation - 99.15 earned discount - 198.30 performance pricing = 322.23 paid for transportation.
        List<ChargeLine> lines = List.of(line(2, ChargeType.FREIGHT, "Transportation Charge Amount", "619.68"),
                line(2, ChargeType.DISCOUNT, "Earned Discount", "-99.15"),
                line(2, ChargeType.DISCOUNT, "Performance Pricing", "-198.30"),
                line(2, ChargeType.FUEL_SURCHARGE, "Fuel Surcharge", "41.20"));
        List<Finding> settled = ClaimSettlement.settle(lines,
                List.of(finding("SVC-001", Severity.WARN, 2, "Transportation Charge Amount", "619.68")));
        assertEquals(new BigDecimal("322.23"), settled.get(0).claimable());
        assertEquals("619.68", settled.get(0).evidence().get(ClaimSettlement.GROSS_CLAIM));
        assertEquals("297.45", settled.get(0).evidence().get("expectedAmount"), "619.68 - 322.23");
    }

    @Test
    void keepsTheStrongestOfTwoClaimsOnTheSameChargeNotTheirSum() {
        // A 60.00 refund and a 40.00 weight claim on 60.00 of freight: one claim per package, 60.00, not 100.00.
        List<ChargeLine> lines = List.of(line(2, ChargeType.FREIGHT, "Transportation Charge Amount", "60.00"));
        List<Finding> settled = ClaimSettlement.settle(lines, List.of(
                finding("SVC-001", Severity.WARN, 2, "Transportation Charge Amount", "60.00"),
                finding("WBL-001", Severity.WARN, 2, "Transportation Charge Amount", "40.00")));
        assertEquals(new BigDecimal("60.00"), total(settled));
        assertNull(settled.get(1).amount());
        assertTrue(settled.get(1).evidence().get(ClaimSettlement.NOT_CLAIMED).startsWith("overlaps SVC-001"));
    }

    @Test
    void neverClaimsANegativeLine() {
        // A shipping charge correction of -3.88 is a credit the carrier already gave: nothing to claim.
        List<ChargeLine> lines = List.of(line(2, ChargeType.FREIGHT, "003", "-3.88"));
        List<Finding> settled = ClaimSettlement.settle(lines,
                List.of(finding("DUP-001", Severity.WARN, 2, "003", "-3.88")));
        assertNull(settled.get(0).amount());
        assertEquals("-3.88", settled.get(0).evidence().get(ClaimSettlement.GROSS_CLAIM));
    }

    @Test
    void anInformationalFindingClaimsNothing() {
        List<ChargeLine> lines = List.of(line(3, ChargeType.RESIDENTIAL_SURCHARGE, "Residential", "3.05"));
        List<Finding> settled = ClaimSettlement.settle(lines,
                List.of(finding("ACC-002", Severity.INFO, 3, "Residential", "3.05")));
        assertNull(settled.get(0).amount());
        assertEquals(BigDecimal.ZERO, settled.get(0).claimable());
        assertEquals("informational finding", settled.get(0).evidence().get(ClaimSettlement.NOT_CLAIMED));
    }

    @Test
    void claimsNothingWhenDiscountsLeftNothingPaidForTransportation() {
        // 10.00 freight - 12.00 discount: -2.00 paid for transportation, so a transportation claim is worth 0.
        List<ChargeLine> lines = List.of(line(2, ChargeType.FREIGHT, "Transportation Charge Amount", "10.00"),
                line(2, ChargeType.DISCOUNT, "Earned Discount", "-12.00"));
        List<Finding> settled = ClaimSettlement.settle(lines,
                List.of(finding("SVC-001", Severity.WARN, 2, "Transportation Charge Amount", "10.00")));
        assertNull(settled.get(0).amount());
        assertEquals(BigDecimal.ZERO, total(settled));
    }

    @Test
    void thePackagesClaimsTogetherNeverExceedItsNetTotal() {
        // 20.00 freight - 5.00 discount + 5.00 residential - 10.00 credit already given = 10.00 paid for the package.
        // Claims: transportation 15.00 (net freight) on row 2, residential 5.00 on row 3 -> 10.00, then nothing left.
        List<ChargeLine> lines = List.of(line(2, ChargeType.FREIGHT, "Transportation Charge Amount", "20.00"),
                line(2, ChargeType.DISCOUNT, "Earned Discount", "-5.00"),
                line(3, ChargeType.RESIDENTIAL_SURCHARGE, "Residential", "5.00"),
                line(4, ChargeType.ADJUSTMENT, "Credit", "-10.00"));
        List<Finding> settled = ClaimSettlement.settle(lines, new ArrayList<>(List.of(
                finding("SVC-001", Severity.WARN, 2, "Transportation Charge Amount", "20.00"),
                finding("ACC-001", Severity.WARN, 3, "Residential", "5.00"))));
        assertEquals(new BigDecimal("10.00"), settled.get(0).claimable());
        assertNull(settled.get(1).amount());
        assertEquals(new BigDecimal("10.00"), total(settled));
    }

    @Test
    void leavesAClaimWithinWhatWasPaidAsItIs() {
        List<ChargeLine> lines = List.of(line(3, ChargeType.RESIDENTIAL_SURCHARGE, "Residential", "5.85"),
                line(2, ChargeType.FREIGHT, "Transportation Charge Amount", "12.00"));
        Finding f = finding("ACC-001", Severity.WARN, 3, "Residential", "5.85");
        assertEquals(List.of(f), ClaimSettlement.settle(lines, List.of(f)));
    }
}
