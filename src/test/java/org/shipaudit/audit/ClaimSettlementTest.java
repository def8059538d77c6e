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
        // Claims: transportation 15.00 (net freight) on row 2, less the 10.00 credited after it on row 4 = 5.00;
        // residential 5.00 on row 3: 10.00 in all, the package's net total.
        List<ChargeLine> lines = List.of(line(2, ChargeType.FREIGHT, "Transportation Charge Amount", "20.00"),
                line(2, ChargeType.DISCOUNT, "Earned Discount", "-5.00"),
                line(3, ChargeType.RESIDENTIAL_SURCHARGE, "Residential", "5.00"),
                line(4, ChargeType.ADJUSTMENT, "Credit", "-10.00"));
        List<Finding> settled = ClaimSettlement.settle(lines, new ArrayList<>(List.of(
                finding("SVC-001", Severity.WARN, 2, "Transportation Charge Amount", "20.00"),
                finding("ACC-001", Severity.WARN, 3, "Residential", "5.00"))));
        assertEquals(new BigDecimal("5.00"), settled.get(0).claimable());
        assertEquals("less 10.00 credited on row 4", settled.get(0).evidence().get(ClaimSettlement.CLAIM_BASIS));
        assertEquals(new BigDecimal("5.00"), settled.get(1).claimable());
        assertEquals(new BigDecimal("10.00"), total(settled));
    }

    @Test
    void leavesAClaimWithinWhatWasPaidAsItIs() {
        List<ChargeLine> lines = List.of(line(3, ChargeType.RESIDENTIAL_SURCHARGE, "Residential", "5.85"),
                line(2, ChargeType.FREIGHT, "Transportation Charge Amount", "12.00"));
        Finding f = finding("ACC-001", Severity.WARN, 3, "Residential", "5.85");
        assertEquals(List.of(f), ClaimSettlement.settle(lines, List.of(f)));
    }

    private static PackageBill.Claim claim(long row, long seq, String rule, String gross) {
        return new PackageBill.Claim(row, seq, rule, "rows[" + row + "]", ChargeType.FREIGHT, new BigDecimal(gross),
                "USD", new BigDecimal("60.00"), null, BigDecimal.ZERO);
    }

    @Test
    void aCreditBilledAfterTheDisputedLineRefundsItOneBilledBeforeDoesNot() {
        // Void of 60.00 on row 3 then a rebill of 60.00 on row 4 (40.00 overcharged): the void cancels row 2, not the
        // rebill, so the claim on row 4 stands; a correction of -40.00 on row 9 refunds it.
        Map<ChargeType, BigDecimal> billed = new java.util.EnumMap<>(ChargeType.class);
        billed.put(ChargeType.FREIGHT, new BigDecimal("120.00"));
        billed.put(ChargeType.VOID, new BigDecimal("-60.00"));
        PackageBill rebilled = new PackageBill(T, "A1", billed,
                List.of(new PackageBill.Credit(3, ChargeType.VOID, new BigDecimal("-60.00"))),
                List.of(claim(4, 1, "WBL-001", "40.00")));
        assertEquals(new BigDecimal("40.00"),
                ClaimSettlement.settle(rebilled, Map.of()).get(0).claim().claimed());
        billed.put(ChargeType.ADJUSTMENT, new BigDecimal("-40.00"));
        PackageBill corrected = new PackageBill(T, "A1", billed, List.of(
                new PackageBill.Credit(3, ChargeType.VOID, new BigDecimal("-60.00")),
                new PackageBill.Credit(9, ChargeType.ADJUSTMENT, new BigDecimal("-40.00"))),
                List.of(claim(4, 1, "WBL-001", "40.00")));
        ClaimSettlement.Outcome o = ClaimSettlement.settle(corrected, Map.of()).get(0);
        assertEquals(0, o.claim().claimed().signum());
        assertEquals("refunded by the carrier already: 40.00 credited on row 9", o.notClaimed());
    }

    @Test
    void anEarlierUploadsClaimOnTheSameChargeIsNotClaimedAgainOnlyWhatGoesBeyondIt() {
        Map<ChargeType, BigDecimal> billed = new java.util.EnumMap<>(ChargeType.class);
        billed.put(ChargeType.FREIGHT, new BigDecimal("60.00"));
        PackageBill p = new PackageBill(T, "A1", billed, List.of(), List.of(claim(2, 1, "SVC-001", "60.00")));
        ClaimSettlement.Outcome o = ClaimSettlement.settle(p,
                Map.of(ChargeType.FREIGHT, new ClaimSettlement.Earlier("job-1", new BigDecimal("40.00")))).get(0);
        assertEquals(new BigDecimal("20.00"), o.claim().claimed());
        assertEquals("less 40.00 claimed already for package " + T + " in job job-1", o.basis());
    }
}
