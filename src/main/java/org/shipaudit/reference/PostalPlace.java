package org.shipaudit.reference;

/**
 * A place served by a postal code (GeoNames layout); one code can serve several places.
 *
 * <p>{@code state} is the first-order subdivision name and {@code stateCode} its code as GeoNames gives it
 * (US "NY", DE "BY", GB "ENG"); {@code province} is the second order (US county). Coordinates may be null.
 */
public record PostalPlace(
        String country,
        String postalCode,
        String place,
        String state,
        String stateCode,
        String province,
        Double latitude,
        Double longitude) {
}
