package org.shipaudit.reference;

/** An ISO 4217 currency; {@code minorUnit} is the number of decimals, null when not applicable or not given. */
public record Currency(String code, String numeric, String name, Integer minorUnit) {
}
