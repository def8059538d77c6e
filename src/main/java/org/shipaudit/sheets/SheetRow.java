package org.shipaudit.sheets;

import java.util.List;
import org.shipaudit.model.ChargeLine;
import org.shipaudit.model.RowError;

/**
 * One data row of an invoice sheet as read: its cells as text (what the annotated report writes back), the charge
 * lines the profile made of it (none, one, or one per charge column or pair) and the problems found in it.
 *
 * @param row    the 1-based row number a spreadsheet program shows, counting the header and any rows above it
 * @param cells  the cells as text, in column order; numbers as written in the file, XLSX dates as ISO-8601
 * @param lines  the normalised charges; may be empty (an information-only row, or a row that could not be read)
 * @param errors the cells that could not be read; the row's other charges are still in {@code lines}
 */
public record SheetRow(long row, List<String> cells, List<ChargeLine> lines, List<RowError> errors,
                       org.shipaudit.csv.CsvReader.Mark start) {

    /**
     * @param start where the row starts in a CSV file's text, for a later read of the file from this row on
     *              ({@link InvoiceSheetReader#read(java.nio.file.Path, SheetRowConsumer, org.shipaudit.csv.CsvReader.Mark)});
     *              null for a workbook row
     */
    public SheetRow {
        cells = List.copyOf(cells);
        lines = List.copyOf(lines);
        errors = List.copyOf(errors);
    }

    /** A row of a workbook, or one whose place in the file is not kept. */
    public SheetRow(long row, List<String> cells, List<ChargeLine> lines, List<RowError> errors) {
        this(row, cells, lines, errors, null);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
