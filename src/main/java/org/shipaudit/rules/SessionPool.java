package org.shipaudit.rules;

import java.util.concurrent.atomic.AtomicInteger;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * The sessions of one compiled pack version, pooled while the version is active, and the end of that version's life.
 * When an activation replaces the version ({@link #retire}), the pool is shut down as soon as the last evaluation that
 * started on it has ended, and {@link Reclaimer} is asked to collect: a replaced version's KieBase and the classes
 * Drools generated for it are unreachable then, but G1 unloads classes (and collects an old generation that is far
 * from full) only in a marking cycle it has no reason to start, so without that request every deploy's classes and
 * compile garbage pile up until metaspace or the heap crosses a threshold (issue 12's soak: +305 classes a deploy).
 *
 * <p>An evaluation that opens a session after the pool was shut down (it took its snapshot of the active packs before
 * the swap) gets a session of its own, built and disposed without the pool: the version stays correct to the end.
 */
final class SessionPool {

    /** Set once the version was replaced. */
    private static final int RETIRED = 1 << 30;
    /** Set once the pool was shut down; only ever set together with RETIRED and no evaluation running on the pool. */
    private static final int CLOSED = 1 << 29;
    private static final int RUNNING = CLOSED - 1;

    private final KieBase kieBase;
    private final KieSessionsPool pool;
    /** The RETIRED and CLOSED flags and, below them, how many evaluations hold a pooled session. */
    private final AtomicInteger state = new AtomicInteger();
    private final Runnable onClosed;

    /** Grows to the number of concurrent audits; two per core covers the audit workers and the scenario runs. */
    SessionPool(KieBase kieBase) {
        this(kieBase, Runtime.getRuntime().availableProcessors() * 2, SessionPool::reclaim);
    }

    SessionPool(KieBase kieBase, int initialSize, Runnable onClosed) {
        this.kieBase = kieBase;
        this.pool = kieBase.newKieSessionsPool(initialSize);
        this.onClosed = onClosed;
    }

    /** One evaluation's session, and whether it came from the pool (only those are counted). */
    record Lease(KieSession session, boolean pooled) {
    }

    /** A session for one evaluation; give it back with {@link #close}. */
    Lease open() {
        while (true) {
            int s = state.get();
            if ((s & CLOSED) != 0) {
                return new Lease(kieBase.newKieSession(), false);
            }
            if ((s & RUNNING) == RUNNING) {
                throw new IllegalStateException("more concurrent evaluations than a session pool counts");
            }
            if (state.compareAndSet(s, s + 1)) {
                return new Lease(pool.newKieSession(), true);
            }
        }
    }

    /**
     * Ends an evaluation: {@code reuse} resets the session and returns it to the pool (or, built outside it, disposes
     * it), otherwise it is destroyed (a halted or half-fired session is not reused). The last evaluation of a retired
     * version shuts its pool down.
     */
    void close(Lease lease, boolean reuse) {
        try {
            if (reuse) {
                lease.session().dispose();
            } else {
                lease.session().destroy();
            }
        } finally {
            if (lease.pooled() && state.decrementAndGet() == RETIRED) {
                shutDown();
            }
        }
    }

    /** The version was replaced: the pool goes when no evaluation runs on it any more (at once when none does). */
    void retire() {
        int before = state.getAndUpdate(s -> s | RETIRED);
        if ((before & RETIRED) == 0 && (before & RUNNING) == 0) {
            shutDown();
        }
    }

    /** True once the pool was shut down (the version was replaced and its last evaluation ended). */
    boolean closed() {
        return (state.get() & CLOSED) != 0;
    }

    private void shutDown() {
        // Only one caller wins, and only while nothing runs: an open() racing this either counted itself first (then
        // the CAS fails and its close() shuts the pool) or sees CLOSED and builds its own session.
        if (state.compareAndSet(RETIRED, RETIRED | CLOSED)) {
            pool.shutdown();
            onClosed.run();
        }
    }

    /**
     * Asks for the collection, except where compiled packs are shared across services (the test run,
     * {@link RulePackCompiler#SHARE_PROPERTY}): that cache holds every version anyway, and dozens of test classes
     * deploy.
     */
    private static void reclaim() {
        if (!Boolean.getBoolean(RulePackCompiler.SHARE_PROPERTY)) {
            Reclaimer.PROCESS.request();
        }
    }
}
