package org.shipaudit.sheets;

import java.util.List;

/**
 * What a read of an invoice sheet found.
 *
 * @param profile          the profile used: {@code generic}, {@code ups-billing}, {@code fedex-billing}, or
 *                         {@code mapping:<name>} for a saved column mapping
 * @param layout           one charge per row (LONG) or several charges per row (WIDE)
 * @param sheetName        the worksheet read (XLSX), null for CSV
 * @param headerRow        the row number of the header, 0 when the layout has none (UPS billing data)
 * @param header           the header names (for UPS billing data: the layout's column names)
 * @param rowsRead         data rows handed to the consumer
 * @param chargeLines      charge lines made of them
 * @param rowsWithErrors   rows with at least one row error
 * @param skippedEmptyRows rows with no value at all, skipped without a call to the consumer
 */
public record SheetSummary(
        String profile,
        Layout layout,
        String sheetName,
        long headerRow,
        List<String> header,
        long rowsRead,
        long chargeLines,
        long rowsWithErrors,
        long skippedEmptyRows) {

    public SheetSummary {
        header = List.copyOf(header);
    }

    /** One charge per row, or one row per package with one column (or column pair) per charge. */
    public enum Layout { LONG, WIDE }
}
