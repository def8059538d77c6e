package org.shipaudit.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts the packs that judge catalogs get for a batch of products, built the same way for a job and for a
 * scenario: one {@link AuditContext} (the business date table rows are judged on; no countries, so rules about
 * shipments between countries stay silent), each product, each product as a {@link LineItem} (for the hs-codes and
 * hazmat rules that judge items), and the first earlier row of each SKU the batch repeats.
 */
public final class CatalogFacts {

    /** The key of the audit context: one context judges every product of the batch. */
    public static final String CONTEXT_KEY = "catalog";

    private CatalogFacts() {
    }

    /**
     * @param batch   products in row order
     * @param history what was read before the batch; updated with the batch
     * @param today   the business date (the day the job was submitted)
     */
    public static List<Object> of(Collection<CatalogProduct> batch, CatalogHistory history, LocalDate today) {
        List<Object> facts = new ArrayList<>(batch.size() * 2 + 8);
        facts.add(new AuditContext(CONTEXT_KEY, today, null, null, null, null));
        Map<Long, PriorProduct> repeated = new LinkedHashMap<>();
        for (CatalogProduct p : batch) {
            facts.add(p);
            facts.add(p.toLineItem());
            PriorProduct earlier = history.see(p);
            if (earlier != null) {
                repeated.putIfAbsent(earlier.getRow(), earlier);
            }
        }
        facts.addAll(repeated.values());
        return facts;
    }
}
