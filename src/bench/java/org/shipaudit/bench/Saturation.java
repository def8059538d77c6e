package org.shipaudit.bench;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Saturation throughput: a fixed number of requests kept in flight (closed loop), each answer followed at once by the
 * next request, and the successful answers per second counted. It says how much the server can do flat out and,
 * unlike the latency-bounded search, hardly moves when a neighbour on a shared machine takes the CPU for a moment.
 * Closed-loop latencies hide queueing (coordinated omission), so none are reported.
 */
public final class Saturation {

    /** Successful (2xx) answers per second over the window, and the failures. */
    public record Result(String target, int inFlight, double seconds, long ok, long failed, double okPerSecond,
                         Double serverCpuMsPerRequest) {
    }

    private final Transport transport;
    private final CpuMeter serverCpu;
    private final boolean serverInThisProcess;

    public Saturation(Transport transport, CpuMeter serverCpu, boolean serverInThisProcess) {
        this.transport = transport;
        this.serverCpu = serverCpu;
        this.serverInThisProcess = serverInThisProcess;
    }

    public Result run(Target target, int inFlight, Duration warmup, Duration duration) throws InterruptedException {
        long windowStart = System.nanoTime() + warmup.toNanos();
        long windowEnd = windowStart + duration.toNanos();
        LongAdder ok = new LongAdder();
        LongAdder failed = new LongAdder();
        AtomicLong index = new AtomicLong();
        CountDownLatch chainsDone = new CountDownLatch(inFlight);
        for (int c = 0; c < inFlight; c++) {
            sendNext(target, index, windowStart, windowEnd, ok, failed, chainsDone);
        }
        long sleep = windowStart - System.nanoTime();
        if (sleep > 0) {
            TimeUnit.NANOSECONDS.sleep(sleep);
        }
        long cpu0 = serverCpu.cpuNanos();
        long gen0 = transport.cpuNanos();
        TimeUnit.NANOSECONDS.sleep(Math.max(0, windowEnd - System.nanoTime()));
        long cpu1 = serverCpu.cpuNanos();
        long gen1 = transport.cpuNanos();
        chainsDone.await(30, TimeUnit.SECONDS);
        long n = ok.sum();
        Double cpuMs = null;
        if (cpu0 >= 0 && cpu1 >= 0 && n > 0) {
            long server = cpu1 - cpu0 - (serverInThisProcess ? gen1 - gen0 : 0);
            cpuMs = server / 1e6 / n;
        }
        double seconds = duration.toNanos() / 1e9;
        return new Result(target.name(), inFlight, seconds, n, failed.sum(), n / seconds, cpuMs);
    }

    private void sendNext(Target target, AtomicLong index, long windowStart, long windowEnd, LongAdder ok,
                          LongAdder failed, CountDownLatch chainsDone) {
        transport.send(target, index.getAndIncrement(), new Transport.Callback() {
            @Override
            public void completed(int status) {
                done(status / 100 == 2);
            }

            @Override
            public void failed(String kind) {
                done(false);
            }

            private void done(boolean success) {
                long now = System.nanoTime();
                if (now >= windowStart && now < windowEnd) {
                    (success ? ok : failed).increment();
                }
                if (now < windowEnd) {
                    sendNext(target, index, windowStart, windowEnd, ok, failed, chainsDone);
                } else {
                    chainsDone.countDown();
                }
            }
        });
    }
}
