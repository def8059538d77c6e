package org.shipaudit.sheets;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a shipments sheet (XLSX or CSV, one shipment of one package per row, the columns of {@link ShipmentProfile})
 * through the invoice reader's file handling: the same type sniffing, streaming, size limit, header probing and
 * refusals (413, 415, 422). Rows that break the shipment contract come with their row errors, each naming its column,
 * and no shipment; the read goes on. Immutable; each {@link #read} runs on the caller's thread (a worker, never an
 * event loop).
 */
public final class ShipmentSheetReader {

    /** Receives each data row in order, with the shipment it reads as (null when the row has errors). */
    @FunctionalInterface
    public interface Consumer {
        void accept(SheetRow row, ShipmentSheetRow shipment) throws IOException;
    }

    private final long maxBytes;

    /** @param maxBytes the largest file accepted; larger ones are refused with 413 */
    public ShipmentSheetReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * @throws InvoiceSheetException the file is not a readable shipments sheet (status 413, 415 or 422)
     * @throws IOException           the file could not be read from disk, or the consumer failed
     */
    public SheetSummary read(Path file, Consumer consumer) throws IOException, InvoiceSheetException {
        ShipmentProfile layout = new ShipmentProfile();
        return new InvoiceSheetReader(layout, maxBytes).read(file, row -> consumer.accept(row, layout.take(row.row())));
    }
}
