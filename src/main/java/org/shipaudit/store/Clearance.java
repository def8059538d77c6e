package org.shipaudit.store;

import java.time.Instant;

/**
 * A compliance officer's decision that a party is not a listed entry: the party (as sent, and its normalised name
 * key and country), the list and entry, why, who and when; {@code removedBy}/{@code removedAt} are set once removed.
 */
public record Clearance(String id, String partyKey, String partyCountry, String partyJson, String list, String entryId,
                        String reason, String clearedBy, Instant clearedAt, String removedBy, Instant removedAt) {

    public boolean active() {
        return removedAt == null;
    }
}
