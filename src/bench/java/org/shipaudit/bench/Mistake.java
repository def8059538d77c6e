package org.shipaudit.bench;

import java.util.Set;

/**
 * Data mistakes the generator plants in a shipment, each with the weights-pack rule that must report it. Warehouses
 * make these every day (a scale that was skipped, a dimension typed as 0, a pallet-weight box sent by parcel), so a
 * realistic load has some.
 */
public enum Mistake {
    MISSING_WEIGHT("WGT-001"),
    ZERO_WEIGHT("WGT-002"),
    MISSING_DIMENSIONS("WGT-003"),
    ZERO_DIMENSION("WGT-004"),
    ITEMS_HEAVIER_THAN_PACKAGE("WGT-005"),
    OVER_CARRIER_WEIGHT_LIMIT("WGT-010"),
    /** 120 x 12 x 10 in: longer than UPS, FedEx (108 in) and DHL (300 cm) take, and over USPS' 130 in length + girth. */
    OVER_CARRIER_SIZE_LIMIT("WGT-011", "WGT-012");

    private final Set<String> ruleIds;

    Mistake(String... ruleIds) {
        this.ruleIds = Set.of(ruleIds);
    }

    /** The rules of which at least one must fire on a shipment carrying this mistake. */
    public Set<String> ruleIds() {
        return ruleIds;
    }
}
