package org.shipaudit.rules;

import java.util.List;

/**
 * The {@code pack.yaml} of a rule pack. {@code version} is the version a pack starts from; once deployed through the
 * service, versions are assigned by the version store. {@code appliesTo} lists what the pack judges: {@code shipments}
 * (the default: pre-ship audits), {@code invoices} (carrier invoice lines), {@code chargebacks} (retailer
 * chargebacks files) and/or {@code catalog} (product catalog exports).
 */
public record PackManifest(String name, String version, String owner, String summary, List<String> appliesTo) {

    /** The values {@code appliesTo} may hold: the audits that run packs. */
    public static final java.util.List<String> KINDS = java.util.List.of("shipments", "invoices", "chargebacks",
            "catalog");

    public PackManifest {
        appliesTo = appliesTo == null || appliesTo.isEmpty() ? List.of("shipments") : List.copyOf(appliesTo);
    }

    /** Whether the pack judges pre-ship audits, invoice lines or chargebacks ({@link #KINDS}). */
    public boolean appliesTo(String kind) {
        return appliesTo.contains(kind);
    }
}
