package org.shipaudit.bench;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Measures a {@link ClassifyEngine} on labelled cases: heading (4 digits) and subheading (6 digits) top-1 and top-5,
 * the full line's top-1 when the labels are of the searched schedule, abstentions, and uncached latency.
 *
 * <p>Every case is classified once untimed (JIT warm-up, index pages in the OS cache), then once timed; the engine
 * is expected to bypass any answer cache, so the latency is that of a description the service has not seen.
 */
public final class ClassifyBench {

    private ClassifyBench() {
    }

    /**
     * @param fullLine whether the labels are lines of the schedule searched (HTSUS labels on HTSUS): only then is
     *                 the full-line top-1 meaningful
     */
    public static ClassifyReport run(ClassifyEngine engine, String engineName, List<ClassifyCase> cases, Path file,
                                     ClassifyCase.Layout layout, String schedule, boolean fullLine) {
        double load = BenchReport.Machine.loadAverage();
        String started = OffsetDateTime.now().toString();
        for (ClassifyCase c : cases) {
            engine.classify(c);
        }
        Histogram latency = new Histogram(3);
        // Thread CPU as well as wall time: on a shared machine the wall clock also counts waiting for a core.
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        boolean cpuTimed = threads.isCurrentThreadCpuTimeSupported();
        Histogram cpu = new Histogram(3);
        int h1 = 0, h5 = 0, s1 = 0, s5 = 0, l1 = 0, abstained = 0;
        for (ClassifyCase c : cases) {
            long c0 = cpuTimed ? threads.getCurrentThreadCpuTime() : 0;
            long t0 = System.nanoTime();
            ClassifyEngine.Answer a = engine.classify(c);
            latency.recordValue(Math.max(1, System.nanoTime() - t0));
            if (cpuTimed) {
                cpu.recordValue(Math.max(1, threads.getCurrentThreadCpuTime() - c0));
            }
            if (a.abstained()) {
                abstained++;
                continue;
            }
            String heading = c.expected().substring(0, 4);
            String sub = c.expected().length() >= 6 ? c.expected().substring(0, 6) : null;
            h1 += rank(a.headings(), heading) == 0 ? 1 : 0;
            h5 += within(a.headings(), heading, 5) ? 1 : 0;
            s1 += sub != null && rank(a.subheadings(), sub) == 0 ? 1 : 0;
            s5 += sub != null && within(a.subheadings(), sub, 5) ? 1 : 0;
            l1 += a.line() != null && a.line().equals(c.expected()) ? 1 : 0;
        }
        double n = Math.max(1, cases.size());
        double p99 = latency.getValueAtPercentile(99) / 1e6;
        return new ClassifyReport(started, BenchReport.Machine.describe(load), file.toString(), layout.name(), schedule,
                engineName, cases.size(), h1 / n, h5 / n, s1 / n, s5 / n, fullLine ? l1 / n : null, abstained,
                latency.getValueAtPercentile(50) / 1e6, p99, latency.getMaxValue() / 1e6,
                ClassifyReport.goals(h1 / n, h5 / n, s5 / n, p99),
                cpuTimed ? cpu.getValueAtPercentile(50) / 1e6 : null, cpuTimed ? cpu.getValueAtPercentile(99) / 1e6 : null);
    }

    /**
     * The cost of engine {@code a} over engine {@code b} on the same cases: both run in alternation, case by case,
     * {@code rounds} times after one warm-up round, so the machine's load weighs on both alike. Above 1, {@code a}
     * is slower.
     */
    public static double costRatio(ClassifyEngine a, ClassifyEngine b, List<ClassifyCase> cases, int rounds) {
        long ta = 0;
        long tb = 0;
        for (int r = 0; r <= rounds; r++) {
            for (ClassifyCase c : cases) {
                long t0 = System.nanoTime();
                a.classify(c);
                long t1 = System.nanoTime();
                b.classify(c);
                long t2 = System.nanoTime();
                if (r > 0) {
                    ta += t1 - t0;
                    tb += t2 - t1;
                }
            }
        }
        return (double) ta / Math.max(1, tb);
    }

    private static int rank(List<String> ranked, String code) {
        return ranked.indexOf(code);
    }

    private static boolean within(List<String> ranked, String code, int k) {
        int r = rank(ranked, code);
        return r >= 0 && r < k;
    }
}
