package org.shipaudit.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The soak run: audits at a fixed rate for a long time, one minute after another, with a rule-pack deploy in the
 * middle of each minute, so a leak (heap, RSS), a slow drift of the p99 or a deploy that disturbs audits shows up
 * minute by minute rather than averaged away.
 */
public final class SoakBench {

    /** Deploys the next version of a pack and returns it; called once a minute from its own thread. */
    @FunctionalInterface
    public interface Deployer {
        String deploy(int n) throws Exception;
    }

    /**
     * One minute of the soak.
     *
     * @param deployVersion the version the minute's deploy made active, or null when it failed
     * @param deployError   why the deploy failed, or null
     * @param heapUsedMb    heap in use after the minute (this JVM), garbage included, -1 when unknown
     * @param liveHeapMb    heap in use just after the most recent collection: what a leak makes grow
     * @param metaspaceMb   metaspace in use: classes Drools generated for replaced versions stay there until a
     *                      collection unloads them
     * @param classes       classes loaded now (loaded minus unloaded)
     * @param rssMb         resident set size of this process (Linux {@code /proc/self/status}), -1 when unknown
     */
    public record Minute(int minute, RunResult load, String deployVersion, double deploySeconds, String deployError,
                         long heapUsedMb, long liveHeapMb, long metaspaceMb, long classes, long rssMb) {

        /** Requests that timed out or were never answered. */
        public long timeouts() {
            return load.errors().getOrDefault("timeout", 0L) + load.unanswered();
        }

        /** Errors other than timeouts and 503 refusals. */
        public long errorsBesidesRefusals() {
            return load.errors().entrySet().stream().filter(e -> !e.getKey().equals("503") && !e.getKey().equals("timeout"))
                    .mapToLong(java.util.Map.Entry::getValue).sum();
        }
    }

    private SoakBench() {
    }

    /**
     * Runs a warm-up (not reported, see {@link #warmUp}), then {@code minutes} minutes of {@code minute} each, handing
     * every one to {@code onMinute} as it ends.
     */
    public static List<Minute> run(LoadRun load, Target audit, double rate, Duration warmup, int minutes,
                                   Duration minute, Deployer deployer, Consumer<Minute> onMinute)
            throws InterruptedException {
        return run(load, audit, rate, warmup, minutes, minute, deployer, onMinute, null);
    }

    /** As above, marking each deploy in {@code timeline} (null: none) while it runs. */
    public static List<Minute> run(LoadRun load, Target audit, double rate, Duration warmup, int minutes,
                                   Duration minute, Deployer deployer, Consumer<Minute> onMinute, Timeline timeline)
            throws InterruptedException {
        if (!warmup.isZero()) {
            warmUp(load, audit, rate, warmup, deployer);
        }
        if (timeline != null) {
            timeline.measuring();
        }
        List<Minute> out = new ArrayList<>();
        for (int m = 1; m <= minutes; m++) {
            int n = m;
            AtomicReference<String> version = new AtomicReference<>();
            AtomicReference<String> error = new AtomicReference<>();
            double[] seconds = new double[1];
            Thread deploying = new Thread(() -> {
                try {
                    Thread.sleep(minute.toMillis() / 2);
                    long t0 = System.nanoTime();
                    if (timeline != null) {
                        timeline.deployStarted();
                    }
                    try {
                        version.set(deployer.deploy(n));
                    } finally {
                        if (timeline != null) {
                            timeline.deployEnded();
                        }
                    }
                    seconds[0] = (System.nanoTime() - t0) / 1e9;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception e) {
                    error.set(e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }, "shipaudit-soak-deployer");
            deploying.setDaemon(true);
            deploying.start();
            RunResult r = load.run(audit, rate, Duration.ZERO, minute);
            deploying.join();
            Minute result = new Minute(m, r, version.get(), seconds[0], error.get(), heapUsedMb(), liveHeapMb(),
                    metaspaceMb(), ManagementFactory.getClassLoadingMXBean().getLoadedClassCount(), rssMb());
            out.add(result);
            onMinute.accept(result);
        }
        return out;
    }

    /** Steps of the warm-up's ramp: a quarter of the rate, a half, three quarters, the whole. */
    static final int WARMUP_STEPS = 4;

    /**
     * Brings a cold service to the soak's rate in {@link #WARMUP_STEPS} equal steps, with one deploy (number 0) in the
     * middle. A cold JVM's capacity is below its warm one's: sent at the full rate from the first second, it refused
     * 13.6 % of minute 1 (2026-12-03, 675/s on 2 cores, both cores busy with the JIT), and the first deploy, which loads
     * and compiles the pack compiler's own classes, took 15.5 s against 0.7-4.6 s for the others. Both are the start
     * of a process, not what a long run leaks or drifts into, so they belong to the warm-up.
     */
    static void warmUp(LoadRun load, Target audit, double rate, Duration warmup, Deployer deployer)
            throws InterruptedException {
        Thread deploying = new Thread(() -> {
            try {
                Thread.sleep(warmup.toMillis() / 2);
                deployer.deploy(0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                // The warm-up's deploy is not reported: a pack that fails to deploy fails every minute's deploy too.
            }
        }, "shipaudit-soak-warmup-deployer");
        deploying.setDaemon(true);
        deploying.start();
        Duration step = warmup.dividedBy(WARMUP_STEPS);
        for (int i = 1; i <= WARMUP_STEPS; i++) {
            load.run(audit, rate * i / WARMUP_STEPS, Duration.ZERO, step);
        }
        deploying.join();
    }

    /** Heap in use now, in MiB. */
    static long heapUsedMb() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    /**
     * Heap in use just after the most recent collection, in MiB (-1 when unknown): the floor that a leak raises deploy
     * after deploy, where the heap in use at any moment mostly measures garbage not yet collected.
     */
    static long liveHeapMb() {
        com.sun.management.GcInfo last = null;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof com.sun.management.GarbageCollectorMXBean sun) {
                com.sun.management.GcInfo info = sun.getLastGcInfo();
                if (info != null && (last == null || info.getEndTime() > last.getEndTime())) {
                    last = info;
                }
            }
        }
        if (last == null) {
            return -1;
        }
        java.util.Set<String> heapPools = new java.util.HashSet<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        long bytes = 0;
        for (java.util.Map.Entry<String, MemoryUsage> e : last.getMemoryUsageAfterGc().entrySet()) {
            bytes += heapPools.contains(e.getKey()) ? e.getValue().getUsed() : 0;
        }
        return bytes >> 20;
    }

    /** Metaspace in use, in MiB, or -1 on a JVM without that pool. */
    static long metaspaceMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getName().equals("Metaspace"))
                .mapToLong(p -> p.getUsage().getUsed() >> 20).findFirst().orElse(-1);
    }

    /** This process's resident set size in MiB from {@code /proc/self/status}, or -1 where there is none. */
    static long rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
