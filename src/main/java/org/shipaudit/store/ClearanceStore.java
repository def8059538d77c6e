package org.shipaudit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Restricted-party clearances in the database, with the active ones held in memory: every pre-ship audit asks
 * {@link #active(String, String, String)} for each screening match, and that must not cost a query. The snapshot is
 * replaced after each change (one process writes the table). JDBC is blocking: add, remove and list from worker
 * threads; {@link #active} only reads memory.
 */
public final class ClearanceStore {
    private final Database db;
    private final Clock clock;
    private volatile Map<String, Clearance> active = Map.of();

    public ClearanceStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        reload();
    }

    private static String key(String list, String entryId, String partyKey) {
        return list + "\u0000" + entryId + "\u0000" + partyKey;
    }

    /** The active clearance of this party name (normalised) against this entry whose country fits, if any. */
    public Optional<Clearance> active(String list, String entryId, String partyKey, String partyCountry) {
        Clearance c = active.get(key(list, entryId, partyKey));
        if (c == null) {
            return Optional.empty();
        }
        boolean countryFits = c.partyCountry() == null || c.partyCountry().isEmpty()
                || c.partyCountry().equalsIgnoreCase(partyCountry == null ? "" : partyCountry);
        return countryFits ? Optional.of(c) : Optional.empty();
    }

    public Optional<Clearance> active(String list, String entryId, String partyKey) {
        return Optional.ofNullable(active.get(key(list, entryId, partyKey)));
    }

    public synchronized Clearance add(String partyKey, String partyCountry, String partyJson, String list,
                                      String entryId, String reason, String by) {
        Clearance c = new Clearance("clr-" + UUID.randomUUID().toString().substring(0, 13), partyKey,
                partyCountry == null ? "" : partyCountry, partyJson, list, entryId, reason, by,
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), null, null);
        try (Connection con = db.connection(); PreparedStatement ins = con.prepareStatement("INSERT INTO "
                + "screening_clearances (id, party_key, party_country, party_json, list_name, entry_id, reason, "
                + "cleared_by, cleared_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ins.setString(1, c.id());
            ins.setString(2, c.partyKey());
            ins.setString(3, c.partyCountry());
            ins.setString(4, c.partyJson());
            ins.setString(5, c.list());
            ins.setString(6, c.entryId());
            ins.setString(7, c.reason());
            ins.setString(8, c.clearedBy());
            ins.setObject(9, OffsetDateTime.ofInstant(c.clearedAt(), ZoneOffset.UTC));
            ins.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("screening clearances: " + e.getMessage(), e);
        }
        reload();
        return c;
    }

    /** Marks an active clearance removed; false when there is no active clearance with that id. */
    public synchronized boolean remove(String id, String by) {
        int n;
        try (Connection con = db.connection(); PreparedStatement up = con.prepareStatement("UPDATE screening_clearances"
                + " SET removed_by = ?, removed_at = ? WHERE id = ? AND removed_at IS NULL")) {
            up.setString(1, by);
            up.setObject(2, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            up.setString(3, id);
            n = up.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("screening clearances: " + e.getMessage(), e);
        }
        reload();
        return n > 0;
    }

    /** Every clearance, newest first; removed ones too when {@code includeRemoved}. */
    public List<Clearance> list(boolean includeRemoved) {
        List<Clearance> out = new ArrayList<>();
        try (Connection con = db.connection(); PreparedStatement q = con.prepareStatement("SELECT id, party_key, "
                + "party_country, party_json, list_name, entry_id, reason, cleared_by, cleared_at, removed_by, removed_at"
                + " FROM screening_clearances" + (includeRemoved ? "" : " WHERE removed_at IS NULL")
                + " ORDER BY cleared_at DESC, id")) {
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    out.add(new Clearance(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5), r.getString(6), r.getString(7), r.getString(8), instant(r, 9),
                            r.getString(10), instant(r, 11)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("screening clearances: " + e.getMessage(), e);
        }
        return out;
    }

    private void reload() {
        Map<String, Clearance> m = new HashMap<>();
        for (Clearance c : list(false)) {
            m.putIfAbsent(key(c.list(), c.entryId(), c.partyKey()), c);
        }
        active = Map.copyOf(m);
    }

    private static Instant instant(ResultSet r, int col) throws SQLException {
        OffsetDateTime t = r.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
