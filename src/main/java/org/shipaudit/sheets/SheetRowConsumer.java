package org.shipaudit.sheets;

import java.io.IOException;
import java.util.List;

/**
 * Receives an invoice sheet row by row, on the thread that called {@link InvoiceSheetReader#read}. Throwing stops
 * the read and the exception reaches the caller unchanged.
 */
@FunctionalInterface
public interface SheetRowConsumer {

    /** Called once, before the first row, with the header (for the headerless UPS layout: the layout's names). */
    default void header(long row, List<String> names) throws IOException {
    }

    void accept(SheetRow row) throws IOException;
}
