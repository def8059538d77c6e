package org.shipaudit.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.store.ClusterNodes;
import org.shipaudit.store.Database;

/** Which nodes a deploy answer names: the ones live when it was made, each in one list. */
class NodeHeartbeatRolloutTest {

    @TempDir
    Path dir;
    private Database db;
    private ClusterNodes nodes;
    private NodeHeartbeat self;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("db"));
        nodes = new ClusterNodes(db);
        self = new NodeHeartbeat(nodes, "n1", Map::of, () -> Map.of("weights", "2"), Map::of);
    }

    @AfterEach
    void close() {
        self.close();
        db.close();
    }

    private void beat(String node, String weightsVersion, List<String> problems) {
        nodes.beat(node, Instant.now(), Map.of(), Map.of("weights", weightsVersion), problems);
    }

    private void silence(String node) {
        db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE cluster_nodes SET heartbeat_at = DATEADD('HOUR', -1,"
                    + " CURRENT_TIMESTAMP) WHERE node_id = ?")) {
                ps.setString(1, node);
                return ps.executeUpdate();
            }
        });
    }

    @Test
    void eachLiveNodeIsActivePendingOrFailed() {
        beat("n2", "2", List.of());
        beat("n3", "1", List.of());
        beat("n4", "1", List.of("version 2 of pack weights cannot be activated on this node (a compile error)"));
        beat("gone", "1", List.of());
        silence("gone");

        ClusterStatus.Rollout r = self.rollout("weights", "2", Duration.ofMillis(300));

        assertEquals(List.of("n1", "n2"), r.active());
        assertEquals(List.of("n3"), r.pending());
        assertEquals(List.of("n4"), r.failed().stream().map(ClusterStatus.NodeProblem::node).toList());
    }

    @Test
    void aNodeThatCatchesUpWhileTheAnswerWaitsIsActive() throws Exception {
        beat("n2", "1", List.of());
        CompletableFuture<ClusterStatus.Rollout> r = CompletableFuture.supplyAsync(
                () -> self.rollout("weights", "2", Duration.ofSeconds(5)));
        Thread.sleep(300);
        beat("n2", "2", List.of());

        assertEquals(List.of("n1", "n2"), r.get().active());
        assertEquals(List.of(), r.get().pending());
    }

    @Test
    void aNodeThatFallsSilentWhileTheAnswerWaitsStaysNamedAsPending() throws Exception {
        // In .ci/run a starved node's heartbeat aged past LIVE during the wait and it vanished from the answer.
        beat("n2", "1", List.of());
        CompletableFuture<ClusterStatus.Rollout> r = CompletableFuture.supplyAsync(
                () -> self.rollout("weights", "2", Duration.ofMillis(800)));
        Thread.sleep(200);
        silence("n2");

        assertEquals(List.of("n1"), r.get().active());
        assertEquals(List.of("n2"), r.get().pending());
    }
}
