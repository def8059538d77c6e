package org.shipaudit.rules;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Where candidate packs are compiled and checked (validate, deploy, reload, roll back) while the service runs audits:
 * at low CPU priority ({@link LowPriority}), so a deploy takes the CPU the audits leave rather than a core they need,
 * and with at most one compile at a time whatever the number of callers. Drools' compiler is CPU- and memory-hungry
 * for seconds; on two cores a compile at normal priority took half the machine from audits and their queue overflowed
 * into 503s. A change runs on a thread of its own ({@link #change}): one pack's scenarios stuck at their deadline never
 * hold up another pack, only compiles queue ({@link #compile}). Start-up compiles (no audits yet) do not come here.
 */
final class BuildLane {

    /** The compile thread's name, so it can be told apart in a thread dump or {@code top -H}. */
    static final String COMPILE_THREAD = "shipaudit-pack-compile";
    static final String CHANGE_THREAD = "shipaudit-pack-change";

    private static final ExecutorService COMPILES = Executors.newSingleThreadExecutor(r -> lowPriority(r, COMPILE_THREAD));

    /** No bound here: callers are bounded before (the rules worker's in-flight limit), and a change never waits. */
    private static final ExecutorService CHANGES = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> lowPriority(r, CHANGE_THREAD));

    private BuildLane() {
    }

    /** Compiles on the one compile thread, behind the compiles already queued, never beside them; waits for it. */
    static <T> T compile(Supplier<T> work) {
        return await(COMPILES.submit(work::get));
    }

    /** Runs a whole change (its scenarios included) on a low-priority thread of its own and waits for it. */
    static <T> T change(Supplier<T> work) {
        return await(CHANGES.submit(work::get));
    }

    private static Thread lowPriority(Runnable r, String name) {
        Thread t = new Thread(() -> {
            LowPriority.lowerCurrentThread();
            r.run();
        }, name);
        t.setDaemon(true);
        return t;
    }

    /** What the work throws is thrown here; a caller interrupted while waiting gets its interrupt back, the work is cancelled. */
    private static <T> T await(Future<T> done) {
        try {
            return done.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            done.cancel(false); // never cut a compile or a change short half-way: it finishes, unanswered
            Thread.currentThread().interrupt();
            throw new PackChangeRefused(PackChangeRefused.Reason.BUSY, "interrupted while waiting for a rule-pack compile");
        }
    }
}
