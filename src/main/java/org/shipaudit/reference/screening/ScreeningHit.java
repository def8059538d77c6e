package org.shipaudit.reference.screening;

import java.time.LocalDate;
import java.util.List;

/**
 * One list entry matched by a screened name: the entry (list, id, listed name, type, programs, addresses), the name
 * or alias that matched and its quality mark, the score from 0 to 1 and the reasons behind it.
 */
public record ScreeningHit(SanctionsList list, String entryId, String name, String matchedName,
                           AliasQuality matchedQuality, double score, EntryType type, List<String> programs,
                           List<String> addresses, List<String> countries, List<String> identifiers, String remarks,
                           List<String> reasons, LocalDate listedOn, LocalDate expires) {

    public ScreeningHit {
        programs = List.copyOf(programs);
        addresses = List.copyOf(addresses);
        countries = List.copyOf(countries);
        identifiers = List.copyOf(identifiers);
        reasons = List.copyOf(reasons);
    }

    /** True when the hit rests on a weak alias only: OFAC treats such a match as less reliable. */
    public boolean weakAlias() {
        return matchedQuality != null && matchedQuality.weak();
    }
}
