package org.shipaudit.sheets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a retailer chargebacks file (XLSX or CSV, one chargeback per row) through the invoice reader's file handling:
 * the same type sniffing, streaming, size limit, header probing and refusals (413, 415, 422), with the chargebacks
 * layout of {@link ChargebackProfile}. Rows that cannot be read come with their row errors and no chargeback; the read
 * goes on. Immutable; each {@link #read} runs on the caller's thread (a worker, never an event loop).
 */
public final class ChargebackSheetReader {

    /** The columns a chargebacks file must have. */
    public static final List<String> REQUIRED_COLUMNS = ChargebackProfile.REQUIRED;

    private final long maxBytes;

    /** @param maxBytes the largest file accepted; larger ones are refused with 413 */
    public ChargebackSheetReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Reads {@code file}, calling {@code consumer} once with the header and then once per non-empty data row, in order.
     *
     * @throws InvoiceSheetException the file is not a readable chargebacks sheet (status 413, 415 or 422)
     * @throws IOException           the file could not be read from disk, or the consumer failed
     */
    public SheetSummary read(Path file, ChargebackRowConsumer consumer) throws IOException, InvoiceSheetException {
        ChargebackProfile layout = new ChargebackProfile();
        return new InvoiceSheetReader(layout, maxBytes).read(file, new SheetRowConsumer() {
            @Override
            public void header(long row, List<String> names) throws IOException {
                consumer.header(row, names);
            }

            @Override
            public void accept(SheetRow row) throws IOException {
                consumer.accept(row, layout.take(row.row()));
            }
        });
    }
}
