package org.shipaudit.audit;

import java.util.ArrayList;
import java.util.List;
import org.shipaudit.model.api.Address;
import org.shipaudit.model.CatalogProduct;
import org.shipaudit.model.LineItem;
import org.shipaudit.model.api.Shipment;
import org.shipaudit.model.TariffMatch;
import org.shipaudit.model.TariffPlausibility;
import org.shipaudit.model.TariffSuggestion;
import org.shipaudit.reference.Coverage;
import org.shipaudit.reference.ReferenceIndex;
import org.shipaudit.reference.TariffLine;

/**
 * The reference facts for a batch of catalog products, looked up before rules fire. A product's HS code is judged as
 * the pre-ship audit judges an exported item's: the batch goes through {@link ShipmentEnricher} as the items of an
 * export from {@value #EXPORT_FROM} (so 8-10 digit codes are checked against the HTSUS when it is loaded, as a US
 * store's export codes), each item at its row and described by the product's title, so the code's existence
 * ({@link TariffMatch}) and the best tariff matches for the title ({@link TariffSuggestion}) are the same facts, made
 * the same way, as for a shipment: whatever improves the tariff search improves the catalog audit too. A product with
 * no HS code gets the tariff search's best matches for its title as suggestions.
 *
 * <p>Thread-safe (the index is); blocking I/O on the index: worker threads only. Costs one tariff search per product
 * with a title (a few milliseconds on real titles), which dominates a catalog audit.
 */
public final class CatalogEnricher {

    /** The country the catalog is taken to export from: its national lines are judged against its schedule. */
    static final String EXPORT_FROM = "US";
    /** A destination with no national schedule of its own loaded, so only the HS and the exporter's are asked. */
    private static final String EXPORT_TO = "CA";
    /** Suggestions given with a missing code. */
    static final int SUGGESTIONS = 5;

    private final ReferenceIndex index;
    private final ShipmentEnricher items;

    public CatalogEnricher(ReferenceIndex index) {
        this.index = index;
        this.items = new ShipmentEnricher(index);
    }

    /** The tariff facts for the batch (none when no tariff is loaded). */
    public List<Object> facts(List<CatalogProduct> batch) {
        List<Object> out = new ArrayList<>();
        Coverage coverage = index.coverage();
        if (coverage == null || !coverage.has("tariff:HS")) {
            return out;
        }
        List<Object> titled = new ArrayList<>(batch.size());
        for (CatalogProduct p : batch) {
            if (!p.isHsMissing()) {
                titled.add(p.toTitleItem());
            }
        }
        if (!titled.isEmpty()) {
            Shipment export = new Shipment("catalog", null, null, null, country(EXPORT_FROM), country(EXPORT_TO),
                    List.of(), List.of(), null, null);
            for (Object f : items.facts(export, titled)) {
                // Only what is about the items: the stand-in shipment's addresses are nobody's.
                if (f instanceof TariffMatch || f instanceof TariffSuggestion || f instanceof TariffPlausibility) {
                    out.add(f);
                }
            }
        }
        boolean sample = coverage.source("tariff:HS").map(Coverage.Source::bundled).orElse(false);
        for (CatalogProduct p : batch) {
            if (p.isHsMissing() && p.getTitle() != null) {
                LineItem item = p.toTitleItem();
                List<TariffLine> best = index.searchTariff(p.getTitle(), "HS", SUGGESTIONS);
                for (int r = 0; r < best.size(); r++) {
                    TariffLine l = best.get(r);
                    out.add(new TariffSuggestion(item.getIndex(), r + 1, "HS", l.code(), l.description(), l.score(),
                            sample));
                }
            }
        }
        return out;
    }

    private static Address country(String code) {
        return new Address(null, null, null, null, null, null, null, code, null);
    }
}
