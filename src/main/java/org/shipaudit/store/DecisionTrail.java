package org.shipaudit.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every pre-ship decision, off the audit's critical path, as {@link ShipmentRecorder} keeps shipped packages:
 * the audit only queues the record (no I/O, no serialisation: the record holds the request's and the answer's bytes),
 * one background thread writes queued records in batches, and the same thread deletes decisions older than the
 * retention once an hour. If the database falls {@value #CAPACITY} records behind, further records are dropped and
 * counted (on /metrics) rather than slowing the warehouse. The capacity is about ten seconds at 1,000 audits/s and
 * bounds the memory held (a decision is its two JSON texts, a few kilobytes).
 * Every decision not kept (queue full, or a write that failed: a full disk, a closed database) is counted in the
 * {@link WriteHealth} under {@value #WHAT}, so {@code /health} is DEGRADED and {@code /metrics} counts it.
 */
public final class DecisionTrail implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionTrail.class);
    static final int CAPACITY = 10_000;
    private static final int BATCH = 500;
    /** How long the writer waits for more decisions after the first of a batch (see {@link #gather}). */
    static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    static final Duration PURGE_EVERY = Duration.ofHours(1);
    /** The kind of record in {@link WriteHealth}'s counts and problems. */
    public static final String WHAT = "decision";

    private final AuditTrailStore store;
    private final Clock clock;
    private final Duration retention;
    private final BlockingQueue<AuditRecord> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong recorded = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final Thread writer;
    private final boolean keeping;
    private final WriteHealth health;
    private final long lingerNanos;
    private volatile boolean closing;
    private Instant lastPurge = Instant.MIN;

    /**
     * Starts the writer thread.
     *
     * @param retentionDays decisions older than this many days are deleted
     */
    public DecisionTrail(AuditTrailStore store, Clock clock, int retentionDays) {
        this(store, clock, retentionDays, true, new WriteHealth(), CAPACITY);
    }

    /** As above, counting what is not kept in {@code health} (shared with the other background writers). */
    public DecisionTrail(AuditTrailStore store, Clock clock, int retentionDays, WriteHealth health) {
        this(store, clock, retentionDays, true, health, CAPACITY);
    }

    /**
     * As above, waiting {@code linger} for more decisions after the first of a batch instead of {@link #LINGER_NANOS}
     * ({@code bench trail} compares the two; zero writes as soon as one is queued).
     */
    public DecisionTrail(AuditTrailStore store, Clock clock, int retentionDays, WriteHealth health, Duration linger) {
        this(store, clock, retentionDays, true, health, CAPACITY, linger.toNanos());
    }

    /** With a queue of {@code capacity} decisions (tests fill a small one). */
    DecisionTrail(AuditTrailStore store, Clock clock, int retentionDays, boolean keeping, WriteHealth health,
                  int capacity) {
        this(store, clock, retentionDays, keeping, health, capacity, LINGER_NANOS);
    }

    private DecisionTrail(AuditTrailStore store, Clock clock, int retentionDays, boolean keeping, WriteHealth health,
                          int capacity, long lingerNanos) {
        this.lingerNanos = lingerNanos;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.store = store;
        this.health = health;
        this.clock = clock;
        this.retention = Duration.ofDays(retentionDays);
        this.keeping = keeping;
        this.writer = new Thread(this::drain, "shipaudit-decision-trail");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * A trail that keeps no new decisions ({@code audit.trail=false}) but still deletes expired ones and answers
     * reads of those kept before.
     */
    public static DecisionTrail notKeeping(AuditTrailStore store, Clock clock, int retentionDays) {
        return new DecisionTrail(store, clock, retentionDays, false, new WriteHealth(), 1);
    }

    /** Where the decisions are kept, for reading them back. */
    public AuditTrailStore store() {
        return store;
    }

    /** Queues the decision; never blocks. */
    public void record(AuditRecord record) {
        if (!keeping) {
            return;
        }
        if (!queue.offer(record)) {
            health.dropped(WHAT, WriteHealth.DropReason.QUEUE_FULL, 1);
            long n = dropped.incrementAndGet();
            if (n == 1 || n % 1_000 == 0) {
                LOG.warn("{} pre-ship decisions not kept: the database is {} records behind", n,
                        queue.size() + queue.remainingCapacity());
            }
        }
    }

    /** Decisions written so far, and not kept because the queue was full or their write failed (for /metrics, tests). */
    public long recorded() {
        return recorded.get();
    }

    public long dropped() {
        return dropped.get();
    }

    /** Transactions the writer has committed (tests). */
    long batches() {
        return batches.get();
    }

    /** Decisions waiting for the writer: how far the database is behind (for /metrics, tests). */
    public int queued() {
        return queue.size();
    }

    private void drain() {
        List<AuditRecord> batch = new ArrayList<>(BATCH);
        while (!closing || !queue.isEmpty()) {
            try {
                purgeIfDue();
                AuditRecord first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                gather(batch);
                store.write(batch);
                recorded.addAndGet(batch.size());
                batches.incrementAndGet();
                health.writeSucceeded(WHAT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // A failed write must not stop the trail: later decisions are still worth keeping.
                dropped.addAndGet(batch.size());
                WriteHealth.DropReason reason = health.batchLost(WHAT, e, batch.size());
                LOG.warn("keeping {} pre-ship decisions failed ({}): {}", batch.size(), reason.label(), e.getMessage());
            }
            batch.clear();
        }
    }

    /**
     * Adds what arrives within the linger ({@link #LINGER_NANOS}) of the first record, up to {@link #BATCH}. Written as soon as
     * one was queued, a batch held the one to five decisions of the last few milliseconds, and the transaction around
     * it (a connection, two prepared statements, a commit) cost more than its rows: a third of the trail's CPU in a
     * profile at 500 audits/s. A decision becomes readable that much later; it was never readable before its write.
     */
    private void gather(List<AuditRecord> batch) throws InterruptedException {
        long until = System.nanoTime() + lingerNanos;
        while (batch.size() < BATCH) {
            queue.drainTo(batch, BATCH - batch.size());
            long left = until - System.nanoTime();
            if (batch.size() >= BATCH || left <= 0 || closing) {
                return;
            }
            AuditRecord next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
        }
    }

    private void purgeIfDue() {
        Instant now = clock.instant();
        if (lastPurge.plus(PURGE_EVERY).isAfter(now)) {
            return;
        }
        lastPurge = now;
        try {
            int deleted = store.deleteBefore(now.minus(retention));
            if (deleted > 0) {
                LOG.info("decision trail: deleted {} decisions older than {} days", deleted, retention.toDays());
            }
        } catch (RuntimeException e) {
            LOG.warn("decision trail: deleting expired decisions failed, retried in {}: {}", PURGE_EVERY, e.getMessage());
        }
    }

    /** Writes what is queued, then stops. */
    @Override
    public void close() throws InterruptedException {
        closing = true;
        writer.join(10_000);
    }
}
