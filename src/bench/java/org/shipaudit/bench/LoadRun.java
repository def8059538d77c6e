package org.shipaudit.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * One open-loop run at a fixed rate: warm-up, then the measured window, then a drain that waits for the last answers.
 * Warm-up and window share one schedule, so the window starts with the queue the warm-up left and no burst.
 */
public final class LoadRun {

    private final Transport transport;
    private final CpuMeter serverCpu;
    private final boolean serverInThisProcess;
    private final Duration drainTimeout;
    private final Timeline timeline;

    /**
     * @param serverCpu           the server's CPU; {@code () -> -1} when unknown
     * @param serverInThisProcess the server runs in this JVM and {@code serverCpu} measures the whole process: the
     *                            load generator's own threads are subtracted (GC and JIT threads stay counted as
     *                            the server's)
     */
    public LoadRun(Transport transport, CpuMeter serverCpu, boolean serverInThisProcess, Duration drainTimeout) {
        this(transport, serverCpu, serverInThisProcess, drainTimeout, null);
    }

    private LoadRun(Transport transport, CpuMeter serverCpu, boolean serverInThisProcess, Duration drainTimeout,
                    Timeline timeline) {
        this.timeline = timeline;
        this.transport = transport;
        this.serverCpu = serverCpu;
        this.serverInThisProcess = serverInThisProcess;
        this.drainTimeout = drainTimeout;
    }

    /** The same runs, each answer also filed in {@code timeline} (warm-ups included). */
    public LoadRun withTimeline(Timeline timeline) {
        return new LoadRun(transport, serverCpu, serverInThisProcess, drainTimeout, timeline);
    }

    public RunResult run(Target target, double ratePerSecond, Duration warmup, Duration duration)
            throws InterruptedException {
        OpenLoopSchedule schedule = new OpenLoopSchedule(ratePerSecond);
        Pacer pacer = new Pacer(NanoClock.SYSTEM, schedule);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long warmupNanos = warmup.toNanos();
        long windowNanos = duration.toNanos();
        // A little ahead, so the first requests are not already late when the pacer thread starts.
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        LatencyRecorder recorder = new LatencyRecorder(start + warmupNanos, start + warmupNanos + windowNanos);
        AtomicLong outstanding = new AtomicLong();
        long[] cpu = new long[4];
        long[] sentInWindow = new long[1];

        Thread pacing = new Thread(() -> {
            Pacer.Sender sender = (index, intended) -> {
                outstanding.incrementAndGet();
                transport.send(target, index, new Transport.Callback() {
                    @Override
                    public void completed(int status) {
                        long done = System.nanoTime();
                        String error = status / 100 == 2 ? null : Integer.toString(status);
                        recorder.record(intended, done, error);
                        if (timeline != null) {
                            timeline.answered(intended, done, error);
                        }
                        outstanding.decrementAndGet();
                    }

                    @Override
                    public void failed(String kind) {
                        long done = System.nanoTime();
                        recorder.record(intended, done, kind);
                        if (timeline != null) {
                            timeline.answered(intended, done, kind);
                        }
                        outstanding.decrementAndGet();
                    }
                });
            };
            long warmupSent = pacer.run(start, warmupNanos, sender);
            cpu[0] = serverCpu.cpuNanos();
            cpu[1] = transport.cpuNanos() + threads.getCurrentThreadCpuTime();
            // Same schedule continued: request numbers go on from the warm-up's.
            long windowStart = start + warmupNanos;
            sentInWindow[0] = pacer.run(windowStart, windowNanos,
                    (index, intended) -> sender.send(warmupSent + index, intended));
            cpu[2] = serverCpu.cpuNanos();
            cpu[3] = transport.cpuNanos() + threads.getCurrentThreadCpuTime();
        }, "shipaudit-bench-pacer");
        pacing.setDaemon(true);
        pacing.start();
        pacing.join();

        long drainUntil = System.nanoTime() + drainTimeout.toNanos();
        while (outstanding.get() > 0 && System.nanoTime() < drainUntil) {
            Thread.sleep(5);
        }
        if (serverInThisProcess && cpu[0] >= 0 && cpu[2] >= 0) {
            cpu[2] -= cpu[3] - cpu[1];
        }
        LatencyRecorder.Snapshot s = recorder.snapshot();
        Histogram h = s.histogram();
        double seconds = windowNanos / 1e9;
        long answered = s.answered();
        long unanswered = Math.max(0, sentInWindow[0] - answered);
        return new RunResult(target.name(), ratePerSecond, seconds, sentInWindow[0], answered, unanswered,
                s.answeredInWindow() / seconds,
                ms(h, 50), ms(h, 90), ms(h, 99), ms(h, 99.9), h.getTotalCount() == 0 ? 0 : h.getMaxValue() / 1e6,
                s.errors(), pacer.maxLagNanos() / 1e6,
                perRequestMs(cpu[0], cpu[2], s.answeredInWindow()),
                perRequestMs(cpu[1], cpu[3], s.answeredInWindow()));
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1e6;
    }

    private static Double perRequestMs(long before, long after, long requests) {
        if (before < 0 || after < 0 || requests == 0) {
            return null;
        }
        return (after - before) / 1e6 / requests;
    }
}
