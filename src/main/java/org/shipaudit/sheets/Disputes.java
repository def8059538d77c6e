package org.shipaudit.sheets;

import java.math.BigDecimal;
import org.shipaudit.findings.ClaimEvidence;
import org.shipaudit.findings.Finding;

/** Which findings are claims (against a carrier, or a retailer's chargeback); their evidence keys are {@link ClaimEvidence}. */
final class Disputes {

    private Disputes() {
    }

    /** A finding is a claim when it claims a positive amount back ({@link Finding#claimable}). */
    static boolean disputable(Finding f) {
        return f.claimable().signum() > 0;
    }

    static BigDecimal amount(Finding f) {
        return f.claimable();
    }

    static String evidence(Finding f, String key) {
        String v = f.evidence().get(key);
        return v == null || v.isBlank() ? null : v;
    }
}
