package org.shipaudit.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases store tests run on: the embedded H2 file, and PostgreSQL when a server is configured with
 * {@code SHIPAUDIT_TEST_PG_URL} (or {@code -Dshipaudit.test.pg.url}), e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/shipaudit?user=shipaudit&password=shipaudit}. Each test directory gets a
 * schema of its own on the server, the same one each time it is opened (a test that reopens its database after a
 * "crash" finds what it wrote), so tests never see each other's rows.
 */
public final class TestDatabases {

    public static final String PG_URL_ENV = "SHIPAUDIT_TEST_PG_URL";

    private TestDatabases() {
    }

    /** The configured PostgreSQL URL, if any. */
    public static Optional<String> postgresUrl() {
        String url = System.getProperty("shipaudit.test.pg.url", System.getenv(PG_URL_ENV));
        return url == null || url.isBlank() ? Optional.empty() : Optional.of(url.trim());
    }

    /** Skips the calling test, saying why, when no PostgreSQL server is configured. */
    public static String requirePostgres() {
        Optional<String> url = postgresUrl();
        Assumptions.assumeTrue(url.isPresent(), "no PostgreSQL configured: set " + PG_URL_ENV
                + " (.ci/run does) to run the store tests on PostgreSQL too");
        return url.get();
    }

    /** A fresh (or the same, for the same directory) schema on the PostgreSQL server, migrated. */
    public static Database postgres(Path dir) {
        return Database.connect(schemaUrl(dir), "", "", 8);
    }

    /** The URL of the schema kept for this directory, created if needed. */
    public static String schemaUrl(Path dir) {
        String base = requirePostgres();
        String schema = "t_" + HexFormat.of().formatHex(
                java.nio.ByteBuffer.allocate(8).putLong(dir.toAbsolutePath().normalize().toString().hashCode()
                        * 1_000_003L + ProcessHandle.current().pid()).array());
        try (Connection c = DriverManager.getConnection(base); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + " on " + base + ": " + e.getMessage(), e);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
