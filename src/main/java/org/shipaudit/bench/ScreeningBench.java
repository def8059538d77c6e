package org.shipaudit.bench;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.shipaudit.reference.ReferenceIndex;
import org.shipaudit.reference.screening.ScreeningHit;
import org.shipaudit.reference.screening.ScreeningQuery;
import org.shipaudit.reference.screening.ScreeningThresholds;

/**
 * {@code bench screening}: recall on variants of listed names (each must find its own entry), false positives on
 * ordinary names (any hit counts), at several thresholds, and the latency of one screening call. Single-threaded.
 */
public final class ScreeningBench {
    /**
     * Hits looked at per query: a name such as "Abu al-Masri" fits several entries equally, and a screener shows
     * them all; a variant counts as found when its own entry is among them.
     */
    static final int HITS = 10;
    static final double[] THRESHOLDS = {0.80, 0.82, 0.84, 0.85, 0.86, 0.88, 0.90, 0.92, 0.94};

    private ScreeningBench() {
    }

    /** Runs and prints; returns false when the index holds no list. */
    public static boolean run(ReferenceIndex index, PrintWriter out, int names, int negatives, long seed,
                              ScreeningThresholds configured) {
        List<ReferenceIndex.ListedNameSample> listed = index.sampleListedNames(names, seed).stream()
                .filter(s -> !"WEAK".equals(s.quality())
                        && ("individual".equals(s.type()) || "entity".equals(s.type()))).toList();
        if (listed.isEmpty()) {
            return false;
        }
        LocalDate day = null; // every entry, expired orders too: recall is about names
        double floor = THRESHOLDS[0];
        NameVariants variants = new NameVariants(seed);
        Histogram latency = new Histogram(3);
        int[] found = new int[THRESHOLDS.length];
        Map<NameVariants.Kind, int[]> byKind = new EnumMap<>(NameVariants.Kind.class);
        int positives = 0;
        java.util.List<String> misses = new java.util.ArrayList<>();
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        Histogram cpuTime = new Histogram(3);
        // Warm-up: the JIT and the index pages, on names not counted.
        for (String n : OrdinaryNames.generate(2000, seed + 1)) {
            index.screen(new ScreeningQuery(n, null, null, null, null, day, floor, 5));
        }
        for (ReferenceIndex.ListedNameSample s : listed) {
            for (NameVariants.Variant v : variants.of(s.name(), "entity".equals(s.type()))) {
                long c0 = cpu.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                List<ScreeningHit> hits = index.screen(new ScreeningQuery(v.name(), null, null, null, null, day, floor, HITS));
                latency.recordValue(System.nanoTime() - t0);
                cpuTime.recordValue(Math.max(1, cpu.getCurrentThreadCpuTime() - c0));
                double score = hits.stream().filter(h -> h.list().name().equals(s.list()) && h.entryId().equals(s.entryId()))
                        .mapToDouble(ScreeningHit::score).max().orElse(0);
                positives++;
                int[] k = byKind.computeIfAbsent(v.kind(), x -> new int[2]);
                k[0]++;
                if (score >= configured.possible()) {
                    k[1]++;
                } else if (misses.size() < 12 && v.kind() != NameVariants.Kind.EXACT) {
                    misses.add(v.kind() + " '" + v.name() + "' for " + s.list() + " " + s.entryId() + " '" + s.name()
                            + "' scored " + score);
                }
                for (int i = 0; i < THRESHOLDS.length; i++) {
                    if (score >= THRESHOLDS[i]) {
                        found[i]++;
                    }
                }
            }
        }
        int[] falsePositives = new int[THRESHOLDS.length];
        List<String> ordinary = OrdinaryNames.generate(negatives, seed + 2);
        java.util.List<String> examples = new java.util.ArrayList<>();
        for (String n : ordinary) {
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            List<ScreeningHit> hits = index.screen(new ScreeningQuery(n, null, null, null, null, day, floor, HITS));
            latency.recordValue(System.nanoTime() - t0);
            cpuTime.recordValue(Math.max(1, cpu.getCurrentThreadCpuTime() - c0));
            double best = hits.isEmpty() ? 0 : hits.get(0).score();
            for (int i = 0; i < THRESHOLDS.length; i++) {
                if (best >= THRESHOLDS[i]) {
                    falsePositives[i]++;
                }
            }
            if (best >= configured.possible() && examples.size() < 8) {
                examples.add(n + " ~ " + hits.get(0).matchedName() + " " + hits.get(0).score());
            }
        }
        out.printf("listed names sampled %,d, positives (variants) %,d, negatives (ordinary names) %,d%n",
                listed.size(), positives, ordinary.size());
        out.printf("%-10s %10s %12s%n", "threshold", "recall", "false pos.");
        for (int i = 0; i < THRESHOLDS.length; i++) {
            String mark = THRESHOLDS[i] == configured.possible() ? "  <- screening.possible (WARN)"
                    : THRESHOLDS[i] == configured.strong() ? "  <- screening.strong (BLOCK)" : "";
            out.printf("%-10.2f %9.2f%% %11.2f%%%s%n", THRESHOLDS[i], 100.0 * found[i] / positives,
                    100.0 * falsePositives[i] / ordinary.size(), mark);
        }
        out.println("recall at screening.possible by kind of variation:");
        byKind.forEach((k, v) -> out.printf("  %-18s %6d  %6.2f%%%n", k, v[0], 100.0 * v[1] / v[0]));
        if (!examples.isEmpty()) {
            out.println("ordinary names flagged (examples): " + String.join("; ", examples));
        }
        if (!misses.isEmpty()) {
            out.println("variants missed at screening.possible (examples):");
            misses.forEach(m -> out.println("  " + m));
        }
        // CPU time is what the call costs; wall time adds the waits for a core on a shared, loaded machine.
        out.printf("cpu time per party (microseconds): p50 %.0f, p99 %.0f, p99.9 %.0f%n",
                cpuTime.getValueAtPercentile(50) / 1000.0, cpuTime.getValueAtPercentile(99) / 1000.0,
                cpuTime.getValueAtPercentile(99.9) / 1000.0);
        out.printf("wall time per party (microseconds): p50 %.0f, p99 %.0f, p99.9 %.0f, max %.0f (%,d calls)%n",
                latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
                latency.getValueAtPercentile(99.9) / 1000.0, latency.getMaxValue() / 1000.0, latency.getTotalCount());
        out.flush();
        return true;
    }
}
