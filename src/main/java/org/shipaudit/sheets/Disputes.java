package org.shipaudit.sheets;

import java.math.BigDecimal;
import org.shipaudit.findings.Finding;

/** Which findings are claims (against a carrier, or a retailer's chargeback), and the evidence keys a claim is written from. */
final class Disputes {

    static final String TRACKING_NUMBER = "trackingNumber";
    static final String INVOICE_NUMBER = "invoiceNumber";
    static final String CHARGE_CODE = "chargeCode";
    static final String BILLED_AMOUNT = "billedAmount";
    static final String EXPECTED_AMOUNT = "expectedAmount";
    static final String CLAIM_DEADLINE = "claimDeadline";
    /** Retailer chargebacks: the retailer, the PO and the carton or shipment reference the claim is about. */
    static final String RETAILER = "retailer";
    static final String PO_NUMBER = "poNumber";
    static final String REFERENCE = "reference";

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

    /** The row a finding is about, from its subject {@code rows[17]} (also {@code rows[17].charges[2]}); else -1. */
    static long rowOf(String subject) {
        if (subject == null || !subject.startsWith("rows[")) {
            return -1;
        }
        int end = subject.indexOf(']');
        try {
            return end > 5 ? Long.parseLong(subject.substring(5, end)) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
