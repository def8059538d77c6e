package org.shipaudit.reference.screening;

import java.util.Locale;

/** What a list entry is. Vessels and aircraft are never matched against a person or a company on a shipment. */
public enum EntryType {
    INDIVIDUAL, ENTITY, VESSEL, AIRCRAFT;

    /** The lower-case name the API writes ("individual"). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads "individual", "Entity", ...; null when it is none of them. */
    public static EntryType parse(String s) {
        if (s == null) {
            return null;
        }
        for (EntryType t : values()) {
            if (t.name().equalsIgnoreCase(s.trim())) {
                return t;
            }
        }
        return null;
    }

    /** The form its names take, for {@link NameNormalizer}. */
    public NameForm form() {
        return this == INDIVIDUAL ? NameForm.INDIVIDUAL : NameForm.ENTITY;
    }
}
