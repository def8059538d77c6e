package org.shipaudit.reference.screening;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * A party to screen: its name, and where it is (ISO country, city, street) to corroborate a name match.
 * {@code types} are the entry types to search (a shipment's parties: individuals and entities, never vessels or
 * aircraft). {@code day} is the business date: entries not in force on it (an expired BIS order) are left out; null
 * means every entry.
 */
public record ScreeningQuery(String name, String country, String city, String street, Set<EntryType> types,
                             LocalDate day, double minScore, int limit) {

    /** Individuals and entities: what a person or company on a shipment can be. */
    public static final Set<EntryType> PARTIES = Set.copyOf(EnumSet.of(EntryType.INDIVIDUAL, EntryType.ENTITY));

    public ScreeningQuery {
        types = types == null || types.isEmpty() ? PARTIES : Set.copyOf(types);
    }
}
