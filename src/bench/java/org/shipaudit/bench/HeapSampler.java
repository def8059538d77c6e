package org.shipaudit.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The most heap in use at any sample, taken every {@value #PERIOD_MS} ms on a daemon thread while a pass runs. The
 * heap is read whole at one instant: adding up each pool's own peak (as MemoryPoolMXBean offers) counts eden full and
 * old gen at its largest together, though they never are at the same time, and overstates the peak by up to the
 * young generation's size.
 */
final class HeapSampler implements AutoCloseable {

    static final long PERIOD_MS = 20;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peak;

    HeapSampler() {
        sample();
        thread = new Thread(this::loop, "bench-heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            sample();
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        long used = memory.getHeapMemoryUsage().getUsed();
        if (used > peak) {
            peak = used;
        }
    }

    /** The largest heap in use seen so far, in bytes. */
    long peak() {
        return peak;
    }

    /** Stops sampling, after a last sample. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
        sample();
    }

    /** The heap limit of this JVM (-Xmx), in bytes. */
    static long limit() {
        return Runtime.getRuntime().maxMemory();
    }
}
