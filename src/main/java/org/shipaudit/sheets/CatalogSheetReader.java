package org.shipaudit.sheets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads a product catalog export (XLSX or CSV, one product or variant per row) through the invoice reader's file
 * handling: the same type sniffing, streaming, size limit, header probing and refusals (413, 415, 422), with the
 * layouts of {@link CatalogProfile}: the Shopify product CSV export, or the generic catalog columns. Rows that cannot
 * be read come with their row errors and no product; the read goes on. Immutable; each {@link #read} runs on the
 * caller's thread (a worker, never an event loop).
 */
public final class CatalogSheetReader {

    /** The profiles a catalog job takes: {@code auto} finds Shopify or generic from the header. */
    public static final List<String> PROFILES = List.of("auto", "shopify", "generic");

    private final String profile;
    private final long maxBytes;

    /**
     * @param profile  {@code auto}, {@code shopify} or {@code generic}
     * @param maxBytes the largest file accepted; larger ones are refused with 413
     * @throws IllegalArgumentException for another profile, with a message naming the ones there are
     */
    public CatalogSheetReader(String profile, long maxBytes) {
        String p = profile == null || profile.isBlank() ? "auto" : profile.trim().toLowerCase(Locale.ROOT);
        if (!PROFILES.contains(p)) {
            throw new IllegalArgumentException("a catalog is read with profile auto, shopify or generic, not '"
                    + profile + "'");
        }
        this.profile = p;
        this.maxBytes = maxBytes;
    }

    /**
     * Reads {@code file}, calling {@code consumer} once with the header and then once per non-empty data row, in order.
     *
     * @throws InvoiceSheetException the file is not a readable catalog (status 413, 415 or 422)
     * @throws IOException           the file could not be read from disk, or the consumer failed
     */
    public SheetSummary read(Path file, CatalogRowConsumer consumer) throws IOException, InvoiceSheetException {
        CatalogProfile layout = new CatalogProfile(profile);
        return new InvoiceSheetReader(layout, maxBytes).read(file, new SheetRowConsumer() {
            @Override
            public void header(long row, List<String> names) throws IOException {
                consumer.header(row, names, layout.columns());
            }

            @Override
            public void accept(SheetRow row) throws IOException {
                consumer.accept(row, layout.take(row.row()));
            }
        });
    }
}
