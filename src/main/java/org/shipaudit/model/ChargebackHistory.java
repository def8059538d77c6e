package org.shipaudit.model;

import java.util.HashMap;
import java.util.Map;

/**
 * Remembers, while a chargebacks file is read in order, the first row of each (retailer, PO, code), so a batch of
 * rows can be given the earlier occurrence of anything it repeats. Memory grows with the distinct chargebacks of one
 * file (a few hundred bytes each): chargeback files hold thousands of rows, not millions. Not thread-safe.
 */
public final class ChargebackHistory {

    private final Map<String, PriorChargeback> first = new HashMap<>();

    /** The first earlier chargeback this one repeats, or null; remembers this one when it is the first. */
    public PriorChargeback see(Chargeback c) {
        String key = c.getDuplicateKey();
        if (key == null) {
            return null;
        }
        PriorChargeback earlier = first.putIfAbsent(key, PriorChargeback.of(c));
        return earlier != null && earlier.row() < c.row() ? earlier : null;
    }
}
