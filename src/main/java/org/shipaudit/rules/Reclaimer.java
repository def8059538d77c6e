package org.shipaudit.rules;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the garbage of replaced rule-pack versions once the last evaluation on them has ended
 * ({@link SessionPool}). A replaced version is unreachable then, but its generated classes leave metaspace only when
 * G1 runs a marking cycle (or a full collection), and G1 starts one only past its heap or metaspace thresholds: at
 * -Xmx1g that took longer than a 20-minute soak with a deploy a minute, so classes, metaspace and the heap after each
 * young collection rose deploy after deploy as if old versions leaked (issue 12).
 *
 * <p>So, when the JVM runs with {@code -XX:+ExplicitGCInvokesConcurrent} (the README's command does), one concurrent
 * marking cycle is requested ({@code System.gc()}) a short while after a version's pool is shut down: the wait lets
 * audits that took their snapshot of the active packs before the swap finish, and gathers the versions of a start-up
 * or a series of deploys into one cycle; at most one runs per {@link #minInterval}. Without that switch nothing is
 * requested: there {@code System.gc()} is a full stop-the-world collection (130-180 ms at 675 audits/s in a soak,
 * long enough to fill the audit queue and refuse about 80 requests per deploy), and a pre-ship gate must not pause
 * for a deploy; replaced versions then leave at G1's next marking cycle of its own (operations.md).
 */
final class Reclaimer {

    private static final Logger LOG = LoggerFactory.getLogger(Reclaimer.class);

    /** The process's one: collections are process-wide, whatever number of services a JVM runs. */
    static final Reclaimer PROCESS = new Reclaimer(Duration.ofSeconds(2), Duration.ofSeconds(10), System::gc,
            concurrentCollections());

    private final Duration settle;
    private final Duration minInterval;
    private final Runnable collect;
    /** False when a request would be a full pause ({@link #concurrentCollections}): then nothing is requested. */
    private final boolean enabled;
    private final AtomicBoolean toldOff = new AtomicBoolean();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicLong collections = new java.util.concurrent.atomic.AtomicLong();
    private volatile long lastNanos = System.nanoTime() - Long.MAX_VALUE / 2;
    private volatile ScheduledExecutorService thread;

    Reclaimer(Duration settle, Duration minInterval, Runnable collect) {
        this(settle, minInterval, collect, true);
    }

    Reclaimer(Duration settle, Duration minInterval, Runnable collect, boolean enabled) {
        this.settle = settle;
        this.minInterval = minInterval;
        this.collect = collect;
        this.enabled = enabled;
    }

    /** A retired version's pool was shut down: collect soon, once for every request made until then. */
    void request() {
        if (!enabled) {
            if (toldOff.compareAndSet(false, true)) {
                LOG.info("replaced rule-pack versions leave memory at G1's next marking cycle: {}", mode());
            }
            return;
        }
        if (!pending.compareAndSet(false, true)) {
            return; // the collection already scheduled covers this version too
        }
        long sinceLast = System.nanoTime() - lastNanos;
        long delay = Math.max(settle.toNanos(), minInterval.toNanos() - sinceLast);
        executor().schedule(this::run, delay, TimeUnit.NANOSECONDS);
    }

    /** Collections made so far (tests, the log). */
    long collections() {
        return collections.get();
    }

    private void run() {
        if (collections.get() == 0) {
            LOG.info("collecting replaced rule-pack versions after deploys: {}", mode());
        }
        pending.set(false);
        long t0 = System.nanoTime();
        try {
            collect.run();
        } catch (RuntimeException e) {
            LOG.warn("could not collect replaced rule-pack versions: {}", e.toString());
        }
        lastNanos = System.nanoTime();
        collections.incrementAndGet();
        LOG.debug("collected replaced rule-pack versions in {} ms", (lastNanos - t0) / 1_000_000);
    }

    /** What System.gc() does in this JVM, for the log: operators choose it with the JVM's own switches. */
    private static String mode() {
        try {
            var hotspot = java.lang.management.ManagementFactory.getPlatformMXBean(
                    com.sun.management.HotSpotDiagnosticMXBean.class);
            if ("true".equals(hotspot.getVMOption("DisableExplicitGC").getValue())) {
                return "off (-XX:+DisableExplicitGC): their classes leave at G1's next marking cycle";
            }
            if ("true".equals(hotspot.getVMOption("ExplicitGCInvokesConcurrent").getValue())) {
                return "a concurrent cycle (-XX:+ExplicitGCInvokesConcurrent)";
            }
            return "none requested, since System.gc() would be a full pause here (run the JVM with"
                    + " -XX:+ExplicitGCInvokesConcurrent to have one concurrent cycle after each deploy)";
        } catch (RuntimeException e) {
            return "System.gc()";
        }
    }

    /** Whether System.gc() starts a concurrent cycle in this JVM (and is not disabled), the one kind worth asking for. */
    static boolean concurrentCollections() {
        try {
            var hotspot = java.lang.management.ManagementFactory.getPlatformMXBean(
                    com.sun.management.HotSpotDiagnosticMXBean.class);
            return "true".equals(hotspot.getVMOption("ExplicitGCInvokesConcurrent").getValue())
                    && !"true".equals(hotspot.getVMOption("DisableExplicitGC").getValue());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private ScheduledExecutorService executor() {
        ScheduledExecutorService t = thread;
        if (t == null) {
            synchronized (this) {
                if (thread == null) {
                    thread = Executors.newSingleThreadScheduledExecutor(r -> {
                        Thread d = new Thread(r, "shipaudit-pack-reclaimer");
                        d.setDaemon(true);
                        return d;
                    });
                }
                t = thread;
            }
        }
        return t;
    }
}
