package org.shipaudit.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One Hazardous Materials Table (49 CFR 172.101) entry for an item's UN number; a number can have several entries
 * (one per packing group or physical state). Quantity limits are the table's text ("5 kg", "Forbidden").
 * Added by the audit's enrichment; scenario files may supply it.
 */
public final class HazmatFact {

    private final int itemIndex;
    private final String unNumber;
    private final String properShippingName;
    private final String hazardClass;
    private final String packingGroup;
    private final String passengerAircraftLimit;
    private final String cargoAircraftLimit;
    private final boolean forbidden;

    @JsonCreator
    public HazmatFact(@JsonProperty("itemIndex") int itemIndex, @JsonProperty("unNumber") String unNumber,
                      @JsonProperty("properShippingName") String properShippingName,
                      @JsonProperty("hazardClass") String hazardClass,
                      @JsonProperty("packingGroup") String packingGroup,
                      @JsonProperty("passengerAircraftLimit") String passengerAircraftLimit,
                      @JsonProperty("cargoAircraftLimit") String cargoAircraftLimit,
                      @JsonProperty("forbidden") boolean forbidden) {
        this.itemIndex = itemIndex;
        this.unNumber = LineItem.unNumber(unNumber);
        this.properShippingName = properShippingName;
        this.hazardClass = hazardClass == null || hazardClass.isBlank() ? null : hazardClass.trim();
        this.packingGroup = LineItem.packingGroup(packingGroup);
        this.passengerAircraftLimit = passengerAircraftLimit;
        this.cargoAircraftLimit = cargoAircraftLimit;
        this.forbidden = forbidden;
    }

    public int getItemIndex() {
        return itemIndex;
    }

    public String getUnNumber() {
        return unNumber;
    }

    public String getProperShippingName() {
        return properShippingName;
    }

    public String getHazardClass() {
        return hazardClass;
    }

    /** "I", "II", "III", or null when the table gives none. */
    public String getPackingGroup() {
        return packingGroup;
    }

    public String getPassengerAircraftLimit() {
        return passengerAircraftLimit;
    }

    public String getCargoAircraftLimit() {
        return cargoAircraftLimit;
    }

    /** Forbidden for transport outright (column 9 "Forbidden" for both aircraft, or a forbidden entry). */
    public boolean isForbidden() {
        return forbidden;
    }

    /** The table forbids it as cargo on passenger aircraft (or forbids it outright). */
    public boolean isForbiddenOnPassengerAircraft() {
        return forbidden || passengerAircraftLimit != null && passengerAircraftLimit.trim().equalsIgnoreCase("forbidden");
    }

    /** The class as the declaration would match it: "2.1" and "2.1 " alike; null-safe. */
    public boolean classIs(String declared) {
        return declared != null && hazardClass != null && hazardClass.equalsIgnoreCase(declared.trim());
    }

    /** True when the entry has no packing group or the declared one equals it. */
    public boolean packingGroupAccepts(String declared) {
        return packingGroup == null || packingGroup.equals(LineItem.packingGroup(declared));
    }
}
