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
import org.shipaudit.process.Causes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQL database with its schema migrations: by default the embedded H2 file in the data directory (one node), or a
 * PostgreSQL server shared by several nodes ({@code database.url}). Migrations are numbered SQL files under
 * {@code db/migration} ({@code V1__jobs.sql}, ...) applied in order once each and recorded in
 * {@code schema_version}; a small runner rather than a migration library, since the list is short and only additive.
 * The same files run on both engines: they are written in the SQL both accept, and {@link Engine#translate} is the one
 * place where a type name differs. JDBC is blocking: use from worker threads only.
 */
public final class Database implements AutoCloseable {

    /** The engines the migrations are written and tested for. */
    public enum Engine {
        /** Embedded, in PostgreSQL mode; one process at a time. */
        H2,
        /** A server shared by every node configured with its URL. */
        POSTGRESQL;

        /**
         * A migration statement in this engine's words. H2 keeps large text as CLOB (its VARCHAR, which TEXT means
         * there, stops at a million characters); PostgreSQL has no CLOB, and its TEXT holds a gigabyte. Bytes are
         * VARBINARY in H2 and BYTEA in PostgreSQL.
         */
        String translate(String sql) {
            return this == POSTGRESQL ? sql.replaceAll("\\bCLOB\\b", "TEXT").replaceAll("\\bVARBINARY\\b", "BYTEA") : sql;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** Applied in this order; add new files at the end, never edit an applied one. */
    static final List<String> MIGRATIONS = List.of("V1__jobs.sql", "V2__job_resume_row.sql", "V3__billed_charges_lean.sql",
            "V4__shipped_packages.sql", "V5__unrecognised_charges.sql", "V6__audit_trail.sql",
            "V7__finding_analytics.sql",
            "V8__screening_clearances.sql", "V9__cluster.sql", "V10__job_rate_checks.sql",
            "V11__job_chunks_api_keys.sql", "V12__package_ledger.sql",
            "V13__claim_locks.sql",
            "V14__audit_trail_packed.sql");

    private final DataSource pool;
    private final Engine engine;
    private final AutoCloseable closer;

    private Database(DataSource pool, Engine engine, AutoCloseable closer) {
        this.pool = pool;
        this.engine = engine;
        this.closer = closer;
    }

    /**
     * Connects to a database server (PostgreSQL, or an H2 server for tests) and migrates it; several nodes may do so
     * at once: the first migrates, under a lock the others wait for, and the rest find the schema current.
     *
     * @param user     empty to take the user from the URL
     * @param poolSize the most connections this node opens
     */
    public static Database connect(String url, String user, String password, int poolSize) {
        Engine engine = url.startsWith("jdbc:postgresql:") ? Engine.POSTGRESQL : Engine.H2;
        com.zaxxer.hikari.HikariConfig hc = new com.zaxxer.hikari.HikariConfig();
        hc.setJdbcUrl(url);
        if (user != null && !user.isBlank()) {
            hc.setUsername(user);
        }
        if (password != null && !password.isEmpty()) {
            hc.setPassword(password);
        }
        hc.setMaximumPoolSize(poolSize);
        hc.setMinimumIdle(Math.min(2, poolSize));
        hc.setPoolName("shipaudit-db");
        // A node that cannot reach the database at start says so within seconds rather than hanging.
        hc.setConnectionTimeout(10_000);
        hc.setInitializationFailTimeout(10_000);
        com.zaxxer.hikari.HikariDataSource ds;
        try {
            ds = new com.zaxxer.hikari.HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot connect to the database " + redact(url) + ": " + rootMessage(e), e);
        }
        Database db = new Database(ds, engine, ds);
        try {
            db.migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        LOG.info("database: {} at {}", engine, redact(url));
        return db;
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String rootMessage(Throwable e) {
        return String.valueOf(Causes.root(e).getMessage());
    }

    public Engine engine() {
        return engine;
    }

    /** Whether other nodes may share this database: job leases, pack versions and heartbeats then matter. */
    public boolean shared() {
        return closer instanceof com.zaxxer.hikari.HikariDataSource;
    }

    /**
     * Opens (creating if needed) the database file {@code <dir>/shipaudit.mv.db}, migrates it and reads every table
     * through once. A file that is there must hold a ShipAudit schema: an empty one is what H2 left once after a
     * disk-full, and starting on it would carry on as if nothing had been lost. After the start, connections go through
     * {@link H2Guard}, which never lets H2 create the file again nor use it if it comes back empty.
     *
     * @throws DatabaseDamaged when the file cannot be read back whole, or holds no ShipAudit schema, naming it and the
     *         recovery tool
     * @throws IllegalStateException when the directory cannot be written (a read-only disk), naming it
     */
    public static Database open(Path dir) {
        Path abs = dir.toAbsolutePath();
        Path base = abs.resolve("shipaudit");
        Path file = abs.resolve("shipaudit.mv.db");
        requireWritable(abs);
        String url = "jdbc:h2:file:" + base
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE";
        boolean existed = java.nio.file.Files.exists(file);
        Path marker = abs.resolve(CREATED_MARKER);
        if (!existed && java.nio.file.Files.exists(marker)) {
            // The marker is written beside the file when it is created: the file held jobs, history and keys, and
            // making it afresh would lose them without a word.
            throw new DatabaseDamaged("the database file " + file + " is missing, but " + marker + " shows this"
                    + " directory held a ShipAudit database (created " + readQuietly(marker) + "); restore the file"
                    + " from a backup, or, to start with an empty database on purpose, delete " + marker, null);
        }
        if (!existed) {
            org.h2.jdbcx.JdbcDataSource creator = new org.h2.jdbcx.JdbcDataSource();
            creator.setURL(url);
            creator.setUser("shipaudit");
            creator.setPassword("");
            try (Connection created = creator.getConnection()) {
                LOG.info("database created: {}", file);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create the database " + file + ": " + e.getMessage(), e);
            }
        }
        // IFEXISTS: once created, the file is only ever opened, never made afresh (by the guard's reconnects either).
        JdbcConnectionPool pool = JdbcConnectionPool.create(url + ";IFEXISTS=TRUE", "shipaudit", "");
        pool.setMaxConnections(MAX_CONNECTIONS);
        H2Guard guard = new H2Guard(pool, file, MAX_CONNECTIONS);
        Database db = new Database(guard, Engine.H2, pool::dispose);
        try {
            if (existed) {
                db.requireSchema(file);
            }
            db.migrate();
            db.keepSmallLobsInRow();
            db.readAll();
            guard.trustCurrent();
            if (!java.nio.file.Files.exists(marker)) {
                // Also for a file made before markers existed, so its later loss is noticed too.
                java.nio.file.Files.writeString(marker, java.time.Instant.now() + "\n");
            }
        } catch (RuntimeException | SQLException | IOException e) {
            pool.dispose();
            if (e instanceof DatabaseDamaged whole && whole.getCause() == null) {
                throw whole; // says what it is itself (a file with no schema)
            }
            if (damaged(e)) {
                throw damagedFile(abs, e);
            }
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
        }
        return db;
    }

    private static final int MAX_CONNECTIONS = 16;

    /**
     * The largest CLOB H2 keeps inside its row. Above H2's default of 256 bytes a value goes to a separate LOB store:
     * several map writes and a reference per value. Every decision of the trail has two such texts (its answer and its
     * shipment, about 1.6 and 1.5 KB with the official data), so at the default the trail's writer spent about half of
     * its CPU on LOB bookkeeping (measured: 580-1,120 against 320-520 us per decision, 5,000 real decisions a round).
     * 16 KiB keeps every ordinary decision in its row; larger texts (a job's report) still go to the LOB store.
     */
    static final int INPLACE_LOB_BYTES = 16_384;

    /** Written beside the database file once it holds a schema; its presence without the file means the file was lost. */
    public static final String CREATED_MARKER = "shipaudit.db-created";

    private static String readQuietly(Path marker) {
        try {
            return java.nio.file.Files.readString(marker).strip();
        } catch (IOException e) {
            return "at an unknown time";
        }
    }

    /**
     * A probe file created and removed, so that a read-only disk or directory stops the start naming it, rather than
     * H2 opening the file read-only and every write failing later.
     */
    public static void requireWritable(Path dir) {
        try {
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.delete(java.nio.file.Files.createTempFile(dir, ".write-probe", ""));
        } catch (IOException e) {
            throw new IllegalStateException("the database directory " + dir + " cannot be written (" + e.getMessage()
                    + "): it is read-only or not ours; ShipAudit keeps its jobs, findings and decision trail there."
                    + " Mount it read-write, or point data.dir at a writable directory", e);
        }
    }

    /** The file opened holds the table every ShipAudit database has from its first start. */
    private void requireSchema(Path file) {
        try (Connection c = connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM information_schema.tables"
                     + " WHERE table_schema = 'public' AND table_name = 'schema_version'")) {
            if (rs.next() && rs.getInt(1) == 1) {
                return;
            }
        } catch (SQLException e) {
            // Damage shows in the cause (damaged() reads it); a lock or another failure is reported as before.
            throw new IllegalStateException("cannot open or migrate the database: " + e.getMessage(), e);
        }
        throw new DatabaseDamaged("the database file " + file + " holds no ShipAudit schema (it is empty: H2 has been"
                + " seen to leave it so after a full disk). The service will not start on it, since that would go on as"
                + " if no job, finding or decision had ever been stored. Keep the file, restore a backup, or move it"
                + " away to start with an empty database on purpose", null);
    }

    /** Why the database refuses every connection until a restart ({@link H2Guard}), or null. */
    public String refusal() {
        return pool instanceof H2Guard g ? g.refusal() : null;
    }

    /** Reports a refusal, when it starts, to {@code health}, so /health says it until a restart. */
    public void reportTo(WriteHealth health) {
        if (pool instanceof H2Guard g) {
            g.onRefusal(message -> health.refused(WriteHealth.DATABASE, message));
        }
    }

    /**
     * Reads every row of every table. H2 opens a file by its header and newest chunk only, so bytes overwritten in an
     * older chunk would surface at the first audit or job that reads them, as a 500 or, worse, a job that fails half
     * way; reading it all once at start turns that into a refusal to start. The cost grows with the rows and is logged;
     * a value damaged inside a string that still decodes is beyond what H2 can tell (it keeps no page checksums).
     */
    private void readAll() {
        long start = System.nanoTime();
        long rows = 0;
        try (Connection c = connection(); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = st.executeQuery("SELECT * FROM \"" + table.replace("\"", "\"\"") + "\"")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            rs.getObject(i);
                        }
                        rows++;
                    }
                }
            }
        } catch (SQLException e) {
            throw new DatabaseDamaged("read-back failed: " + e.getMessage(), e);
        }
        LOG.info("database read back whole: {} rows in {} ms", rows, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * H2's "file corrupted" (90030) anywhere in the chain: a record it could not read. Narrower than {@link #damaged}:
     * a failed write (a full disk) is an MVStore failure too, and must not be taken for a damaged file. Public for the
     * HTTP layer, which answers such a failure met mid-request as 503 rather than 500.
     */
    public static boolean unreadable(Throwable error) {
        return Causes.any(error, t -> t instanceof SQLException s
                && s.getErrorCode() == org.h2.api.ErrorCode.FILE_CORRUPTED_1);
    }

    /** H2's "file corrupted" (90030), a storage-layer failure, or a failed read-back: the file, not the request. */
    private static boolean damaged(Throwable error) {
        return Causes.any(error, t -> t instanceof DatabaseDamaged
                || t.getClass().getName().equals("org.h2.mvstore.MVStoreException")) || unreadable(error);
    }

    private static DatabaseDamaged damagedFile(Path dir, Throwable cause) {
        return new DatabaseDamaged("the database file " + dir.resolve("shipaudit.mv.db") + " is damaged and cannot be"
                + " read back whole (" + DatabaseDamaged.firstLine(cause) + "). The service will not start on it. "
                + DatabaseDamaged.recovery(dir), cause);
    }

    /** H2 only (PostgreSQL's TEXT has no such threshold); the setting is the database's, kept in its file. */
    private void keepSmallLobsInRow() throws SQLException {
        try (Connection c = connection(); Statement st = c.createStatement()) {
            st.execute("SET MAX_LENGTH_INPLACE_LOB " + INPLACE_LOB_BYTES);
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** Work done on one pooled connection. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection c) throws SQLException;
    }

    /**
     * Runs the work on a pooled connection and returns it to the pool; a database error becomes an
     * IllegalStateException saying so, for the stores whose callers cannot act on an SQLException.
     */
    public <T> T withConnection(Work<T> work) {
        try (Connection c = connection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new IllegalStateException("database: " + e.getMessage(), e);
        }
    }

    private void migrate() {
        try (Connection c = connection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT PRIMARY KEY, script VARCHAR(200) NOT NULL,"
                    + " applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
            c.setAutoCommit(false);
            if (engine == Engine.POSTGRESQL) {
                // Nodes starting together: the first to lock the table migrates, the others wait for its commit and
                // find nothing left to do. (PostgreSQL's DDL is transactional, so a failed migration leaves nothing.)
                st.execute("LOCK TABLE schema_version IN EXCLUSIVE MODE");
            }
            int current = 0;
            try (ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
                if (rs.next()) {
                    current = rs.getInt(1);
                }
            }
            if (current > MIGRATIONS.size()) {
                throw new IllegalStateException("the database is at schema version " + current + " but this build knows "
                        + MIGRATIONS.size() + ": a newer ShipAudit migrated it; run that version");
            }
            for (int v = current + 1; v <= MIGRATIONS.size(); v++) {
                String script = MIGRATIONS.get(v - 1);
                for (String sql : statements(script)) {
                    st.execute(engine.translate(sql));
                }
                try (var ps = c.prepareStatement("INSERT INTO schema_version VALUES (?, ?, ?)")) {
                    ps.setInt(1, v);
                    ps.setString(2, script);
                    ps.setObject(3, java.time.OffsetDateTime.ofInstant(Instant.now(), java.time.ZoneOffset.UTC));
                    ps.executeUpdate();
                }
                if (engine == Engine.H2) {
                    c.commit(); // H2 commits DDL as it goes anyway; one script at a time, as before
                }
                LOG.info("database migrated to version {} ({})", v, script);
            }
            c.commit();
            c.setAutoCommit(true);
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
        try {
            closer.close();
        } catch (Exception e) {
            LOG.warn("closing the database: {}", e.toString());
        }
    }
}
