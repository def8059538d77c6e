package org.shipaudit.store;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.shipaudit.auth.ApiKeys;

/**
 * API keys kept in the database every node shares (table {@code api_keys}): names, key hashes (never a key), roles
 * and creation instants. The JDBC side of {@link ApiKeys.Shared}; {@code auth.ApiKeys} validates and compares them.
 */
public final class SharedApiKeys implements ApiKeys.Shared {

    private final Database db;
    private final String describe;

    public SharedApiKeys(Database db, String describe) {
        this.db = db;
        this.describe = describe;
    }

    @Override
    public List<ApiKeys.Entry> entries() throws IOException {
        return io(() -> db.withConnection(c -> {
            List<ApiKeys.Entry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT name, sha256, roles, created FROM api_keys ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String roles = rs.getString(3);
                    out.add(new ApiKeys.Entry(rs.getString(1), rs.getString(2),
                            roles.isEmpty() ? List.of() : Arrays.asList(roles.split(",")), rs.getString(4)));
                }
            }
            return out;
        }));
    }

    @Override
    public void add(ApiKeys.Entry entry) throws IOException {
        boolean added = io(() -> db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO api_keys (name, sha256, roles, created) VALUES (?,?,?,?)")) {
                ps.setString(1, entry.name());
                ps.setString(2, entry.sha256());
                ps.setString(3, String.join(",", entry.roles() == null ? List.of() : entry.roles()));
                ps.setString(4, entry.created());
                return ps.executeUpdate() == 1;
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    return false; // the primary key: a key of that name exists (two nodes adding it at once: one wins)
                }
                throw e;
            }
        }));
        if (!added) {
            throw new IOException("a key named '" + entry.name() + "' already exists in " + describe);
        }
    }

    @Override
    public boolean remove(String name) throws IOException {
        return io(() -> db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM api_keys WHERE name = ?")) {
                ps.setString(1, name);
                return ps.executeUpdate() == 1;
            }
        }));
    }

    @Override
    public String describe() {
        return describe;
    }

    /** A database failure as the IOException the keys' callers handle. */
    private static <T> T io(java.util.function.Supplier<T> work) throws IOException {
        try {
            return work.get();
        } catch (IllegalStateException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
