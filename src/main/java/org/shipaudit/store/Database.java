package org.shipaudit.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded SQL database in the data directory, with its schema migrations. Migrations are numbered SQL files under
 * {@code db/migration} ({@code V1__jobs.sql}, ...) applied in order once each and recorded in
 * {@code schema_version}; a small runner rather than a migration library, since the list is short and only additive.
 * JDBC is blocking: use from worker threads only.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** Applied in this order; add new files at the end, never edit an applied one. */
    static final List<String> MIGRATIONS = List.of("V1__jobs.sql", "V2__job_resume_row.sql", "V3__billed_charges_lean.sql",
            "V4__shipped_packages.sql", "V5__unrecognised_charges.sql", "V6__audit_trail.sql");

    private final JdbcConnectionPool pool;

    private Database(JdbcConnectionPool pool) {
        this.pool = pool;
    }

    /** Opens (creating if needed) the database file {@code <dir>/shipaudit.mv.db} and migrates it. */
    public static Database open(Path dir) {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("shipaudit")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "shipaudit", "");
        pool.setMaxConnections(16);
        Database db = new Database(pool);
        db.migrate();
        return db;
    }

    public DataSource dataSource() {
        return pool;
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    private void migrate() {
        try (Connection c = connection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT PRIMARY KEY, script VARCHAR(200) NOT NULL,"
                    + " applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
            int current = 0;
            try (ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
                if (rs.next()) {
                    current = rs.getInt(1);
                }
            }
            for (int v = current + 1; v <= MIGRATIONS.size(); v++) {
                String script = MIGRATIONS.get(v - 1);
                c.setAutoCommit(false);
                for (String sql : statements(script)) {
                    st.execute(sql);
                }
                try (var ps = c.prepareStatement("INSERT INTO schema_version VALUES (?, ?, ?)")) {
                    ps.setInt(1, v);
                    ps.setString(2, script);
                    ps.setObject(3, java.time.OffsetDateTime.ofInstant(Instant.now(), java.time.ZoneOffset.UTC));
                    ps.executeUpdate();
                }
                c.commit();
                c.setAutoCommit(true);
                LOG.info("database migrated to version {} ({})", v, script);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open or migrate the database: " + e.getMessage(), e);
        }
    }

    private static List<String> statements(String script) {
        try (InputStream in = Database.class.getResourceAsStream("/db/migration/" + script)) {
            if (in == null) {
                throw new IllegalStateException("missing migration " + script);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>();
            for (String s : text.replaceAll("(?m)^\\s*--.*$", "").split(";")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
