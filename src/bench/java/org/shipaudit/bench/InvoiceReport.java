package org.shipaudit.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * What one {@code bench invoices} run measured, with the machine and load it ran under and issue 20's goals; written
 * as JSON with {@code --json FILE} for the tables in src/site/markdown/performance.md.
 *
 * @param layout    generic, ups-billing or fedex-billing
 * @param rows      data rows read: charge lines, or package rows for fedex-billing
 * @param heapLimit the JVM's heap limit (-Xmx) in bytes
 * @param baseline  the parse-and-write pass of the same file (no rules, no database)
 * @param audit     the audit as a job runs it, report included
 */
public record InvoiceReport(String startedAt, BenchReport.Machine machine, String layout, String format, long rows,
                            long fileBytes, long heapLimit, Pass baseline, Pass audit, double wallRatio,
                            double cpuRatio, Check planted, List<BenchReport.Goal> goals) {

    /** CSV rows per second end to end, at {@link #GOAL_CSV_LINES} lines. */
    static final double GOAL_CSV_ROWS_PER_SECOND = 100_000;
    static final long GOAL_CSV_LINES = 1_000_000;
    static final double GOAL_XLSX_ROWS_PER_SECOND = 40_000;
    /** The audit at most this many times the parse-and-write pass. */
    static final double GOAL_RATIO = 3;
    static final long GOAL_HEAP_BYTES = 512L << 20;

    /**
     * One pass over the file.
     *
     * @param cpuSeconds CPU time of the whole process (all threads, GC and JIT included)
     * @param peakHeap   the most heap in use at any sample ({@link HeapSampler}), in bytes
     */
    public record Pass(String name, double seconds, double cpuSeconds, double rowsPerSecond, long peakHeap) {
    }

    /** The planted-error check: every planted error found by its rule on its row, nothing on a clean row. */
    public record Check(int planted, int found, int unexpected, String firstMiss, String firstUnexpected) {
        public boolean ok() {
            return found == planted && unexpected == 0;
        }
    }

    public static InvoiceReport of(String startedAt, BenchReport.Machine machine, String layout, String format,
                            long fileBytes, InvoiceBench.Result r) {
        boolean xlsx = "xlsx".equalsIgnoreCase(format);
        Pass baseline = new Pass("parse and write (baseline)", r.baselineSeconds(), r.baselineCpuSeconds(),
                r.baselineRowsPerSecond(), r.baselinePeakHeap());
        Pass audit = new Pass(xlsx ? "audit + annotated workbook" : "audit + findings CSV", r.auditSeconds(),
                r.auditCpuSeconds(), r.auditRowsPerSecond(), r.auditPeakHeap());
        Check check = new Check(r.planted(), r.found(), r.unexpected(), r.firstMiss(), r.firstUnexpected());
        double wall = r.auditSeconds() / r.baselineSeconds();
        double cpu = r.baselineCpuSeconds() > 0 ? r.auditCpuSeconds() / r.baselineCpuSeconds() : Double.NaN;
        long limit = HeapSampler.limit();
        return new InvoiceReport(startedAt, machine, layout, format, r.rows(), fileBytes, limit, baseline, audit,
                wall, cpu, check, goals(xlsx, r.rows(), audit, wall, cpu, limit, check));
    }

    static List<BenchReport.Goal> goals(boolean xlsx, long rows, Pass audit, double wall, double cpu, long heapLimit,
                                        Check check) {
        List<BenchReport.Goal> goals = new ArrayList<>();
        goals.add(new BenchReport.Goal("every planted error found, none on clean rows",
                String.format("%d of %d, %d unexpected", check.found(), check.planted(), check.unexpected()),
                check.ok()));
        String rate = String.format("%,.0f rows/s", audit.rowsPerSecond());
        if (xlsx) {
            goals.add(new BenchReport.Goal("XLSX at least 40,000 rows/s", rate,
                    audit.rowsPerSecond() >= GOAL_XLSX_ROWS_PER_SECOND));
        } else if (rows < GOAL_CSV_LINES) {
            // At 200k lines the JIT's warm-up is a large part of the run: the goal is stated at a million.
            goals.add(new BenchReport.Goal("CSV at least 100,000 rows/s at 1M lines",
                    rate + String.format(" at %,d (not judged)", rows), null));
        } else {
            goals.add(new BenchReport.Goal("CSV at least 100,000 rows/s at 1M lines", rate,
                    audit.rowsPerSecond() >= GOAL_CSV_ROWS_PER_SECOND));
        }
        goals.add(new BenchReport.Goal("audit at most 3x parse-and-write (wall clock)",
                String.format("%.1fx", wall), wall <= GOAL_RATIO));
        goals.add(new BenchReport.Goal("audit at most 3x parse-and-write (CPU)",
                Double.isNaN(cpu) ? "CPU not measured" : String.format("%.1fx", cpu),
                Double.isNaN(cpu) ? null : cpu <= GOAL_RATIO));
        String heap = String.format("peak %,d MB sampled, limit %,d MB", audit.peakHeap() >> 20, heapLimit >> 20);
        if (heapLimit <= GOAL_HEAP_BYTES || audit.peakHeap() < GOAL_HEAP_BYTES) {
            // The run finished inside the limit, or never had that much in use: either way it fits in 512 MB.
            goals.add(new BenchReport.Goal("heap under 512 MB", heap, true));
        } else {
            // With a larger limit the collector lets the heap grow before it collects: that proves nothing.
            goals.add(new BenchReport.Goal("heap under 512 MB", heap + " (run under -Xmx512m to judge)", null));
        }
        return goals;
    }
}
