package org.shipaudit.store;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 pool, checked. After a failed write (a full disk) H2 closes its database; the pool then hands out
 * dead connections until it runs out of them, and the next new one opens the file again. What that finds varied from
 * run to run: the same database (writes go on), or once an EMPTY one ("Table audit_trail not found (this database is
 * empty)"), into which a service would go on writing. So: the dead connections are skipped; the pool opens the file
 * with IFEXISTS, so a missing file is never created afresh; and every time a connection belongs to a database
 * instance not seen before, its schema history is compared with the one read at start. The same history: go on (the
 * failure is over). Anything else: refuse every connection until a restart (and a restart refuses the file too, see
 * {@link Database#open}), with a message saying so, which {@code /health} shows and requests answer as 503.
 */
final class H2Guard implements DataSource {

    /** How long {@link #getConnection} waits in all for a failed H2 instance to let go of the file. */
    private static final java.time.Duration RELEASE_WAIT = java.time.Duration.ofSeconds(2);

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(H2Guard.class);

    private final JdbcConnectionPool pool;
    private final Path file;
    private final int maxConnections;
    private volatile Object trusted;
    private volatile List<String> history;
    private volatile DatabaseUnavailable refused;
    private volatile Consumer<String> onRefusal = m -> { };

    H2Guard(JdbcConnectionPool pool, Path file, int maxConnections) {
        this.pool = pool;
        this.file = file;
        this.maxConnections = maxConnections;
    }

    /** Takes the database as it is now (just opened and migrated) as the one to hold every later connection to. */
    void trustCurrent() throws SQLException {
        try (Connection c = pool.getConnection()) {
            history = history(c);
            trusted = instance(c);
        }
    }

    /** Told, once, the reason when the guard starts refusing. */
    void onRefusal(Consumer<String> listener) {
        onRefusal = listener;
    }

    /** Why connections are refused until a restart, or null. */
    String refusal() {
        DatabaseUnavailable r = refused;
        return r == null ? null : r.getMessage();
    }

    @Override
    public Connection getConnection() throws SQLException {
        DatabaseUnavailable r = refused;
        if (r != null) {
            throw new DatabaseUnavailable(r.getMessage(), null);
        }
        SQLException last = null;
        long releaseDeadline = System.nanoTime() + RELEASE_WAIT.toNanos();
        // A closed database leaves up to maxConnections dead connections in the pool; each is dropped when it fails.
        for (int attempt = 0; attempt <= maxConnections; attempt++) {
            Connection c;
            try {
                c = onceReleased(releaseDeadline);
            } catch (SQLException e) {
                if (closedDatabase(e)) {
                    last = e;
                    continue;
                }
                if (e.getErrorCode() == ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1) {
                    // Not sticky: nothing was created, and the file may come back (a remount).
                    throw new DatabaseUnavailable("the database file " + file + " has gone: after a failure H2 could"
                            + " not find it to open it again; not creating an empty one in its place. Restore the file"
                            + " (or a backup) and restart the service", e);
                }
                if (trusted != null && Database.unreadable(e)) {
                    // Sticky, like an empty file: a restart refuses it too (Database.open reads it back whole, and
                    // before trustCurrent a damaged file is Database.open's to report).
                    throw refuse("the database file " + file + " is damaged: H2 could not open it again after a"
                            + " failure (" + DatabaseDamaged.firstLine(e) + "). Refusing to read or write it until a"
                            + " restart. " + DatabaseDamaged.recovery(file.getParent()), null);
                }
                throw e;
            }
            if (trusted == null || instance(c) == trusted) {
                return c;
            }
            return verified(c);
        }
        throw last;
    }

    /** A connection to a database instance opened since the last check: the same history, or refused for good. */
    private synchronized Connection verified(Connection c) throws SQLException {
        Object now = instance(c);
        if (now == trusted) {
            return c;
        }
        List<String> found;
        try {
            found = history(c);
        } catch (SQLException e) {
            found = null;
        }
        if (history.equals(found)) {
            trusted = now;
            LOG.warn("H2 opened the database file {} again after a failure; it holds the same schema history, so"
                    + " writes go on", file);
            return c;
        }
        String what = found == null || found.isEmpty() ? "it is empty (no ShipAudit schema)"
                : "its schema history differs from the one this service started on";
        throw refuse("the database file " + file + " was opened again by H2 after a failure and "
                + what + ": refusing to read or write it until a restart, so that nothing is written into the wrong"
                + " database. Keep a copy of the file and of its directory, check the disk, then restore a backup (or"
                + " recover it: see operations.md, damaged files) before restarting", c);
    }

    /**
     * Refuses every connection from now until a restart, for {@code message}. Health is told before the refusal is
     * published: a request refused on another thread (the fast path of getConnection) must never find /health still
     * UP while this thread closes the pool.
     */
    private synchronized DatabaseUnavailable refuse(String message, Connection open) {
        if (refused == null) {
            onRefusal.accept(message);
            refused = new DatabaseUnavailable(message, null);
            if (open != null) {
                closeQuietly(open);
            }
            pool.dispose(); // closes the connections it holds, so H2 lets go of that file
            LOG.error("{}", message);
        }
        return new DatabaseUnavailable(refused.getMessage(), null);
    }

    /** The schema migrations applied, as recorded in the database. */
    static List<String> history(Connection c) throws SQLException {
        List<String> out = new java.util.ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version, script, applied_at FROM schema_version ORDER BY version")) {
            while (rs.next()) {
                out.add(rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
        }
        return out;
    }

    /** H2's database object behind the connection: a new one means the file was opened again. */
    private static Object instance(Connection c) throws SQLException {
        org.h2.engine.Session session = c.unwrap(org.h2.jdbc.JdbcConnection.class).getSession();
        return session instanceof org.h2.engine.SessionLocal local ? local.getDatabase() : session;
    }

    private static boolean closedDatabase(SQLException e) {
        int code = e.getErrorCode();
        return code == ErrorCode.DATABASE_IS_CLOSED || code == ErrorCode.DATABASE_CALLED_AT_SHUTDOWN
                || code == ErrorCode.OBJECT_CLOSED || code == ErrorCode.CONNECTION_BROKEN_1;
    }

    /**
     * A pooled connection, waiting until {@code deadline} while H2 says the file is already open: the instance
     * that failed still holds the file lock while it closes (seen in .ci/run as a 500). Waits on a worker thread,
     * never the event loop; past the wait, a 503.
     */
    private Connection onceReleased(long deadline) throws SQLException {
        while (true) {
            try {
                return pool.getConnection();
            } catch (SQLException e) {
                if (e.getErrorCode() != ErrorCode.DATABASE_ALREADY_OPEN_1) {
                    throw e;
                }
                if (System.nanoTime() > deadline) {
                    throw new DatabaseUnavailable("the database file " + file + " is still held open by the H2"
                            + " instance that failed (or by another process); try again shortly", e);
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    throw new DatabaseUnavailable("interrupted while the database file " + file + " was held open", e);
                }
            }
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // refusing anyway
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("one user: getConnection()");
    }

    @Override
    public PrintWriter getLogWriter() {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(pool)) {
            return iface.cast(pool);
        }
        throw new SQLException("not a wrapper for " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(pool);
    }
}
