package org.shipaudit.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.shipaudit.model.AuditKind;
import org.shipaudit.rules.EvaluationLimits;
import org.shipaudit.rules.PackEvaluator;
import org.shipaudit.rules.PackOutcome;
import org.shipaudit.rules.PackRole;
import org.shipaudit.rules.RulePack;

/**
 * {@code bench rules}: the rule engine's share of a pre-ship audit, alone. Each shipment's facts (its own and the
 * reference look-ups) are built once, before any timing; then every round runs every pre-ship pack over every
 * shipment's facts, in the auditor's order (the billable-weight pack first), and charges each pack the CPU time and
 * the bytes its evaluation took on this thread ({@code ThreadMXBean}). No HTTP, JSON, look-up or trail: what is left is
 * the session lease, the inserts, the firing and the collection of findings.
 *
 * <p>The scale-weight facts a weighed package adds for the packs after the billable-weight one are not built: the
 * generator weighs nothing, so the auditor passes every pack the same facts too.
 */
public final class RulesBench {

    /** One pack's figures per measured round: CPU in microseconds and allocation in bytes, each per audit. */
    public record PackCost(String pack, double[] cpuMicros, double[] allocatedBytes) {

        public double medianCpuMicros() {
            return median(cpuMicros);
        }

        public double medianAllocatedBytes() {
            return median(allocatedBytes);
        }
    }

    /** The figures of a run; {@code total} sums the packs. */
    public record Result(int shipments, int warmupRounds, int rounds, List<PackCost> packs, PackCost total,
                         long findings) {
    }

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final PrintWriter log;

    public RulesBench(PrintWriter log) {
        this.log = log;
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure a thread's CPU time");
        }
        threads.setThreadCpuTimeEnabled(true);
        threads.setThreadAllocatedMemoryEnabled(true);
    }

    /** The packs a pre-ship audit runs, in the auditor's order: the one defining billable weight first. */
    public static List<RulePack> preshipOrder(Map<String, RulePack> snapshot) {
        List<RulePack> order = new ArrayList<>();
        for (RulePack p : snapshot.values()) {
            if (p.manifest().appliesTo(AuditKind.SHIPMENTS)) {
                if (p.manifest().plays(PackRole.INVOICE_EXPECTATIONS)) {
                    order.add(0, p);
                } else {
                    order.add(p);
                }
            }
        }
        return order;
    }

    /**
     * @param facts one audit's facts per shipment, built beforehand
     */
    public Result run(List<RulePack> packs, List<List<Object>> facts, EvaluationLimits limits, int warmupRounds,
                      int rounds) {
        int n = packs.size();
        double[][] cpu = new double[n][rounds];
        double[][] bytes = new double[n][rounds];
        long findings = 0;
        long thread = Thread.currentThread().getId();
        for (int round = -warmupRounds; round < rounds; round++) {
            long[] cpuNanos = new long[n];
            long[] allocated = new long[n];
            long roundFindings = 0;
            for (List<Object> audit : facts) {
                for (int i = 0; i < n; i++) {
                    long b0 = threads.getThreadAllocatedBytes(thread);
                    long c0 = threads.getCurrentThreadCpuTime();
                    PackOutcome outcome = PackEvaluator.evaluate(packs.get(i), audit, limits);
                    long c1 = threads.getCurrentThreadCpuTime();
                    long b1 = threads.getThreadAllocatedBytes(thread);
                    cpuNanos[i] += c1 - c0;
                    allocated[i] += b1 - b0;
                    if (outcome.failed()) {
                        throw new IllegalStateException("pack " + packs.get(i).name() + " could not judge a "
                                + "shipment: " + outcome.failure());
                    }
                    roundFindings += outcome.findings().size();
                }
            }
            StringBuilder line = new StringBuilder(round < 0 ? "warm-up " + (round + warmupRounds + 1)
                    : "round " + (round + 1));
            long sum = 0;
            for (int i = 0; i < n; i++) {
                sum += cpuNanos[i];
                if (round >= 0) {
                    cpu[i][round] = cpuNanos[i] / 1e3 / facts.size();
                    bytes[i][round] = (double) allocated[i] / facts.size();
                }
            }
            line.append(String.format(": %.1f us CPU per audit, %d findings", sum / 1e3 / facts.size(), roundFindings));
            log.println(line);
            log.flush();
            findings = roundFindings;
        }
        List<PackCost> costs = new ArrayList<>();
        double[] totalCpu = new double[rounds];
        double[] totalBytes = new double[rounds];
        for (int i = 0; i < n; i++) {
            costs.add(new PackCost(packs.get(i).name(), cpu[i], bytes[i]));
            for (int r = 0; r < rounds; r++) {
                totalCpu[r] += cpu[i][r];
                totalBytes[r] += bytes[i][r];
            }
        }
        return new Result(facts.size(), warmupRounds, rounds, costs, new PackCost("all pre-ship packs", totalCpu,
                totalBytes), findings);
    }

    /** The figures as a table: median, lowest and highest round of each pack. */
    public static void print(Result r, PrintWriter out) {
        out.printf("rule packs alone: %d shipments' facts, %d warm-up and %d measured rounds, %d findings a round%n",
                r.shipments(), r.warmupRounds(), r.rounds(), r.findings());
        out.printf("%-24s %12s %12s %12s %14s%n", "pack", "us CPU/audit", "lowest", "highest", "KB alloc/audit");
        List<PackCost> rows = new ArrayList<>(r.packs());
        rows.add(r.total());
        for (PackCost p : rows) {
            out.printf("%-24s %12.1f %12.1f %12.1f %14.1f%n", p.pack(), p.medianCpuMicros(),
                    Arrays.stream(p.cpuMicros()).min().orElse(0), Arrays.stream(p.cpuMicros()).max().orElse(0),
                    p.medianAllocatedBytes() / 1024);
        }
        out.flush();
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
