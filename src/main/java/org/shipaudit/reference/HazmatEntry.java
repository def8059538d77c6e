package org.shipaudit.reference;

import java.util.List;

/**
 * One entry of the 49 CFR 172.101 Hazardous Materials Table; a UN number can have several.
 *
 * <p>{@code unNumber} is "UN3480", "NA1993" or "ID8000", and empty for a "Forbidden" entry without a number.
 * Quantity limits are the table's text ("5 L", "35 kg gross", "Forbidden"); packing group is empty when the table
 * gives none.
 */
public record HazmatEntry(
        String unNumber,
        String properShippingName,
        String hazardClass,
        String packingGroup,
        List<String> subsidiaryRisks,
        List<String> labels,
        List<String> specialProvisions,
        String passengerAircraftLimit,
        String cargoAircraftLimit,
        boolean forbidden) {

    /** True when the table forbids the material as cargo on passenger aircraft (or forbids it outright). */
    public boolean forbiddenOnPassengerAircraft() {
        return forbidden || "forbidden".equalsIgnoreCase(passengerAircraftLimit == null ? "" : passengerAircraftLimit.trim());
    }
}
