package org.shipaudit.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts the retailer-chargebacks rules get for a batch of chargebacks, built the same way for a job and for a
 * scenario: an {@link AuditContext} whose business date is the audit's "today" (deadlines are judged against it, and
 * rules never read the clock), the chargebacks, and the first occurrence of each one a row repeats.
 */
public final class ChargebackFacts {

    /** The key of the audit context: one context judges every chargeback of the batch. */
    public static final String CONTEXT_KEY = "chargebacks";

    private ChargebackFacts() {
    }

    /**
     * @param batch   chargebacks in row order
     * @param history what was read before the batch; updated with the batch
     * @param today   the business date deadlines are judged against
     */
    public static List<Object> of(Collection<Chargeback> batch, ChargebackHistory history, LocalDate today) {
        List<Object> facts = new ArrayList<>(batch.size() + 8);
        facts.add(new AuditContext(CONTEXT_KEY, today, null, null, null, null));
        Map<String, PriorChargeback> repeated = new LinkedHashMap<>();
        for (Chargeback c : batch) {
            facts.add(c);
            PriorChargeback earlier = history.see(c);
            if (earlier != null) {
                repeated.putIfAbsent(earlier.key(), earlier);
            }
        }
        facts.addAll(repeated.values());
        return facts;
    }
}
