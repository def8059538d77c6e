package org.shipaudit.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one {@code bench preship} run measured, with the machine and load it ran under; written as JSON with
 * {@code --json FILE} for the table in src/site/markdown/performance.md.
 *
 * @param referenceData                   what the server's reference index held (official files or the bundled sample)
 * @param planted                         the planted-mistake check before the timed runs; null when not run
 * @param auditToTrivialPercent           highest sustainable audits per second as a percentage of the trivial
 *                                        endpoint's highest sustainable requests per second
 * @param saturationAuditToTrivialPercent the same with saturation throughputs
 */
public record BenchReport(String startedAt, Machine machine, String server, String referenceData, Workload workload,
                          PlantedCheck.Result planted, RunResult fixedRate,
                          MaxRateSearch.Outcome auditMax, MaxRateSearch.Outcome trivialMax,
                          Double auditToTrivialPercent, Saturation.Result auditSaturation,
                          Saturation.Result trivialSaturation, Double saturationAuditToTrivialPercent,
                          List<Goal> goals) {

    /** The machine: the figures mean little without its cores and how busy it was. */
    public record Machine(int cores, String cpu, String os, String java, double loadAverageAtStart,
                          double loadAverageAtEnd) {

        public static double loadAverage() {
            return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        }

        public static Machine describe(double loadAtStart) {
            String cpu = "unknown";
            try {
                cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                        .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
            } catch (Exception e) {
                // Not Linux: the core count and OS still say enough.
            }
            return new Machine(Runtime.getRuntime().availableProcessors(), cpu,
                    System.getProperty("os.name") + " " + System.getProperty("os.version"),
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                    loadAtStart, loadAverage());
        }
    }

    /** The shipments sent. */
    public record Workload(int distinctBodies, long meanBodyBytes, int shipmentsPerRequest, long seed,
                           double mistakeRate, String shipDate) {
    }

    /** A goal of the issue, what was measured against it, and whether it was met (null when not measured). */
    public record Goal(String goal, String measured, Boolean met) {
    }

    static List<Goal> goals(double rate, RunResult fixed, MaxRateSearch.Outcome auditMax,
                            MaxRateSearch.Outcome trivialMax, Double percent, Saturation.Result auditSat,
                            Double saturationPercent, int perRequest, PlantedCheck.Result planted) {
        List<Goal> goals = new ArrayList<>();
        goals.add(planted == null ? new Goal("every planted mistake reported by its rule", "not checked", null)
                : new Goal("every planted mistake reported by its rule",
                        String.format("%d of %d, %d failed", planted.found(), planted.planted(), planted.failed()),
                        planted.ok()));
        double audits = rate * perRequest;
        if (Math.abs(audits - 1000) < 1e-9) {
            goals.add(new Goal("p99 under 10 ms at 1,000 audits/s", String.format("%.2f ms", fixed.p99Ms()),
                    fixed.p99Ms() < PreshipBench.GOAL_P99_MS_AT_1000 && fixed.errorCount() == 0));
        } else if (Math.abs(audits - 2000) < 1e-9) {
            goals.add(new Goal("p99 under 5 ms at 2,000 audits/s", String.format("%.2f ms", fixed.p99Ms()),
                    fixed.p99Ms() < PreshipBench.GOAL_P99_MS_AT_2000 && fixed.errorCount() == 0));
        } else {
            goals.add(new Goal("p99 under 5 ms at 2,000 audits/s", "not measured (run with --rate 2000)", null));
        }
        if (fixed.serverCpuMsPerRequest() != null) {
            double ms = fixed.serverCpuMsPerRequest() / perRequest;
            goals.add(new Goal("server CPU at most 0.15 ms per audit (fixed rate)", String.format("%.3f ms", ms),
                    ms <= PreshipBench.GOAL_SERVER_CPU_MS_PER_AUDIT));
        }
        if (auditMax != null) {
            double max = auditMax.maxSustainablePerSecond() * perRequest;
            goals.add(new Goal("at least 10,000 audits/s (p99 within limit)", String.format("%.0f audits/s", max),
                    max >= PreshipBench.GOAL_MAX_PER_SECOND));
        } else {
            goals.add(new Goal("at least 10,000 audits/s (p99 within limit)", "not measured (add --find-max)", null));
        }
        if (auditSat != null) {
            double sat = auditSat.okPerSecond() * perRequest;
            goals.add(perRequest > 1
                    ? new Goal("batch route at least 20,000 shipments/s (throughput)",
                            String.format("%.0f shipments/s", sat), sat >= PreshipBench.GOAL_BATCH_SHIPMENTS_PER_SECOND)
                    : new Goal("saturation at least 10,000 audits/s (throughput)",
                            String.format("%.0f audits/s", sat), sat >= PreshipBench.GOAL_MAX_PER_SECOND));
            if (auditSat.serverCpuMsPerRequest() != null) {
                double ms = auditSat.serverCpuMsPerRequest() / perRequest;
                goals.add(new Goal("server CPU at most 0.15 ms per audit (saturation)", String.format("%.3f ms", ms),
                        ms <= PreshipBench.GOAL_SERVER_CPU_MS_PER_AUDIT));
            }
        }
        if (percent != null) {
            goals.add(new Goal("at least 40 % of the trivial endpoint (p99 within limit)", String.format("%.1f %%", percent),
                    percent >= PreshipBench.GOAL_PERCENT_OF_TRIVIAL));
        } else {
            goals.add(new Goal("at least 40 % of the trivial endpoint (p99 within limit)", trivialMax != null
                    ? "no rate of the trivial endpoint held the p99 limit" : "not measured (add --find-max)", null));
        }
        if (saturationPercent != null) {
            goals.add(new Goal("at least 40 % of the trivial endpoint (throughput)",
                    String.format("%.1f %%", saturationPercent),
                    saturationPercent >= PreshipBench.GOAL_PERCENT_OF_TRIVIAL));
        }
        return goals;
    }
}
