package org.shipaudit.reference.zones;

/** What a zone chart says of an origin, a destination and a service. */
public enum ZoneStatus {
    /** The chart gives the zone (or, for a service billed under several zone series, the zones). */
    ZONE,
    /** The chart says the carrier does not serve the pair with that service (FedEx "NA", a blank UPS cell). */
    NOT_SERVED,
    /** The chart says the pair is served but prints its zone elsewhere (FedEx "*"). */
    ZONE_ELSEWHERE,
    /** The chart has no row for the origin or the destination, or its cell could not be read at import. */
    NOT_IN_CHART,
    /** The chart has no zone series for the service (UPS Ground Saver, international services). */
    NO_SERVICE,
    /** No zone chart of the carrier is loaded. */
    NO_CHART,
    /** Charts of the carrier are loaded, but none was in force on the ship date. */
    NOT_IN_FORCE,
    /** The origin or destination is not a US ZIP code, or no ship date was given. */
    NO_INPUT
}
