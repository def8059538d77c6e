package org.shipaudit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoakBenchTest {

    /** Answers request i with the status the test chose: 200, else 503 for every tenth, or a timeout. */
    static Transport answering(boolean refuse, boolean timeOut) {
        return new Transport() {
            @Override
            public void send(Target target, long index, Callback callback) {
                if (timeOut && index == 3) {
                    callback.failed("timeout");
                } else {
                    callback.completed(refuse && index % 10 == 0 ? 503 : 200);
                }
            }

            @Override
            public long cpuNanos() {
                return -1;
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void reportsEachMinuteWithItsDeployAndCountsRefusalsAndTimeoutsApart() throws Exception {
        Target t = Target.get("audit", "/x");
        List<SoakBench.Minute> seen = new ArrayList<>();
        List<SoakBench.Minute> minutes = SoakBench.run(new LoadRun(answering(true, true), () -> -1, false,
                Duration.ofSeconds(1)), t, 200, Duration.ofMillis(100), 2, Duration.ofMillis(400), n -> "v" + (n + 1), seen::add);
        assertEquals(minutes, seen, "each minute handed over as it ends");
        assertEquals(2, minutes.size());
        SoakBench.Minute first = minutes.get(0);
        assertEquals("v2", first.deployVersion());
        assertNull(first.deployError());
        assertEquals(1, first.timeouts(), first.load().errors().toString());
        assertTrue(first.load().errors().getOrDefault("503", 0L) > 0, first.load().errors().toString());
        assertEquals(0, first.errorsBesidesRefusals(), "503 and timeouts are counted apart");
        assertTrue(first.heapUsedMb() > 0);
        assertTrue(first.liveHeapMb() >= 0 && first.metaspaceMb() > 0 && first.classes() > 0, first.toString());
    }

    @Test
    void theWarmUpRampsToTheRateAndDeploysOnceSoTheFirstMinuteIsNotTheColdStart() throws Exception {
        java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
        List<Integer> deploys = new java.util.concurrent.CopyOnWriteArrayList<>();
        Transport counting = new Transport() {
            @Override
            public void send(Target target, long index, Callback callback) {
                sent.incrementAndGet();
                callback.completed(200);
            }

            @Override
            public long cpuNanos() {
                return -1;
            }

            @Override
            public void close() {
            }
        };
        SoakBench.warmUp(new LoadRun(counting, () -> -1, false, Duration.ofSeconds(1)), Target.get("audit", "/x"), 400,
                Duration.ofMillis(800), n -> {
                    deploys.add(n);
                    return "v1";
                });
        assertEquals(List.of(0), deploys, "one deploy, numbered 0, in the warm-up");
        // 400/s for 0.8 s is 320 at the full rate; a quarter, a half, three quarters and the whole of it, 0.2 s each, is 200.
        assertTrue(sent.get() >= 170 && sent.get() <= 240, "ramped, not at the full rate: " + sent.get());
    }

    @Test
    void aFailedDeployIsReportedNotThrown() throws Exception {
        List<SoakBench.Minute> minutes = SoakBench.run(new LoadRun(answering(false, false), () -> -1, false,
                Duration.ofSeconds(1)), Target.get("audit", "/x"), 100, Duration.ZERO, 1, Duration.ofMillis(200), n -> {
                    throw new IllegalStateException("pack refused");
                }, m -> { });
        assertEquals("IllegalStateException: pack refused", minutes.get(0).deployError());
        assertEquals(0, minutes.get(0).load().errorCount());
    }
}
