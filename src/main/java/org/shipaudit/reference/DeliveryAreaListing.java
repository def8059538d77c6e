package org.shipaudit.reference;

/**
 * A destination ZIP code looked up in the carrier's delivery-area surcharge list in force on a day: {@code listed}
 * with its tier ({@link DeliveryAreaTier} name, or the label of our own layout when it names no tier), or not
 * listed. {@code year} is the year that list took effect. Only answered when a list of the carrier is in force.
 */
public record DeliveryAreaListing(String carrier, int year, String postalCode, boolean listed, String areaType,
                                  String edition) {
}
