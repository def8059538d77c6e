package org.shipaudit.model;

/**
 * A transportation charge billed before the rows being audited: earlier in the same upload or in an earlier one.
 * Fetched from the billed-charge history and given to the rules as a fact, so rules decide what is a duplicate.
 */
public record PriorCharge(String trackingNumber, String invoiceNumber, String jobId, long row, boolean sameUpload,
                          java.math.BigDecimal amount) {
}
