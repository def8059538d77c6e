package org.shipaudit.sheets;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.shipaudit.model.ChargeLine;
import org.shipaudit.model.RowError;

/**
 * Drives one sheet's raw rows through header detection and the bound profile to the consumer, counting as it goes.
 * Until a header is found the rows are only probed; after {@link #PROBE_ROWS} non-empty rows without one the sheet is
 * given up ({@link #accept} answers false) so the reader can try the next sheet or refuse the file.
 */
final class RowDriver implements RawRows {

    /** Title rows, notes and blank lines an export may put above its header. */
    static final int PROBE_ROWS = 20;

    private final InvoiceProfile profile;
    private final ColumnMapping mapping;
    private final SheetLayout layout;
    private final boolean decimalComma;
    private final SheetRowConsumer consumer;
    private Binding binding;
    private int probed;
    private List<String> bestCandidate;
    private long bestCandidateRow;
    private int bestMatches = -1;
    private InvoiceSheetException bindFailure;
    private long rowsRead;
    private long chargeLines;
    private long rowsWithErrors;
    private long skippedEmpty;
    private long lastRow;

    /** @param layout the header layout of a non-invoice sheet; null to recognise the invoice profiles */
    RowDriver(InvoiceProfile profile, ColumnMapping mapping, SheetLayout layout, boolean decimalComma,
              SheetRowConsumer consumer) {
        this.profile = profile;
        this.mapping = mapping;
        this.layout = layout;
        this.decimalComma = decimalComma;
        this.consumer = consumer;
    }

    boolean bound() {
        return binding != null;
    }

    /** A row with no value at all: only counted. */
    @Override
    public void emptyRow(long row) {
        if (binding != null) {
            skippedEmpty += row - lastRow;
            lastRow = row;
        }
    }

    /**
     * One row with at least one value. Answers false when the sheet has been probed long enough without a header.
     */
    @Override
    public boolean accept(long row, List<String> cells) throws IOException, InvoiceSheetException {
        return accept(row, cells, null);
    }

    /** As {@link #accept(long, List)}, for a CSV record that starts at {@code start}. */
    boolean accept(long row, List<String> cells, org.shipaudit.csv.CsvReader.Mark start)
            throws IOException, InvoiceSheetException {
        if (binding != null) {
            // Rows missing between two present ones (XLSX stores no empty rows) count as skipped empty rows.
            skippedEmpty += Math.max(0, row - lastRow - 1);
            lastRow = row;
            deliver(row, cells, start);
            return true;
        }
        if (isBlank(cells)) {
            return true;
        }
        binding = recognise(row, cells);
        if (binding != null) {
            lastRow = row;
            consumer.header(binding.headerRow(), binding.header());
            if (binding.firstRowIsData()) {
                deliver(row, cells, start);
            }
            return true;
        }
        return ++probed < PROBE_ROWS;
    }

    private void deliver(long row, List<String> cells, org.shipaudit.csv.CsvReader.Mark start) throws IOException {
        if (isBlank(cells)) {
            skippedEmpty++;
            return;
        }
        List<ChargeLine> lines = new ArrayList<>(2);
        List<RowError> errors = new ArrayList<>(0);
        binding.mapper().map(row, cells, lines, errors);
        rowsRead++;
        chargeLines += lines.size();
        if (!errors.isEmpty()) {
            rowsWithErrors++;
        }
        consumer.accept(new SheetRow(row, cells, lines, errors, start));
    }

    private Binding recognise(long row, List<String> cells) throws InvoiceSheetException {
        if (layout != null) {
            try {
                return layout.bind(row, cells, decimalComma);
            } catch (InvoiceSheetException e) {
                // As for the generic profile: a later row may be the complete header.
                bindFailure = e;
                return null;
            }
        }
        boolean auto = profile == InvoiceProfile.AUTO && mapping == null;
        if (mapping != null) {
            return generic(row, cells);
        }
        if ((auto || profile == InvoiceProfile.FEDEX_BILLING) && FedexBillingProfile.isHeader(cells)) {
            return FedexBillingProfile.bind(cells, row, decimalComma);
        }
        if (auto || profile == InvoiceProfile.UPS_BILLING) {
            if (UpsBillingProfile.isNamedHeader(cells)) {
                return UpsBillingProfile.named(cells, row, decimalComma);
            }
            if (UpsBillingProfile.isDataRow(cells)) {
                return UpsBillingProfile.headerless(decimalComma);
            }
        }
        if (auto || profile == InvoiceProfile.GENERIC) {
            return generic(row, cells);
        }
        return null;
    }

    private Binding generic(long row, List<String> cells) throws InvoiceSheetException {
        int matches = GenericProfile.matches(cells, mapping);
        if (matches > bestMatches) {
            bestMatches = matches;
            bestCandidate = cells;
            bestCandidateRow = row;
        }
        if (!GenericProfile.looksLikeHeader(cells, mapping)) {
            return null;
        }
        try {
            return GenericProfile.bind(cells, row, mapping, decimalComma);
        } catch (InvoiceSheetException e) {
            // Remembered rather than thrown: another sheet of the workbook may have a complete header.
            bindFailure = e;
            return null;
        }
    }

    /** Why no header was found in this sheet, for a finance user. */
    InvoiceSheetException noHeader(String where) {
        if (bindFailure != null) {
            return bindFailure;
        }
        if (layout != null) {
            return layout.noHeader(where);
        }
        String expected = switch (mapping != null ? InvoiceProfile.GENERIC : profile) {
            case FEDEX_BILLING -> "a FedEx Billing Online header (\"Express or Ground Tracking ID\", \"Tracking ID Charge "
                    + "Description\", ...)";
            case UPS_BILLING -> "UPS Billing Data rows (250 columns, invoice date in column 5, net amount in column 53)";
            case GENERIC -> "a header with the generic columns (" + String.join(", ", GenericProfile.REQUIRED)
                    + ", charge_amount or one column per charge)";
            default -> "a header naming the invoice columns (the generic profile), a FedEx Billing Online header, or "
                    + "UPS Billing Data rows";
        };
        List<String> missing = bestCandidate == null || bestMatches <= 0 ? List.of()
                : GenericProfile.missing(bestCandidate, mapping);
        String hint = missing.isEmpty() ? "" : " The closest row (" + bestCandidateRow + ") lacks: "
                + String.join(", ", missing) + ".";
        return new InvoiceSheetException(missing.isEmpty() ? InvoiceSheetException.Reason.NO_HEADER
                : InvoiceSheetException.Reason.MISSING_COLUMNS,
                "No invoice header found in " + where + ": expected " + expected + "." + hint, missing, null);
    }

    SheetSummary summary(String sheetName) {
        return new SheetSummary(binding.profile(), binding.layout(), sheetName, binding.headerRow(), binding.header(),
                rowsRead, chargeLines, rowsWithErrors, skippedEmpty);
    }

    static boolean isBlank(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String s = cells.get(i);
            if (s != null && !s.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
