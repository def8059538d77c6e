package org.shipaudit.model;

import java.util.Set;

/**
 * What the pre-ship weights pack says one invoiced package should have been billed: its billable weight and the
 * package surcharges it triggers, computed from the weight, dimensions, carrier, service and ship date on the invoice.
 * The same definitions judge a label before shipping and the bill after.
 */
public record ExpectedCharges(String trackingNumber, long row, long billableWeightLb, String basis,
                              Set<SurchargeKind> surcharges, boolean dimensionsKnown) {

    public boolean predicts(SurchargeKind kind) {
        return surcharges.contains(kind);
    }
}
