package org.shipaudit.sheets;

import java.io.IOException;
import java.util.List;

/** Where {@link XlsxSheetHandler} sends a worksheet's rows: an invoice's {@link RowDriver}, or a plain row visitor. */
interface RawRows {

    /** A row with no value at all. */
    void emptyRow(long row);

    /** A row with at least one value; false ends the sheet (the driver gave up probing for a header). */
    boolean accept(long row, List<String> cells) throws IOException, InvoiceSheetException;
}
