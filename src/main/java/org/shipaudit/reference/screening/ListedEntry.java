package org.shipaudit.reference.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One entry of a restricted-party list as an importer reads it. {@code names} holds the listed name first, then the
 * aliases. {@code countries} are ISO codes from the addresses and, for people, nationality and citizenship.
 * {@code effective} and {@code expires} bound when the entry applies (a BIS denial order's dates; null when open).
 */
public record ListedEntry(SanctionsList list, String entryId, EntryType type, List<ListedName> names,
                          List<String> programs, List<ListedAddress> addresses, List<String> countries,
                          List<String> identifiers, String remarks, LocalDate listedOn, LocalDate effective,
                          LocalDate expires) {

    public ListedEntry {
        names = List.copyOf(names);
        programs = List.copyOf(new LinkedHashSet<>(programs));
        addresses = List.copyOf(addresses);
        List<String> c = new ArrayList<>(new LinkedHashSet<>(countries));
        c.removeIf(String::isEmpty);
        countries = List.copyOf(c);
        identifiers = List.copyOf(identifiers);
        remarks = remarks == null ? "" : remarks.strip();
        if (names.isEmpty()) {
            throw new IllegalArgumentException("an entry has a name");
        }
    }

    public String name() {
        return names.get(0).name();
    }

    /** True when the entry applies on the day (listed, not yet expired); always true without a day. */
    public boolean appliesOn(LocalDate day) {
        return day == null || (effective == null || !effective.isAfter(day)) && (expires == null || !expires.isBefore(day));
    }
}
