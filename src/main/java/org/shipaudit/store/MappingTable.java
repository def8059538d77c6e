package org.shipaudit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Saved column mappings in a database every node shares: name and the mapping's JSON. The jobs package owns what a
 * mapping means; this class only keeps the rows, so JDBC stays in {@code store}. Blocking: worker threads only.
 */
public final class MappingTable {

    private final Database db;

    public MappingTable(Database db) {
        this.db = db;
    }

    /** Replaces the mapping of that name (delete and insert: the same SQL on H2 and PostgreSQL). */
    public void save(String name, String json) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement del = c.prepareStatement("DELETE FROM column_mappings WHERE name = ?");
                 PreparedStatement ins = c.prepareStatement(
                         "INSERT INTO column_mappings (name, mapping, saved_at) VALUES (?,?,?)")) {
                del.setString(1, name);
                del.executeUpdate();
                ins.setString(1, name);
                ins.setString(2, json);
                ins.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                ins.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database: " + e.getMessage(), e);
        }
    }

    /** The JSON saved under {@code name}, if any. */
    public Optional<String> find(String name) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT mapping FROM column_mappings WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database: " + e.getMessage(), e);
        }
    }

    /** The saved names, sorted. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT name FROM column_mappings ORDER BY name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database: " + e.getMessage(), e);
        }
        return names;
    }
}
