package org.shipaudit.model.api;

/**
 * A further party of a shipment to screen (API.md {@code parties}): its role, person and company names and where it
 * is. {@code country} is ISO 3166-1 alpha-2.
 */
public record Party(PartyRole role, String name, String company, String street1, String city, String postalCode,
                    String country) {
}
