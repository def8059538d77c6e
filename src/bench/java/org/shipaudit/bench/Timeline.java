package org.shipaudit.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A soak second by second: requests by the second they were meant to be sent (sent, refused with 503, other errors,
 * slowest answer, answers over 100 ms) beside what this JVM did in that second (collection pauses, JIT compile time,
 * process CPU) and whether a deploy was running. Per-minute totals cannot say whether refusals come with the deploy,
 * with a collection or with the JIT recompiling a new pack's classes; lined up by the second they can. Answers are
 * filed by intended send time, the JVM's figures by wall time; a second is {@code step} long.
 */
public final class Timeline implements AutoCloseable {

    private static final long SLOW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final long origin = System.nanoTime();
    private final long stepNanos;
    private final Map<Long, Second> seconds = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<Long, Jvm> jvm = new ConcurrentSkipListMap<>();
    private final AtomicInteger deploying = new AtomicInteger();
    private final Thread sampler;
    private volatile boolean closed;
    private volatile long measuredFrom = Long.MAX_VALUE;

    private static final class Second {
        final LongAdder sent = new LongAdder();
        final LongAdder refused = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LongAdder slow = new LongAdder();
        final AtomicLong maxNanos = new AtomicLong();
    }

    /** What the JVM did in one step, as differences of its cumulative counters; deploy is 1 if one ran in it. */
    private record Jvm(long gcMs, long jitMs, long cpuMs, int deploy) {
    }

    public Timeline(long stepMillis) {
        this.stepNanos = TimeUnit.MILLISECONDS.toNanos(stepMillis);
        this.sampler = new Thread(this::sample, "shipaudit-soak-timeline");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** An answer (or failure) for the request meant to be sent at {@code intendedNanos}; status text as LoadRun's. */
    void answered(long intendedNanos, long doneNanos, String errorOrNull) {
        Second s = seconds.computeIfAbsent(index(intendedNanos), k -> new Second());
        s.sent.increment();
        if ("503".equals(errorOrNull)) {
            s.refused.increment();
        } else if (errorOrNull != null) {
            s.errors.increment();
        }
        long took = doneNanos - intendedNanos;
        if (took > SLOW_NANOS) {
            s.slow.increment();
        }
        s.maxNanos.accumulateAndGet(took, Math::max);
    }

    /** The warm-up is over: from the current step on, steps count in the {@link #summary()}. */
    public void measuring() {
        measuredFrom = index(System.nanoTime());
    }

    /** Marks a deploy as running until {@link #deployEnded()}. */
    public void deployStarted() {
        deploying.incrementAndGet();
    }

    public void deployEnded() {
        deploying.decrementAndGet();
    }

    private long index(long nanos) {
        return Math.floorDiv(nanos - origin, stepNanos);
    }

    private void sample() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long gc0 = gcMillis();
        long jit0 = jit.getTotalCompilationTime();
        long cpu0 = os.getProcessCpuTime();
        long next = origin + stepNanos;
        boolean deployed = false;
        while (!closed) {
            deployed |= deploying.get() > 0;
            long now = System.nanoTime();
            if (now < next) {
                try {
                    Thread.sleep(Math.min(50, TimeUnit.NANOSECONDS.toMillis(next - now) + 1));
                } catch (InterruptedException e) {
                    return;
                }
                continue;
            }
            long gc = gcMillis();
            long j = jit.getTotalCompilationTime();
            long cpu = os.getProcessCpuTime();
            jvm.put(index(next - 1), new Jvm(gc - gc0, j - jit0, (cpu - cpu0) / 1_000_000, deployed ? 1 : 0));
            gc0 = gc;
            jit0 = j;
            cpu0 = cpu;
            deployed = deploying.get() > 0;
            next += stepNanos;
        }
    }

    /** Time spent in collections so far; for G1 on Java 17 both beans count pauses (young and mixed, full). */
    private static long gcMillis() {
        long ms = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ms += Math.max(0, gc.getCollectionTime());
        }
        return ms;
    }

    /**
     * Totals of the refusals and slow answers in measured steps with and without a deploy running, and the number of
     * each kind of step.
     */
    public record Summary(long stepsWithDeploy, long refusedWithDeploy, long slowWithDeploy, long stepsWithout,
                          long refusedWithout, long slowWithout) {
    }

    public Summary summary() {
        long sd = 0;
        long rd = 0;
        long wd = 0;
        long so = 0;
        long ro = 0;
        long wo = 0;
        for (Map.Entry<Long, Jvm> e : jvm.tailMap(measuredFrom).entrySet()) {
            Second s = seconds.get(e.getKey());
            long refused = s == null ? 0 : s.refused.sum();
            long slow = s == null ? 0 : s.slow.sum();
            if (e.getValue().deploy() > 0) {
                sd++;
                rd += refused;
                wd += slow;
            } else {
                so++;
                ro += refused;
                wo += slow;
            }
        }
        return new Summary(sd, rd, wd, so, ro, wo);
    }

    /** Writes one tab-separated row per step, from the first to the last sampled. */
    public void write(Path file) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            out.println("t_s\tphase\tsent\trefused\terrors\tover_100ms\tmax_ms\tdeploy\tgc_ms\tjit_ms\tcpu_ms");
            for (Map.Entry<Long, Jvm> e : jvm.entrySet()) {
                Second s = seconds.get(e.getKey());
                Jvm j = e.getValue();
                out.printf("%.1f\t%s\t%d\t%d\t%d\t%d\t%.1f\t%d\t%d\t%d\t%d%n", e.getKey() * stepNanos / 1e9,
                        e.getKey() < measuredFrom ? "warmup" : "soak",
                        s == null ? 0 : s.sent.sum(), s == null ? 0 : s.refused.sum(), s == null ? 0 : s.errors.sum(),
                        s == null ? 0 : s.slow.sum(), s == null ? 0 : s.maxNanos.get() / 1e6, j.deploy(), j.gcMs(),
                        j.jitMs(), j.cpuMs());
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        sampler.join(1_000);
    }
}
