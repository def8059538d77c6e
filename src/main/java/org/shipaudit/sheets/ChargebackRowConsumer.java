package org.shipaudit.sheets;

import java.io.IOException;
import java.util.List;
import org.shipaudit.model.Chargeback;

/**
 * Receives a chargebacks file row by row, on the thread that called {@link ChargebackSheetReader#read}: the row as
 * read (cells and row errors) and the chargeback made of it. Throwing stops the read.
 */
@FunctionalInterface
public interface ChargebackRowConsumer {

    /** Called once, before the first row, with the header. */
    default void header(long row, List<String> names) throws IOException {
    }

    /** @param chargeback the chargeback of the row; null when the row had errors (they are in {@code row.errors()}) */
    void accept(SheetRow row, Chargeback chargeback) throws IOException;

    /** Rows only, for writers of the original rows (the annotated report). */
    static ChargebackRowConsumer rows(SheetRowConsumer rows) {
        return new ChargebackRowConsumer() {
            @Override
            public void header(long row, List<String> names) throws IOException {
                rows.header(row, names);
            }

            @Override
            public void accept(SheetRow row, Chargeback chargeback) throws IOException {
                rows.accept(row);
            }
        };
    }
}
