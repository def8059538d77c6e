package org.shipaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shipaudit.findings.Finding;
import org.shipaudit.model.ChargeLine;
import org.shipaudit.model.ChargeLineBuilder;
import org.shipaudit.model.ChargeType;
import org.shipaudit.model.PriorCharge;

/** How often the duplicates pack reports one package billed again: once, whatever the history (scenarios cannot count). */
class DuplicatesPackTest {

    @Test
    void reportsADuplicateAcrossUploadsOnceNotOncePerEarlierUpload() throws Exception {
        RulePack pack = RulePackRegistry.load(Path.of("rules")).snapshot().get("duplicates");
        String t = "1Z999AA10123456784";
        ChargeLine line = ChargeLineBuilder.line(2).invoice("INV-100", LocalDate.of(2026, 11, 16)).carrier("UPS")
                .account("A1").tracking(t).shipped(LocalDate.of(2026, 11, 9)).service("GROUND").zone("5")
                .recipient(null, null, null, "20020", "US").weights(2.0, 2.0)
                .charge(ChargeType.FREIGHT, "003", "Ground Commercial").amount("12.50", "USD").build();
        // INV-099 was uploaded three times before (jobs a, b, c), once with its row 40 billed twice.
        List<Object> facts = List.of(line,
                new PriorCharge(t, "INV-100", "j-this", 2, true, new BigDecimal("12.50")),
                new PriorCharge(t, "INV-099", "j-b", 40, false, new BigDecimal("12.50")),
                new PriorCharge(t, "INV-099", "j-a", 40, false, new BigDecimal("12.50")),
                new PriorCharge(t, "INV-099", "j-a", 41, false, new BigDecimal("12.50")),
                new PriorCharge(t, "INV-099", "j-c", 40, false, new BigDecimal("12.50")));
        List<Finding> found = PackEvaluator.evaluate(pack, facts).findings();
        assertEquals(1, found.size(), found.toString());
        assertEquals("DUP-002", found.get(0).ruleId());
        assertEquals("j-a", found.get(0).evidence().get("earlierUpload"));
        assertEquals("40", found.get(0).evidence().get("earlierRow"));
    }

    @Test
    void datesTheClaimDeadlineByTheClaimWindowOfTheClaimLimitsTable() {
        RulePack pack = RulePackCompiler.compile(PackFiles.read(Path.of("rules/duplicates")));
        String t = "1Z999AA10123456784";
        List<Object> facts = List.of(line(2, t), line(9, t),
                new PriorCharge(t, "INV-100", "j-this", 2, true, new BigDecimal("12.50")),
                new PriorCharge(t, "INV-100", "j-this", 9, true, new BigDecimal("12.50")));
        List<Finding> found = PackEvaluator.evaluate(pack, facts).findings();
        assertEquals(1, found.size(), found.toString());
        // tables/claim-limits.xlsx: CLAIM_WINDOW_DAYS 180 from the invoice date, 2026-11-16 + 180 days.
        assertEquals("2027-05-15", found.get(0).evidence().get("claimDeadline"));
        assertEquals(9, found.get(0).rowNumber());
        assertEquals(t, found.get(0).row().trackingNumber());
    }

    private static ChargeLine line(long row, String tracking) {
        return new ChargeLine(row, "INV-100", LocalDate.of(2026, 11, 16), "UPS", "A1", tracking,
                LocalDate.of(2026, 11, 9), null, "GROUND", "5", null, null, null, null, null, "20020", "US", null, 2.0,
                2.0, null, null, null, ChargeType.FREIGHT, "003", "Ground Commercial", new BigDecimal("12.50"), "USD");
    }
}
