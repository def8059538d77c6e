package org.shipaudit.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.shipaudit.json.Mappers;

/**
 * The nodes sharing a database, each with its last heartbeat (by the database's clock), reference editions, active
 * rule-pack versions and problems. Blocking JDBC: worker threads only.
 */
public final class ClusterNodes {

    /** What a node last reported, and how long ago by the database's clock. */
    public record NodeRow(String id, Instant startedAt, Instant heartbeatAt, Duration age,
                          Map<String, String> reference, Map<String, String> rulePacks, List<String> problems) {
    }

    private final Database db;
    private final ObjectMapper json = Mappers.json();

    public ClusterNodes(Database db) {
        this.db = db;
    }

    /** Records this node's heartbeat and state (inserted the first time). */
    public void beat(String nodeId, Instant startedAt, Map<String, String> reference, Map<String, String> rulePacks,
                     List<String> problems) {
        run(c -> {
            String ref = json.writeValueAsString(reference);
            String packs = json.writeValueAsString(rulePacks);
            String probs = json.writeValueAsString(problems);
            try (PreparedStatement ps = c.prepareStatement("UPDATE cluster_nodes SET heartbeat_at = CURRENT_TIMESTAMP,"
                    + " reference = ?, rule_packs = ?, problems = ? WHERE node_id = ?")) {
                ps.setString(1, ref);
                ps.setString(2, packs);
                ps.setString(3, probs);
                ps.setString(4, nodeId);
                if (ps.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO cluster_nodes (node_id, started_at, heartbeat_at,"
                    + " reference, rule_packs, problems) VALUES (?, ?, CURRENT_TIMESTAMP, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                ps.setString(1, nodeId);
                ps.setObject(2, OffsetDateTime.ofInstant(startedAt, java.time.ZoneOffset.UTC));
                ps.setString(3, ref);
                ps.setString(4, packs);
                ps.setString(5, probs);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Every node that reported within {@code within}, by id. */
    public List<NodeRow> recent(Duration within) {
        return run(c -> {
            List<NodeRow> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT node_id, started_at, heartbeat_at, reference,"
                    + " rule_packs, problems, CURRENT_TIMESTAMP FROM cluster_nodes ORDER BY node_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant beat = rs.getObject(3, OffsetDateTime.class).toInstant();
                    Instant now = rs.getObject(7, OffsetDateTime.class).toInstant();
                    Duration age = Duration.between(beat, now);
                    if (age.compareTo(within) > 0) {
                        continue;
                    }
                    out.add(new NodeRow(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(), beat, age,
                            map(rs.getString(4)), map(rs.getString(5)), list(rs.getString(6))));
                }
            }
            return out;
        });
    }

    /** Forgets nodes silent for longer than {@code after} (stopped or replaced), so the table does not grow. */
    public int forget(Duration after) {
        return run(c -> {
            int n = 0;
            for (NodeRow r : recent(Duration.ofDays(36_500))) {
                if (r.age().compareTo(after) > 0) {
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM cluster_nodes WHERE node_id = ?")) {
                        ps.setString(1, r.id());
                        n += ps.executeUpdate();
                    }
                }
            }
            return n;
        });
    }

    private Map<String, String> map(String text) throws com.fasterxml.jackson.core.JsonProcessingException {
        return text == null ? Map.of() : json.readValue(text, new TypeReference<Map<String, String>>() { });
    }

    private List<String> list(String text) throws com.fasterxml.jackson.core.JsonProcessingException {
        return text == null ? List.of() : json.readValue(text, new TypeReference<List<String>>() { });
    }

    private interface Work<T> {
        T apply(Connection c) throws SQLException, com.fasterxml.jackson.core.JsonProcessingException;
    }

    private <T> T run(Work<T> work) {
        try (Connection c = db.connection()) {
            return work.apply(c);
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("database: " + e.getMessage(), e);
        }
    }
}
