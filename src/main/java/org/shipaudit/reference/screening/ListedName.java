package org.shipaudit.reference.screening;

/** One name of an entry as the list writes it, with its quality mark. */
public record ListedName(String name, AliasQuality quality) {
}
