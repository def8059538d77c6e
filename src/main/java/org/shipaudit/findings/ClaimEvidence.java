package org.shipaudit.findings;

/**
 * The evidence keys a claim is written with and read back by: the rules' finding helper writes them, the claim
 * settlement, the disputes file and the annotated workbook read them. One set, so writer and readers cannot drift;
 * the names are part of the API (a finding's {@code evidence}).
 */
public final class ClaimEvidence {

    /** Carrier invoices: the package, the invoice, the charge, what was billed and what should have been. */
    public static final String TRACKING_NUMBER = "trackingNumber";
    public static final String INVOICE_NUMBER = "invoiceNumber";
    public static final String CHARGE_CODE = "chargeCode";
    public static final String BILLED_AMOUNT = "billedAmount";
    public static final String EXPECTED_AMOUNT = "expectedAmount";
    /** The last day a claim is accepted (ISO date); empty when it cannot be worked out. */
    public static final String CLAIM_DEADLINE = "claimDeadline";
    /** Retailer chargebacks: the sheet row, the retailer, the PO and the carton or shipment reference. */
    public static final String ROW = "row";
    public static final String RETAILER = "retailer";
    public static final String PO_NUMBER = "poNumber";
    public static final String REFERENCE = "reference";
    public static final String DISPUTABLE_AMOUNT = "disputableAmount";
    public static final String NOTIFICATION_DATE = "notificationDate";

    private ClaimEvidence() {
    }
}
