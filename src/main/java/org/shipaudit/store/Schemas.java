package org.shipaudit.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Schemas of their own on a shared PostgreSQL server, for runs that must not see each other's history (the cluster
 * benchmark runs the same generated invoice several times: in one schema, the second run would find every charge
 * billed twice). Needs a role that may create schemas in the database (its owner may).
 */
public final class Schemas {

    private Schemas() {
    }

    /**
     * Creates {@code schema} (letters, digits and underscores) and returns {@code url} pointed at it.
     *
     * @throws IllegalStateException naming the schema and the server's answer when it cannot be created
     */
    public static String create(String url, String user, String password, String schema) {
        execute(url, user, password, "CREATE SCHEMA " + checked(schema));
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Drops a schema made by {@link #create}, with everything in it. */
    public static void drop(String url, String user, String password, String schema) {
        execute(url, user, password, "DROP SCHEMA IF EXISTS " + checked(schema) + " CASCADE");
    }

    /** Bytes each table of the schema takes with its indexes and TOAST (PostgreSQL), largest first. */
    public static java.util.Map<String, Long> tableSizes(String url, String user, String password, String schema) {
        java.util.Map<String, Long> sizes = new java.util.LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url, properties(user, password));
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT c.relname, pg_total_relation_size(c.oid)"
                     + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ?"
                     + " AND c.relkind = 'r' ORDER BY 2 DESC")) {
            ps.setString(1, checked(schema));
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sizes.put(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("table sizes of " + schema + ": " + e.getMessage(), e);
        }
        return sizes;
    }

    private static Properties properties(String user, String password) {
        Properties p = new Properties();
        if (user != null && !user.isBlank()) {
            p.setProperty("user", user);
        }
        if (password != null && !password.isBlank()) {
            p.setProperty("password", password);
        }
        return p;
    }

    private static String checked(String schema) {
        if (!schema.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain schema name: '" + schema + "'");
        }
        return schema;
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection c = DriverManager.getConnection(url, properties(user, password));
             Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " on " + url.replaceAll("(?i)(password=)[^&;]*", "$1***") + ": "
                    + e.getMessage(), e);
        }
    }
}
