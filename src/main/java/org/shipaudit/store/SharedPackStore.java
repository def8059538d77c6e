package org.shipaudit.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.shipaudit.json.Mappers;

/**
 * Rule-pack versions as every node of a shared database sees them: the exact files of each version and the
 * activations in order; a pack's newest activation is its active version on every node. Publishing a version and its
 * activation is one transaction, the commit point of a deploy for the whole cluster; each node then compiles it and
 * swaps it in locally (see {@code rules.RulePackService}). Blocking JDBC: worker threads only.
 */
public final class SharedPackStore {

    private final Database db;
    private final ObjectMapper json = Mappers.json();

    public SharedPackStore(Database db) {
        this.db = db;
    }

    /** The newest activation id: a cheap poll, changed by every deploy or rollback on any node. */
    public long lastActivationId() {
        return run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM rule_pack_activations");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** A candidate announced by a deploy in progress on some node. */
    public record Candidate(long id, String pack, String contentHash, Map<String, byte[]> files) {
    }

    /** Announces a deploy's candidate before it is validated, so other nodes can compile it meanwhile. */
    public void announce(String pack, String contentHash, Map<String, byte[]> files) {
        run(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO rule_pack_candidates (pack, content_hash, files,"
                    + " created_at) VALUES (?,?,?,?)")) {
                ps.setString(1, pack);
                ps.setString(2, contentHash);
                ps.setString(3, encode(files));
                ps.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
                ps.executeUpdate();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new SQLException(e);
            }
            // Candidates older than a day were deployed or refused long ago.
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM rule_pack_candidates WHERE created_at < ?")) {
                ps.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).minusDays(1));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Candidates announced after {@code afterId}, oldest first. */
    public List<Candidate> candidatesAfter(long afterId) {
        return run(c -> {
            List<Candidate> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, pack, content_hash, files FROM rule_pack_candidates"
                    + " WHERE id > ? ORDER BY id")) {
                ps.setLong(1, afterId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3), decode(rs.getString(4))));
                    }
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new SQLException(e);
            }
            return out;
        });
    }

    /** The newest candidate id, so a node starting now ignores what was announced before it. */
    public long lastCandidateId() {
        return run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM rule_pack_candidates");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private String encode(Map<String, byte[]> files) throws com.fasterxml.jackson.core.JsonProcessingException {
        Map<String, String> encoded = new LinkedHashMap<>();
        files.forEach((path, bytes) -> encoded.put(path, Base64.getEncoder().encodeToString(bytes)));
        return json.writeValueAsString(encoded);
    }

    private Map<String, byte[]> decode(String text) throws com.fasterxml.jackson.core.JsonProcessingException {
        Map<String, String> encoded = json.readValue(text, new TypeReference<Map<String, String>>() { });
        Map<String, byte[]> files = new TreeMap<>();
        encoded.forEach((path, b64) -> files.put(path, Base64.getDecoder().decode(b64)));
        return files;
    }

    /** Every pack's active version: its newest activation. */
    public Map<String, PackVersion> active() {
        return run(c -> {
            Map<String, PackVersion> out = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT a.pack, a.record FROM rule_pack_activations a"
                    + " WHERE a.id = (SELECT MAX(b.id) FROM rule_pack_activations b WHERE b.pack = a.pack)");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), record(rs.getString(2)));
                }
            }
            return out;
        });
    }

    /** A pack's activations, oldest first. */
    public List<PackVersion> history(String pack) {
        return run(c -> {
            List<PackVersion> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT record FROM rule_pack_activations WHERE pack = ? ORDER BY id")) {
                ps.setString(1, pack);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(record(rs.getString(1)));
                    }
                }
            }
            return out;
        });
    }

    /** One more than the highest numeric version of the pack any node published. */
    public long nextVersion(String pack) {
        return run(c -> {
            long max = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT version FROM rule_pack_versions WHERE pack = ?")) {
                ps.setString(1, pack);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        try {
                            max = Math.max(max, Long.parseLong(rs.getString(1)));
                        } catch (NumberFormatException notNumeric) {
                            // only numbered versions count
                        }
                    }
                }
            }
            return max + 1;
        });
    }

    public Optional<Map<String, byte[]>> files(String pack, String version) {
        return run(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT files FROM rule_pack_versions WHERE pack = ? AND version = ?")) {
                ps.setString(1, pack);
                ps.setString(2, version);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Map<String, byte[]>>empty();
                    }
                    return Optional.of(decode(rs.getString(1)));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new SQLException("unreadable files of " + pack + " version " + version, e);
                }
            }
        });
    }

    /**
     * Publishes an activation, with the version's files when the version is new (a deploy) rather than stored
     * already (a rollback), in one transaction.
     *
     * @param expectedActive the version the publisher saw active, or null for a pack new to the cluster
     * @return false when another node changed the pack first (its active version is no longer {@code expectedActive},
     *         or it published the same version number): nothing was published
     */
    public boolean publish(PackVersion record, Map<String, byte[]> files, String expectedActive) {
        return run(c -> {
            c.setAutoCommit(false);
            try {
                // Serialises changes to one pack across nodes: the newest activation row is locked until this commits.
                String current = null;
                try (PreparedStatement ps = c.prepareStatement("SELECT a.version FROM rule_pack_activations a"
                        + " WHERE a.pack = ? ORDER BY a.id DESC LIMIT 1 FOR UPDATE")) {
                    ps.setString(1, record.pack());
                    try (ResultSet rs = ps.executeQuery()) {
                        current = rs.next() ? rs.getString(1) : null;
                    }
                }
                if (!java.util.Objects.equals(current, expectedActive)) {
                    c.rollback();
                    return false;
                }
                if (files != null) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO rule_pack_versions (pack, version,"
                            + " content_hash, files) VALUES (?,?,?,?) ON CONFLICT DO NOTHING")) {
                        ps.setString(1, record.pack());
                        ps.setString(2, record.version());
                        ps.setString(3, record.contentHash());
                        ps.setString(4, encode(files));
                        if (ps.executeUpdate() == 0) {
                            // Another node published this version number first (two first loads at once).
                            c.rollback();
                            return false;
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO rule_pack_activations (pack, version, record,"
                        + " activated_at) VALUES (?,?,?,?)")) {
                    ps.setString(1, record.pack());
                    ps.setString(2, record.version());
                    ps.setString(3, json.writeValueAsString(record));
                    ps.setObject(4, OffsetDateTime.ofInstant(record.at(), ZoneOffset.UTC));
                    ps.executeUpdate();
                }
                c.commit();
                return true;
            } catch (SQLException | RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
                c.rollback();
                throw e instanceof SQLException s ? s : new SQLException(e);
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    private PackVersion record(String text) throws SQLException {
        try {
            return json.readValue(text, PackVersion.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("unreadable rule-pack activation: " + e.getOriginalMessage(), e);
        }
    }

    private <T> T run(Database.Work<T> work) {
        return db.withConnection(work);
    }
}
