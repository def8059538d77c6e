package org.shipaudit.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.shipaudit.model.api.Shipment;
import org.shipaudit.model.ShippedPackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the packages of pre-ship audits that carry tracking numbers, off the audit's critical path: the audit only
 * queues them (no I/O), and one background thread writes them in batches. Audits are answered in milliseconds and must
 * not wait for the database; a record is for later invoice checks and arrives within a moment. If the database falls
 * so far behind that {@value #CAPACITY} packages wait, further ones are dropped, counted and logged rather than
 * slowing the warehouse (shipments jobs record synchronously and lose nothing). Every package not stored, queue full
 * or write failed, is counted in {@link WriteHealth} under {@value #WHAT}, which {@code /health} and {@code /metrics}
 * read.
 */
public final class ShipmentRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ShipmentRecorder.class);
    static final int CAPACITY = 50_000;
    private static final int BATCH = 1_000;
    /** The kind of record in {@link WriteHealth}'s counts and problems. */
    public static final String WHAT = "shipment";

    private final ShippedPackageStore store;
    private final BlockingQueue<ShippedPackage> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final WriteHealth health;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong recorded = new AtomicLong();
    private final Thread writer;
    private volatile boolean closing;

    public ShipmentRecorder(ShippedPackageStore store) {
        this(store, new WriteHealth());
    }

    public ShipmentRecorder(ShippedPackageStore store, WriteHealth health) {
        this.store = store;
        this.health = health;
        this.writer = new Thread(this::drain, "shipaudit-shipment-recorder");
        writer.setDaemon(true);
        writer.start();
    }

    /** Queues the shipment's packages that have a tracking number; never blocks. */
    public void record(Shipment shipment, String recordedBy) {
        for (ShippedPackage p : ShippedPackage.of(shipment, recordedBy)) {
            if (!queue.offer(p)) {
                long n = dropped.incrementAndGet();
                health.dropped(WHAT, WriteHealth.DropReason.QUEUE_FULL, 1);
                if (n == 1 || n % 1_000 == 0) {
                    LOG.warn("{} shipped packages not recorded: the database is {} records behind", n, CAPACITY);
                }
            }
        }
    }

    /** Where this recorder's losses and failures are counted. */
    public WriteHealth health() {
        return health;
    }

    /** Packages written so far, and not stored (queue full or write failed), for tests and diagnostics. */
    public long recorded() {
        return recorded.get();
    }

    public long dropped() {
        return dropped.get();
    }

    private void drain() {
        List<ShippedPackage> batch = new ArrayList<>(BATCH);
        while (!closing || !queue.isEmpty()) {
            try {
                ShippedPackage first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                store.record(batch);
                recorded.addAndGet(batch.size());
                health.writeSucceeded(WHAT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // A failed write must not stop the recorder: later audits are still worth recording.
                dropped.addAndGet(batch.size());
                WriteHealth.DropReason reason = health.batchLost(WHAT, e, batch.size());
                LOG.warn("recording {} shipped packages failed ({}): {}", batch.size(), reason.label(), e.getMessage());
            }
            batch.clear();
        }
    }

    /** Writes what is queued, then stops. */
    @Override
    public void close() throws InterruptedException {
        closing = true;
        writer.join(10_000);
    }
}
