package org.shipaudit.http;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.shipaudit.process.Fatal;

/**
 * A named worker pool with a bound on work in progress (running plus queued): beyond it callers get 503 with
 * {@code Retry-After} at once instead of waiting in the pool's unbounded queue and timing out, which would also hide
 * the overload from a load balancer. The bound is what keeps the latency of accepted requests flat past saturation:
 * at most {@code maxInFlight / threads} tasks wait ahead of any one.
 */
final class Worker {

    /** What a refused caller is told to wait: queued audits drain in milliseconds, so one second is plenty. */
    static final int RETRY_AFTER_SECONDS = 1;

    private final String name;
    private final WorkerExecutor executor;
    private final int maxInFlight;
    private final AppMetrics metrics;
    private final AtomicInteger inFlight = new AtomicInteger();

    Worker(String name, WorkerExecutor executor, int maxInFlight, AppMetrics metrics) {
        this.name = name;
        this.executor = executor;
        this.maxInFlight = maxInFlight;
        this.metrics = metrics;
    }

    <T> Future<T> submit(Callable<T> task) {
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            metrics.countShed(name);
            return Future.failedFuture(new Problems.Overloaded(RETRY_AFTER_SECONDS));
        }
        return executor.executeBlocking(Fatal.guard(task, "worker pool " + name), false)
                .andThen(r -> inFlight.decrementAndGet());
    }
}
