package org.shipaudit.http;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.shipaudit.process.Fatal;

/**
 * A named worker pool with a bound on work in progress: beyond it callers get 503 with {@code Retry-After} at once
 * instead of waiting in the pool's unbounded queue and timing out, which would also hide the overload from a load
 * balancer.
 *
 * <p>Two bounds. A count ({@code threads + maxQueued} tasks) bounds memory. A time bound, when set, lets the queue
 * grow past a floor while the work already in flight is expected to take at most {@code maxWait} on this pool's
 * threads: work is measured in units the caller names (bytes of an audit body, so one batch of 500 counts as much as
 * 500 single audits) and priced by the mean time per unit of recent tasks. The floor ({@code floorUnits} in flight,
 * and a task that finds a thread free) is admitted however the work is priced, because the first audits of a cold JVM
 * are priced at their JIT-cold cost: without it a fresh service refused almost everything past its first audit until
 * a few hundred had brought the mean down (PreshipBenchIT, and a third of minute 1 of a soak). It is counted in units,
 * not tasks, so that a few large batches cannot fill it and have single audits wait seconds behind them unpriced. Past
 * the floor a pause (a collection, a deploy, the JIT compiling a new pack version) shorter than {@code maxWait} is
 * ridden out instead of refused.
 */
final class Worker {

    /** What a refused caller is told to wait: queued audits drain in milliseconds, so one second is plenty. */
    static final int RETRY_AFTER_SECONDS = 1;
    /** Weight of the newest task in the mean time per unit: the last hundred or so tasks count. */
    private static final double SMOOTHING = 1.0 / 64;
    /** A task is priced at most this many times the mean (see {@link #observe}). */
    private static final double OUTLIER = 8;

    private final String name;
    private final WorkerExecutor executor;
    private final int threads;
    private final int maxInFlight;
    private final long floorUnits;
    private final long maxWaitNanos;
    private final AppMetrics metrics;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong unitsInFlight = new AtomicLong();
    /** Mean nanoseconds per unit of the recent tasks, as the bits of a double; 0 until the first task ends. */
    private final AtomicLong nanosPerUnit = new AtomicLong(Double.doubleToLongBits(0));

    /** A pool bounded by count only. */
    Worker(String name, WorkerExecutor executor, int maxInFlight, AppMetrics metrics) {
        this(name, executor, maxInFlight, 0, 0, Duration.ZERO, metrics);
    }

    /**
     * @param threads    the executor's threads
     * @param floorUnits units that may always be in flight, whatever they are expected to take (the floor: a first,
     *                   cold-priced audit must not close the queue)
     * @param maxQueued  tasks that may wait for a thread at most
     * @param maxWait    the longest the work in flight may be expected to take before new tasks are refused;
     *                   zero for none (the count alone)
     */
    Worker(String name, WorkerExecutor executor, int threads, long floorUnits, int maxQueued, Duration maxWait,
           AppMetrics metrics) {
        this.name = name;
        this.executor = executor;
        this.threads = Math.max(1, threads);
        this.floorUnits = floorUnits;
        this.maxInFlight = this.threads + maxQueued;
        this.maxWaitNanos = maxWait.toNanos();
        this.metrics = metrics;
    }

    <T> Future<T> submit(Callable<T> task) {
        return submit(1, task);
    }

    /** Runs the task unless the pool is full; {@code units} is its size, in the units this pool's callers use. */
    <T> Future<T> submit(long units, Callable<T> task) {
        long size = Math.max(1, units);
        int tasks = inFlight.incrementAndGet();
        long ahead = unitsInFlight.getAndAdd(size);
        boolean inFloor = tasks <= threads || ahead + size <= floorUnits;
        if (tasks > maxInFlight || maxWaitNanos > 0 && !inFloor && tooLong(ahead)) {
            inFlight.decrementAndGet();
            unitsInFlight.addAndGet(-size);
            metrics.countShed(name);
            return Future.failedFuture(new Problems.Overloaded(RETRY_AFTER_SECONDS));
        }
        // Only a time-bounded pool prices its work; the others (rule changes, jobs) need not time every task.
        Callable<T> run = maxWaitNanos == 0 ? task : () -> {
            long start = System.nanoTime();
            try {
                return task.call();
            } finally {
                observe((System.nanoTime() - start) / (double) size);
            }
        };
        return executor.executeBlocking(Fatal.guard(run, "worker pool " + name), false)
                .andThen(r -> {
                    inFlight.decrementAndGet();
                    unitsInFlight.addAndGet(-size);
                });
    }

    /** Whether a task past the floor would wait longer than the time bound; true while no task has priced the work. */
    private boolean tooLong(long unitsAhead) {
        return Double.longBitsToDouble(nanosPerUnit.get()) == 0 || expectedWaitNanos(unitsAhead) > maxWaitNanos;
    }

    /** How long the units already in flight are expected to keep this pool's threads busy. */
    long expectedWaitNanos(long unitsAhead) {
        return (long) (unitsAhead * Double.longBitsToDouble(nanosPerUnit.get()) / threads);
    }

    private void observe(double nanos) {
        nanosPerUnit.updateAndGet(bits -> {
            double mean = Double.longBitsToDouble(bits);
            if (mean == 0) {
                return Double.doubleToLongBits(nanos);
            }
            // One outlier (an audit that ran into its deadline) moves the mean by at most 11 %: a real slowdown
            // still raises it within a few dozen tasks, a single one does not shut the queue for the next thousand.
            return Double.doubleToLongBits(mean + (Math.min(nanos, OUTLIER * mean) - mean) * SMOOTHING);
        });
    }
}
