package org.shipaudit.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Column mappings kept in the database every node shares (table {@code column_mappings}), as their JSON text: the
 * JDBC side of {@code jobs.MappingStore}, which validates and parses them.
 */
public final class SharedColumnMappings {

    private final Database db;

    public SharedColumnMappings(Database db) {
        this.db = db;
    }

    /** Replaces the mapping of that name (delete and insert: the same SQL on both engines), in one transaction. */
    public void save(String name, String json) {
        db.withConnection(c -> {
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
            return null;
        });
    }

    /** The mapping's JSON text, if one of that name is saved. */
    public Optional<String> find(String name) {
        return Optional.ofNullable(db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT mapping FROM column_mappings WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        }));
    }

    /** The names of the saved mappings, in order. */
    public List<String> names() {
        return db.withConnection(c -> {
            List<String> names = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM column_mappings ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        });
    }
}
