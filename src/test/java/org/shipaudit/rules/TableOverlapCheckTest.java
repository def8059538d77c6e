package org.shipaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableOverlapCheckTest {

    static String row(String cell, String name, String carrier, String from, String to, String action) {
        return "// rule values at " + cell + ", header at B5\nrule \"" + name + "\"\n\twhen\n\t\tAuditContext(carrier == \""
                + carrier + "\")\n\t\tAuditContext(onOrAfter(\"" + from + "\"))\n"
                + (to == null ? "" : "\t\tAuditContext(onOrBefore(\"" + to + "\"))\n")
                + "\tthen\n\t\t" + action + "\n\t\tinsert(x.citing(\"s\"));\nend\n\n";
    }

    @Test
    void warnsOfTwoRowsForTheSameCarrierAndPeriod() {
        String drl = row("B10", "UPS a", "UPS", "2024-01-01", null, "L l = new L(); l.setMax(150);")
                + row("B11", "UPS b", "UPS", "2025-01-01", null, "L l = new L(); l.setMax(140);");
        List<String> w = TableOverlapCheck.warnings(Map.of("tables/t.xlsx", drl));
        assertEquals(1, w.size(), w::toString);
        assertTrue(w.get(0).contains("B10") && w.get(0).contains("B11"));
    }

    @Test
    void acceptsConsecutivePeriodsOtherCarriersAndOtherKinds() {
        String drl = row("B10", "UPS to 2025", "UPS", "2020-01-01", "2025-12-31", "L l = new L(K.A); l.setMax(1);")
                + row("B11", "UPS from 2026", "UPS", "2026-01-01", null, "L l = new L(K.A); l.setMax(2);")
                + row("B12", "FedEx", "FEDEX", "2020-01-01", null, "L l = new L(K.A); l.setMax(3);")
                + row("B13", "UPS other kind", "UPS", "2020-01-01", null, "L l = new L(K.B); l.setMax(4);");
        assertEquals(List.of(), TableOverlapCheck.warnings(Map.of("tables/t.xlsx", drl)));
    }
}
