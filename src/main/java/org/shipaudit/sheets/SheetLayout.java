package org.shipaudit.sheets;

import java.util.List;

/**
 * The header of a kind of sheet other than a carrier invoice (a chargebacks file), so that the invoice reader's file
 * handling (type sniffing, streaming XLSX and CSV, header probing, row errors) reads it too. One instance per read:
 * the binding's mapper may keep state.
 */
interface SheetLayout {

    /**
     * The binding when {@code cells} is this layout's header; null when the row is not a header.
     *
     * @throws InvoiceSheetException the row is a header but lacks required columns (422 naming them)
     */
    Binding bind(long row, List<String> cells, boolean decimalComma) throws InvoiceSheetException;

    /** The worksheet about to be read (XLSX only, before its rows), for layouts whose findings name their sheet. */
    default void sheet(String name) {
    }

    /** Why no header was found in {@code where} ("the CSV file", "sheet 'Data'"). */
    InvoiceSheetException noHeader(String where);
}
