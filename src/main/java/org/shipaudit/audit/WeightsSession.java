package org.shipaudit.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.shipaudit.model.AuditContext;
import org.shipaudit.model.Parcel;
import org.shipaudit.model.api.Dimensions;
import org.shipaudit.model.api.LengthUnit;
import org.shipaudit.model.lookup.ServiceCatalog;
import org.shipaudit.rules.RulePack;

/**
 * The facts of one weights-pack session over many invoiced (or recorded) packages. Packages shipped on the same day
 * with the same carrier and service to the same country share one audit context, each its own parcel in it, as the
 * packages of one shipment do before shipping: the pack's tables become facts once per context (divisors, limits,
 * surcharge criteria: most of what the session costs), not once per package, and a batch of a thousand packages has a
 * few tens of contexts. The weights pack judges each parcel by itself against its context's facts (one Parcel pattern
 * per rule, joined to what it derives by context and parcel index), so a package's bounds and predicted surcharges do
 * not depend on the others it shares a context with; {@code WeightsSessionTest} holds the pack to that. Origin is
 * taken as US (carrier invoices audited here are from US accounts). Not thread-safe; one per session.
 */
final class WeightsSession {

    /** Where a package's conclusions come back: its context's key and its parcel index there. */
    record Slot(String context, int index) {
    }

    private record Context(LocalDate shipDate, String carrier, String service, String country) {
    }

    private final boolean shareContexts;
    private final Map<Context, String> keys = new HashMap<>();
    private final Map<String, Integer> parcels = new HashMap<>();
    private final List<Object> facts = new ArrayList<>();
    private int contexts;

    /**
     * @param weights the pack the facts are for: packages share contexts only when its rules judge each parcel by
     *                itself ({@link RulePack#judgesEachParcelApart()}); a deployed pack that compares, counts or sums
     *                parcels gets one context per package, as before the sharing
     */
    WeightsSession(RulePack weights) {
        this.shareContexts = weights.judgesEachParcelApart();
    }

    /** Adds one package; the slot its bounds and surcharge predictions will name. */
    Slot add(String id, LocalDate shipDate, String carrier, String service, String country, Double weightLb,
             Double length, Double width, Double height) {
        Context c = new Context(shipDate, carrier, ServiceCatalog.canonical(service), country == null ? "US" : country);
        String key = shareContexts ? keys.computeIfAbsent(c, this::open) : open(c);
        int index = parcels.merge(key, 1, Integer::sum) - 1;
        Dimensions dims = length != null && width != null && height != null
                ? new Dimensions(length, width, height, LengthUnit.IN) : null;
        facts.add(new Parcel(key, index, id, null, weightLb, null, null, dims));
        return new Slot(key, index);
    }

    /** A new audit context for {@code c}: its key, its fact added. */
    private String open(Context c) {
        String key = "weights-" + contexts++;
        facts.add(new AuditContext(key, c.shipDate(), c.carrier(), c.service(), "US", c.country()));
        return key;
    }

    List<Object> facts() {
        return facts;
    }

    boolean isEmpty() {
        return facts.isEmpty();
    }
}
