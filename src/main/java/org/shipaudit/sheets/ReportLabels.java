package org.shipaudit.sheets;

import org.shipaudit.findings.ClaimEvidence;

/**
 * The words of an annotated report that depend on what was audited: the sheet of original rows, the summary's title,
 * and the two groupings besides rule and category (who billed or charged back, and the week), each taken from the
 * row when it has a charge line, else from the finding's evidence. A null {@code weekHeading} leaves the week
 * grouping out, and {@code periods} false the shipped and invoiced periods (a catalog has neither).
 */
public record ReportLabels(String rowsSheet, String title, String partyHeading, String partyEvidence,
                           String weekHeading, String dateEvidence, boolean periods) {

    public ReportLabels(String rowsSheet, String title, String partyHeading, String partyEvidence, String weekHeading,
                        String dateEvidence) {
        this(rowsSheet, title, partyHeading, partyEvidence, weekHeading, dateEvidence, true);
    }

    public static final ReportLabels INVOICES = new ReportLabels("Invoice", "Invoice audit summary", "Carrier",
            "carrier", "Invoice week", "invoiceDate");

    public static final ReportLabels CHARGEBACKS = new ReportLabels("Chargebacks", "Chargeback audit summary",
            "Retailer", ClaimEvidence.RETAILER, "Notification week", ClaimEvidence.NOTIFICATION_DATE);

    /** A product catalog: findings grouped by the column they are about, which is what the person fixing it edits. */
    public static final ReportLabels CATALOG = new ReportLabels("Catalog", "Catalog audit summary", "Column",
            "column", null, null, false);
}
