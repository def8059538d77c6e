package org.shipaudit.cluster;

import java.time.Duration;
import java.util.List;

/** What /health and a deploy's answer say about the other nodes; {@link #ALONE} for a node with its own database. */
public interface ClusterStatus {

    /** A node as /health shows it: when it last reported, its reference editions and pack versions. */
    record NodeInfo(String id, boolean self, java.time.Instant startedAt, long lastSeenMillisAgo,
                    java.util.Map<String, String> reference, java.util.Map<String, String> rulePacks,
                    List<String> problems) {
    }

    /**
     * The {@code cluster} object of /health.
     *
     * @param referenceDiffers whether some live node has other reference editions than this one
     */
    record Health(String nodeId, List<NodeInfo> nodes, boolean referenceDiffers, List<String> differences) {
    }

    /** A node that could not activate the version, and why. */
    record NodeProblem(String node, String problem) {
    }

    /** Which live nodes run a pack version (the {@code nodes} of a deploy or rollback answer). */
    record Rollout(List<String> active, List<String> pending, List<NodeProblem> failed) {
    }

    /** Null for a node alone on its database. */
    Health health();

    /** Problems that make this node DEGRADED: a pack it could not bring to the cluster's version, and the like. */
    List<String> problems();

    /**
     * Waits up to {@code wait} for every live node to run {@code version} of {@code pack} (or report that it cannot),
     * then says which do; null for a node alone on its database. Blocking: worker threads only.
     */
    Rollout rollout(String pack, String version, Duration wait);

    ClusterStatus ALONE = new ClusterStatus() {
        @Override
        public Health health() {
            return null;
        }

        @Override
        public List<String> problems() {
            return List.of();
        }

        @Override
        public Rollout rollout(String pack, String version, Duration wait) {
            return null;
        }
    };
}
