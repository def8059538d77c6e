package org.shipaudit.reference;

/** An ISO 3166-1 country; {@code currencyCode} is its ISO 4217 currency when the source gives one, else null. */
public record Country(String alpha2, String alpha3, String numeric, String name, String currencyCode) {
}
