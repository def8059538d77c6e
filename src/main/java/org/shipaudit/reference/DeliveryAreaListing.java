package org.shipaudit.reference;

/**
 * A destination ZIP code looked up in a carrier's delivery-area surcharge list for one year: {@code listed} with the
 * list's classification (DAS, EXTENDED, REMOTE, ...) or not listed. Only answered when that list is loaded.
 */
public record DeliveryAreaListing(String carrier, int year, String postalCode, boolean listed, String areaType,
                                  String edition) {
}
