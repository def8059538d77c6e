package org.shipaudit.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A part a pack plays for an audit other than its own, declared in {@code pack.yaml} under {@code roles} so that code
 * never finds a pack by its name.
 */
public enum PackRole {
    /**
     * The invoice audit runs this pre-ship pack on each invoiced package to learn what it should have been billed
     * (billable weight, package surcharges), so one definition judges the label and the bill. The invoice's packages
     * shipped the same day with the same carrier, service and destination country are given as the parcels of one
     * audit context, so the pack must judge each parcel by itself (no rule comparing parcels of a shipment may bound
     * a billable weight or predict a surcharge); {@code WeightsSessionTest} checks the shipped pack.
     */
    INVOICE_EXPECTATIONS;

    /** The name pack.yaml uses: {@code invoice-expectations}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<PackRole> parse(String id) {
        return Arrays.stream(values()).filter(r -> r.id().equals(id)).findFirst();
    }

    static List<String> ids() {
        return Arrays.stream(values()).map(PackRole::id).toList();
    }
}
