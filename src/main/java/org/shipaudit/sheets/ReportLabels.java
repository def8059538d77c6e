package org.shipaudit.sheets;

import org.shipaudit.findings.ClaimEvidence;

/**
 * The words of an annotated report that depend on what was audited: the sheet of original rows, the summary's title,
 * and the two groupings besides rule and category (who billed or charged back, and the week), each taken from the
 * row when it has a charge line, else from the finding's evidence.
 */
public record ReportLabels(String rowsSheet, String title, String partyHeading, String partyEvidence,
                           String weekHeading, String dateEvidence) {

    public static final ReportLabels INVOICES = new ReportLabels("Invoice", "Invoice audit summary", "Carrier",
            "carrier", "Invoice week", "invoiceDate");

    public static final ReportLabels CHARGEBACKS = new ReportLabels("Chargebacks", "Chargeback audit summary",
            "Retailer", ClaimEvidence.RETAILER, "Notification week", ClaimEvidence.NOTIFICATION_DATE);
}
