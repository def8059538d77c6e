package org.shipaudit.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.shipaudit.model.api.NetQuantity;

/**
 * One Hazardous Materials Table (49 CFR 172.101) entry for an item's UN number; a number can have several entries
 * (one per packing group, name or physical state). Quantity limits are the table's text ("5 kg", "Forbidden").
 * {@code matchesDeclaration} marks the entries the declared proper shipping name, class and packing group select
 * (all of them when the declaration does not tell them apart): what may ship is judged on those only, while class
 * and packing group checks see every entry of the number. An entry found by its name (a "Forbidden" entry has no
 * number) has no UN number. Added by the audit's enrichment; scenario files may supply it.
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
    private final boolean matchesDeclaration;

    @JsonCreator
    public HazmatFact(@JsonProperty("itemIndex") int itemIndex, @JsonProperty("unNumber") String unNumber,
                      @JsonProperty("properShippingName") String properShippingName,
                      @JsonProperty("hazardClass") String hazardClass,
                      @JsonProperty("packingGroup") String packingGroup,
                      @JsonProperty("passengerAircraftLimit") String passengerAircraftLimit,
                      @JsonProperty("cargoAircraftLimit") String cargoAircraftLimit,
                      @JsonProperty("forbidden") boolean forbidden,
                      @JsonProperty("matchesDeclaration") Boolean matchesDeclaration) {
        this.itemIndex = itemIndex;
        this.unNumber = LineItem.unNumber(unNumber);
        this.properShippingName = properShippingName;
        this.hazardClass = hazardClass == null || hazardClass.isBlank() ? null : hazardClass.trim();
        this.packingGroup = LineItem.packingGroup(packingGroup);
        this.passengerAircraftLimit = passengerAircraftLimit;
        this.cargoAircraftLimit = cargoAircraftLimit;
        this.forbidden = forbidden;
        // A scenario that supplies one entry supplies the one the declaration names.
        this.matchesDeclaration = matchesDeclaration == null || matchesDeclaration;
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

    /** True when the declaration names this entry (its proper shipping name, class and packing group). */
    public boolean isMatchesDeclaration() {
        return matchesDeclaration;
    }

    /** Column 9B says "Forbidden": not even a cargo aircraft may carry it (or it is forbidden outright). */
    public boolean isForbiddenOnCargoAircraft() {
        return forbidden || cargoAircraftLimit != null && cargoAircraftLimit.trim().equalsIgnoreCase("forbidden");
    }

    /** The column 9A (passenger) or 9B (cargo aircraft only) text. */
    public String aircraftLimit(boolean cargoAircraftOnly) {
        return cargoAircraftOnly ? cargoAircraftLimit : passengerAircraftLimit;
    }

    /**
     * The column 9A or 9B figure of the same kind (mass or volume) as {@code declared}, or null when the column sets
     * none of that kind.
     */
    public NetQuantity comparableLimit(boolean cargoAircraftOnly, NetQuantity declared) {
        if (declared == null || declared.unit() == null) {
            return null;
        }
        return NetQuantity.limits(aircraftLimit(cargoAircraftOnly)).stream()
                .filter(l -> l.unit().isMass() == declared.unit().isMass()).findFirst().orElse(null);
    }

    /** True when the column 9A or 9B figure of the declared quantity's kind is less than it. */
    public boolean exceedsLimit(boolean cargoAircraftOnly, NetQuantity declared) {
        return declared != null && declared.exceeds(comparableLimit(cargoAircraftOnly, declared));
    }

    /**
     * True when the column sets its figure in litres only and the declaration is a mass: a liquid's limit that a
     * mass cannot be checked against without its density. The other way round (a limit in kg, an aerosol declared by
     * its capacity in mL) is not reported: class 2 limits are masses and shippers state capacities.
     */
    public boolean volumeLimitForMass(boolean cargoAircraftOnly, NetQuantity declared) {
        if (declared == null || declared.unit() == null || !declared.unit().isMass()) {
            return false;
        }
        List<NetQuantity> limits = NetQuantity.limits(aircraftLimit(cargoAircraftOnly));
        return !limits.isEmpty() && limits.stream().noneMatch(l -> l.unit().isMass());
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
