package org.shipaudit.sheets;

import java.io.IOException;
import java.util.List;
import org.shipaudit.model.CatalogProduct;

/**
 * Receives a catalog file row by row, on the thread that called {@link CatalogSheetReader#read}: the row as read
 * (cells and row errors) and the product made of it. Throwing stops the read.
 */
public interface CatalogRowConsumer {

    /** Called once, before the first row, with the header and where each product field is in it. */
    default void header(long row, List<String> names, CatalogColumns columns) throws IOException {
    }

    /**
     * @param product the product of the row; null when the row had errors (they are in {@code row.errors()}) or is
     *                no product (a Shopify image row: the Handle and a further image only)
     */
    void accept(SheetRow row, CatalogProduct product) throws IOException;

    /** Rows only, for writers of the original rows (the annotated report). */
    static CatalogRowConsumer rows(SheetRowConsumer rows) {
        return new CatalogRowConsumer() {
            @Override
            public void header(long row, List<String> names, CatalogColumns columns) throws IOException {
                rows.header(row, names);
            }

            @Override
            public void accept(SheetRow row, CatalogProduct product) throws IOException {
                rows.accept(row);
            }
        };
    }
}
