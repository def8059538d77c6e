package org.shipaudit.http;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A named worker pool with a bound on queued work: beyond it callers get 503 at once instead of waiting in an
 * unbounded queue and timing out (which would also hide the overload from the load balancer).
 */
final class Worker {

    private final WorkerExecutor executor;
    private final int maxInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();

    Worker(WorkerExecutor executor, int maxInFlight) {
        this.executor = executor;
        this.maxInFlight = maxInFlight;
    }

    <T> Future<T> submit(Callable<T> task) {
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            return Future.failedFuture(new Problems.Overloaded());
        }
        return executor.executeBlocking(task, false).andThen(r -> inFlight.decrementAndGet());
    }
}
