package org.shipaudit.model.api;

/** A postal address as sent by clients; country is ISO 3166-1 alpha-2. */
public record Address(
        String name,
        String company,
        String street1,
        String street2,
        String city,
        String state,
        String postalCode,
        String country,
        Boolean residential) {
}
