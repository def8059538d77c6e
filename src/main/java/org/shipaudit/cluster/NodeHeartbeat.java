package org.shipaudit.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.shipaudit.store.ClusterNodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's heartbeat in the shared database, every {@link #EVERY}: its reference editions, active pack versions and
 * the packs it could not bring to the cluster's version. It also reads the other nodes' rows back, so /health answers
 * from memory (no database call on a health check) and says when a live node runs other reference editions.
 */
public final class NodeHeartbeat implements ClusterStatus, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeHeartbeat.class);
    static final Duration EVERY = Duration.ofMillis(500);
    /** A node silent for longer is not counted as live (stopped, killed or cut off). */
    static final Duration LIVE = Duration.ofSeconds(5);
    /** A node silent for longer is removed from the table. */
    static final Duration FORGET = Duration.ofHours(24);

    private final ClusterNodes nodes;
    private final String nodeId;
    private final Instant startedAt = Instant.now();
    private final Supplier<Map<String, String>> reference;
    private final Supplier<Map<String, String>> rulePacks;
    private final Supplier<Map<String, String>> packProblems;
    private final ScheduledExecutorService timer;
    private volatile List<ClusterNodes.NodeRow> seen = List.of();

    /**
     * @param reference    this node's reference editions by source id
     * @param rulePacks    this node's active pack versions by pack
     * @param packProblems why this node does not run the cluster's version of a pack, by pack
     */
    public NodeHeartbeat(ClusterNodes nodes, String nodeId, Supplier<Map<String, String>> reference,
                         Supplier<Map<String, String>> rulePacks, Supplier<Map<String, String>> packProblems) {
        this.nodes = nodes;
        this.nodeId = nodeId;
        this.reference = reference;
        this.rulePacks = rulePacks;
        this.packProblems = packProblems;
        beat();
        nodes.forget(FORGET);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "shipaudit-heartbeat");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::beatQuietly, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void beatQuietly() {
        long started = System.nanoTime();
        try {
            beat();
        } catch (RuntimeException e) {
            LOG.warn("heartbeat not written: {}", e.toString());
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        if (ms > LIVE.toMillis() / 2) {
            // Past LIVE the other nodes count this one as gone: say why it was late while the cause is fresh.
            LOG.warn("heartbeat took {} ms (a node silent for {} ms is counted as gone)", ms, LIVE.toMillis());
        }
    }

    /** Writes this node's row and reads every live node's. */
    void beat() {
        nodes.beat(nodeId, startedAt, reference.get(), rulePacks.get(), new ArrayList<>(packProblems.get().values()));
        seen = nodes.recent(LIVE);
    }

    @Override
    public Health health() {
        List<NodeInfo> out = new ArrayList<>();
        Map<String, String> mine = reference.get();
        List<String> differences = new ArrayList<>();
        for (ClusterNodes.NodeRow r : seen) {
            out.add(new NodeInfo(r.id(), r.id().equals(nodeId), r.startedAt(), r.age().toMillis(), r.reference(),
                    r.rulePacks(), r.problems()));
            if (!r.id().equals(nodeId) && !r.reference().equals(mine)) {
                differences.add("node " + r.id() + " has reference editions " + describe(r.reference())
                        + ", this node " + describe(mine));
            }
        }
        return new Health(nodeId, out, !differences.isEmpty(), differences);
    }

    private static String describe(Map<String, String> editions) {
        return new TreeMap<>(editions).toString();
    }

    @Override
    public List<String> problems() {
        List<String> out = new ArrayList<>(packProblems.get().values());
        Health h = health();
        out.addAll(h.differences());
        return out;
    }

    @Override
    public Rollout rollout(String pack, String version, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        // The nodes live when the deploy answered are the ones it names, each once: a node whose heartbeat goes quiet
        // while this waits (a long GC, a starved machine) stays pending rather than dropping out of the answer.
        java.util.Set<String> named = new java.util.LinkedHashSet<>();
        nodes.recent(LIVE).forEach(r -> named.add(r.id()));
        while (true) {
            Map<String, ClusterNodes.NodeRow> rows = new java.util.HashMap<>();
            nodes.recent(FORGET).forEach(r -> rows.put(r.id(), r));
            List<String> active = new ArrayList<>();
            List<String> pending = new ArrayList<>();
            List<NodeProblem> failed = new ArrayList<>();
            for (String id : named) {
                ClusterNodes.NodeRow r = rows.get(id);
                String problem = r == null ? null : r.problems().stream().filter(p -> p.startsWith("version " + version
                        + " of pack " + pack + " ")).findFirst().orElse(null);
                if (id.equals(nodeId) || r != null && version.equals(r.rulePacks().get(pack))) {
                    active.add(id); // this node answers only once it runs the version
                } else if (problem != null) {
                    failed.add(new NodeProblem(id, problem));
                } else {
                    pending.add(id);
                }
            }
            if (pending.isEmpty() || System.nanoTime() > deadline) {
                return new Rollout(active, pending, failed);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Rollout(active, pending, failed);
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
