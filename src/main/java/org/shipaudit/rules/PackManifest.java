package org.shipaudit.rules;

import java.util.List;

/**
 * The {@code pack.yaml} of a rule pack. {@code version} is the version a pack starts from; once deployed through the
 * service, versions are assigned by the version store. {@code appliesTo} lists {@code shipments} (the default) and/or
 * {@code invoices}.
 */
public record PackManifest(String name, String version, String owner, String summary, List<String> appliesTo) {

    public PackManifest {
        appliesTo = appliesTo == null || appliesTo.isEmpty() ? List.of("shipments") : List.copyOf(appliesTo);
    }

    /** Whether the pack judges pre-ship audits ({@code shipments}) or invoice lines ({@code invoices}). */
    public boolean appliesTo(String kind) {
        return appliesTo.contains(kind);
    }
}
