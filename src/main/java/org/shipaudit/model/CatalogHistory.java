package org.shipaudit.model;

import java.util.HashMap;
import java.util.Map;

/**
 * Remembers, while a catalog file is read in order, the first row of each SKU, so that each later row repeating it
 * is given that row. A resumed job feeds it the rows committed before, so a duplicate across the resume point is
 * still found, and found once. Memory grows with the distinct SKUs of one file (a few hundred bytes each: catalogs
 * hold thousands to a few hundred thousand variants). Not thread-safe.
 */
public final class CatalogHistory {

    private final Map<String, PriorProduct> first = new HashMap<>();

    /** The first earlier row with this product's SKU, or null; remembers this one when it is the first. */
    public PriorProduct see(CatalogProduct p) {
        String key = p.getSkuKey();
        if (key == null) {
            return null;
        }
        PriorProduct earlier = first.putIfAbsent(key, new PriorProduct(p));
        return earlier != null && earlier.getRow() < p.getRow() ? earlier : null;
    }
}
