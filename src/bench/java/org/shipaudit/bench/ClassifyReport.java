package org.shipaudit.bench;

import java.util.List;

/**
 * What one {@code bench classify} run measured on one labelled file; written as JSON with {@code --json FILE}.
 * Accuracies are fractions of all cases (an abstention counts as a miss); latencies are milliseconds per
 * uncached classification, single-threaded, after a warm-up pass over the same cases.
 *
 * @param lineTop1 full-line (10-digit) top-1, null when the file's codes are not of the schedule searched
 * @param cpuP50Ms CPU time of the classifying thread per case, median (null when the JVM cannot measure it): on a
 *                 shared machine the wall-clock figures also count the time spent waiting for a core
 */
public record ClassifyReport(String startedAt, BenchReport.Machine machine, String file, String layout,
                             String schedule, String engine, int cases, double headingTop1, double headingTop5,
                             double subheadingTop1, double subheadingTop5, Double lineTop1, int abstained,
                             double p50Ms, double p99Ms, double maxMs, List<BenchReport.Goal> goals, Double cpuP50Ms,
                             Double cpuP99Ms) {

    static final double GOAL_HEADING_TOP5 = 0.80;
    static final double GOAL_HEADING_TOP1 = 0.60;
    static final double GOAL_SUBHEADING_TOP5 = 0.55;
    static final double GOAL_P99_MS = 5.0;

    static List<BenchReport.Goal> goals(double h1, double h5, double s5, double p99) {
        return List.of(
                new BenchReport.Goal("heading top-5 at least 80 %", pct(h5), h5 >= GOAL_HEADING_TOP5),
                new BenchReport.Goal("heading top-1 at least 60 %", pct(h1), h1 >= GOAL_HEADING_TOP1),
                new BenchReport.Goal("subheading top-5 at least 55 %", pct(s5), s5 >= GOAL_SUBHEADING_TOP5),
                new BenchReport.Goal("uncached p99 under 5 ms", String.format("%.2f ms", p99), p99 < GOAL_P99_MS));
    }

    static String pct(double f) {
        return String.format("%.1f %%", f * 100);
    }
}
