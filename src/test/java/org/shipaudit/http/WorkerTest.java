package org.shipaudit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admission bounds of a worker pool: by count, and by the time the accepted work is expected to take. */
class WorkerTest {

    private Vertx vertx;
    private WorkerExecutor executor;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        executor = vertx.createSharedWorkerExecutor("worker-test", 1);
    }

    @AfterEach
    void stop() {
        executor.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private static Future<?> await(Future<?> f) throws Exception {
        f.toCompletionStage().toCompletableFuture().handle((v, e) -> null).get(10, TimeUnit.SECONDS);
        return f;
    }

    /**
     * Teaches the pool that one unit takes about {@code millis}; answers what the three tasks took on average, which
     * on a loaded machine is more (a sleep overshoots), and is what the pool learnt.
     */
    private static double price(Worker w, int millis) throws Exception {
        long[] took = new long[1];
        for (int i = 0; i < 3; i++) {
            await(w.submit(1, () -> {
                long start = System.nanoTime();
                Thread.sleep(millis);
                took[0] += System.nanoTime() - start;
                return null;
            }));
        }
        return took[0] / 3 / 1e6;
    }

    /** One task holding the thread, then {@code n} one-unit tasks submitted behind it at once; then it lets go. */
    private static List<Future<?>> behindABusyThread(Worker w, int n) {
        CountDownLatch hold = new CountDownLatch(1);
        List<Future<?>> sent = new ArrayList<>();
        sent.add(w.submit(1, () -> hold.await(10, TimeUnit.SECONDS)));
        for (int i = 0; i < n; i++) {
            sent.add(w.submit(1, () -> null));
        }
        hold.countDown();
        return sent;
    }

    private static long refused(List<Future<?>> sent) throws Exception {
        long n = 0;
        for (Future<?> f : sent) {
            if (await(f).failed()) {
                assertInstanceOf(Problems.Overloaded.class, f.cause());
                n++;
            }
        }
        return n;
    }

    @Test
    void admitsWhatFitsInTheWaitAndRefusesTheRest() throws Exception {
        Worker w = new Worker("audit", executor, 1, 0, 1000, Duration.ofMillis(100), new AppMetrics());
        double unit = price(w, 20);
        List<Future<?>> sent = behindABusyThread(w, 20);
        // About 100 ms of 20 ms tasks ahead of the last admitted: five or six of the 21, the rest refused at once
        // (fewer admitted when the sleeps that priced the work overshot on a loaded machine).
        long refused = refused(sent);
        long admitted = 21 - refused;
        long expected = Math.round(100 / unit) + 1;
        assertTrue(admitted >= expected - 1 && admitted <= expected + 1,
                refused + " of 21 refused, a unit priced at " + unit + " ms");
    }

    @Test
    void aLargeTaskWeighsAsMuchAsManySmallOnes() throws Exception {
        Worker w = new Worker("audit", executor, 1, 0, 1000, Duration.ofMillis(100), new AppMetrics());
        price(w, 20);
        CountDownLatch hold = new CountDownLatch(1);
        Future<?> running = w.submit(1, () -> hold.await(10, TimeUnit.SECONDS));
        Future<?> big = w.submit(10, () -> null); // 200 ms of work after the running one: still admitted (20 ms ahead)
        Future<?> next = w.submit(1, () -> null); // 220 ms ahead: refused
        hold.countDown();
        assertTrue(await(running).succeeded());
        assertTrue(await(big).succeeded(), String.valueOf(big.cause()));
        assertTrue(await(next).failed(), "a task behind 220 ms of work was admitted");
    }

    @Test
    void withoutATimeBoundTheCountDecides() throws Exception {
        Worker w = new Worker("audit", executor, 1, 0, 3, Duration.ZERO, new AppMetrics());
        price(w, 20);
        List<Future<?>> sent = behindABusyThread(w, 10);
        assertEquals(7, refused(sent)); // one running, three queued
    }

    @Test
    void theFloorIsAdmittedHoweverDearTheWorkIsPriced() throws Exception {
        // Priced at 200 ms a task (a cold JVM's first audits), a 100 ms wait admits nothing past the floor of four.
        Worker w = new Worker("audit", executor, 1, 5, 1000, Duration.ofMillis(100), new AppMetrics());
        price(w, 200);
        assertEquals(6, refused(behindABusyThread(w, 10))); // five units in flight: one running, four queued
    }

    @Test
    void aBatchFillsTheFloorAsItsUnitsDoSoWhatWaitsBehindItIsPriced() throws Exception {
        // A floor of five units. Counted in tasks, one batch of 50 units (a second of work) took one place of five
        // and three single audits were waved in behind it to wait a second each; counted in units they are priced.
        Worker w = new Worker("audit", executor, 1, 5, 1000, Duration.ofMillis(100), new AppMetrics());
        price(w, 20);
        CountDownLatch hold = new CountDownLatch(1);
        List<Future<?>> sent = new ArrayList<>();
        sent.add(w.submit(1, () -> hold.await(10, TimeUnit.SECONDS)));
        Future<?> batch = w.submit(50, () -> null); // 20 ms of work ahead of it: admitted by the time bound
        for (int i = 0; i < 3; i++) {
            sent.add(w.submit(1, () -> null)); // 1,020 ms ahead: refused
        }
        hold.countDown();
        assertTrue(await(batch).succeeded(), String.valueOf(batch.cause()));
        assertEquals(3, refused(sent));
        // A free thread takes a batch whatever its size: nothing waits, so nothing is priced.
        Future<?> alone = w.submit(500, () -> null);
        assertTrue(await(alone).succeeded(), String.valueOf(alone.cause()));
    }

    @Test
    void oneOutlierDoesNotShutTheQueue() throws Exception {
        Worker w = new Worker("audit", executor, 1, 0, 1000, Duration.ofMillis(100), new AppMetrics());
        double unit = price(w, 5);
        await(w.submit(1, () -> {
            Thread.sleep(1000); // an audit that ran into its deadline
            return null;
        }));
        // Priced at most 8 times the mean, the mean rose by about 11 % (5-7 ms per task on a quiet machine); priced at
        // its full second, it would have risen by about 15.6 ms (a 64th of the second). The pricing sleeps overshoot
        // on a loaded machine, so both are judged against what they took.
        double priced = w.expectedWaitNanos(1) / 1e6;
        double capped = unit * 1.11;
        double uncapped = unit + (1000 - unit) / 64;
        assertTrue(priced < (capped + uncapped) / 2, "one slow task priced the work at " + priced + " ms a task,"
                + " against " + unit + " ms before it");
        List<Future<?>> sent = behindABusyThread(w, 20);
        long admitted = 21 - refused(sent);
        assertTrue(admitted >= (long) (100 / priced), "one slow task shut the queue: " + admitted + " of 21 admitted at "
                + priced + " ms a task");
    }
}
