package org.shipaudit.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** Prints a {@link BenchReport} as plain-text tables. */
public final class ReportTable {

    private static final String HEADER = String.format("%-26s %9s %10s %7s %7s %7s %8s %8s %7s %10s %10s %8s",
            "run", "target/s", "achieved/s", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms", "errors",
            "server CPU", "loadgen CPU", "lag ms");

    private ReportTable() {
    }

    /** One line per run, for progress output. */
    public static String brief(RunResult r) {
        return String.format("%-26s %9.0f %10.1f %7.2f %7.2f %7.2f %8.2f %8.1f %7d %10s %10s %8.1f", r.target(),
                r.targetPerSecond(), r.achievedPerSecond(), r.p50Ms(), r.p90Ms(), r.p99Ms(), r.p999Ms(), r.maxMs(),
                r.errorCount(), cpu(r.serverCpuMsPerRequest()), cpu(r.loadGeneratorCpuMsPerRequest()),
                r.maxSendLagMs());
    }

    static String brief(Saturation.Result r) {
        return String.format("%-26s %4d in flight %10.1f ok/s %7d failed %10s", r.target(), r.inFlight(),
                r.okPerSecond(), r.failed(), cpu(r.serverCpuMsPerRequest()));
    }

    private static String cpu(Double ms) {
        return ms == null ? "-" : String.format("%.3f ms", ms);
    }

    public static void print(BenchReport report, PrintWriter out) {
        BenchReport.Machine m = report.machine();
        out.printf("ShipAudit bench preship, %s%n", report.startedAt());
        out.printf("machine: %d cores (%s), %s, %s; load average %.2f at start, %.2f at end%n", m.cores(), m.cpu(),
                m.os(), m.java(), m.loadAverageAtStart(), m.loadAverageAtEnd());
        out.printf("server:  %s%n", report.server());
        out.printf("data:    %s%n", report.referenceData());
        BenchReport.Workload w = report.workload();
        out.printf("load:    %d distinct bodies of %d bytes on average, %d shipment(s) per request, seed %d, "
                        + "%.0f %% with a planted mistake, ship date %s; open loop, latency from the intended send time%n",
                w.distinctBodies(), w.meanBodyBytes(), w.shipmentsPerRequest(), w.seed(), w.mistakeRate() * 100,
                w.shipDate());
        if (report.planted() != null) {
            out.printf("check:   %s%n", report.planted().describe());
        }
        out.println("CPU columns are milliseconds of CPU per request, measured over the window; lag is how far behind its"
                + " schedule the load generator fell (large: the generator, not the server, was starved).");
        out.println();
        out.println(HEADER);
        out.println(brief(report.fixedRate()));
        errors(report.fixedRate(), out);
        search("audit", report.auditMax(), out);
        search("trivial", report.trivialMax(), out);
        if (report.auditSaturation() != null) {
            out.println();
            out.println("saturation throughput (closed loop; successful answers per second, server CPU per answer):");
            out.println(brief(report.auditSaturation()));
            if (report.trivialSaturation() != null) {
                out.println(brief(report.trivialSaturation()));
            }
        }
        out.println();
        for (BenchReport.Goal g : report.goals()) {
            out.printf("%-57s %-38s %s%n", g.goal(), g.measured(),
                    g.met() == null ? "" : g.met() ? "MET" : "MISSED");
        }
        out.flush();
    }

    private static void search(String name, MaxRateSearch.Outcome o, PrintWriter out) {
        if (o == null) {
            return;
        }
        out.println();
        out.printf("%s: highest sustainable rate %.0f requests/s (steps below, in the order run)%n", name,
                o.maxSustainablePerSecond());
        for (RunResult r : o.steps()) {
            out.println(brief(r));
            errors(r, out);
        }
    }

    private static void errors(RunResult r, PrintWriter out) {
        if (r.errorCount() == 0) {
            return;
        }
        StringBuilder s = new StringBuilder("    errors:");
        for (Map.Entry<String, Long> e : r.errors().entrySet()) {
            s.append(' ').append(e.getKey()).append('=').append(e.getValue());
        }
        if (r.unanswered() > 0) {
            s.append(" unanswered=").append(r.unanswered());
        }
        out.println(s);
    }

    /** The classification figures of one {@code bench classify} run, then the goals. */
    public static void print(ClassifyReport r, PrintWriter out) {
        BenchReport.Machine m = r.machine();
        out.printf("ShipAudit bench classify, %s%n", r.startedAt());
        out.printf("machine: %d cores (%s), %s; load average %.2f at start, %.2f at end%n", m.cores(), m.cpu(),
                m.java(), m.loadAverageAtStart(), m.loadAverageAtEnd());
        out.printf("file:    %s (%s), %d cases, schedule %s, engine %s%n", r.file(), r.layout(), r.cases(),
                r.schedule(), r.engine());
        out.println();
        out.printf("%-34s %8s%n", "figure", "value");
        out.printf("%-34s %8s%n", "heading (4 digits) top-1", ClassifyReport.pct(r.headingTop1()));
        out.printf("%-34s %8s%n", "heading (4 digits) top-5", ClassifyReport.pct(r.headingTop5()));
        out.printf("%-34s %8s%n", "subheading (6 digits) top-1", ClassifyReport.pct(r.subheadingTop1()));
        out.printf("%-34s %8s%n", "subheading (6 digits) top-5", ClassifyReport.pct(r.subheadingTop5()));
        out.printf("%-34s %8s%n", "full line (10 digits) top-1",
                r.lineTop1() == null ? "n/a" : ClassifyReport.pct(r.lineTop1()));
        out.printf("%-34s %8d%n", "abstentions (too vague)", r.abstained());
        out.printf("%-34s %8.2f%n", "latency p50 ms (uncached)", r.p50Ms());
        out.printf("%-34s %8.2f%n", "latency p99 ms (uncached)", r.p99Ms());
        out.printf("%-34s %8.2f%n", "latency max ms (uncached)", r.maxMs());
        if (r.cpuP50Ms() != null) {
            out.printf("%-34s %8.2f%n", "CPU p50 ms (uncached)", r.cpuP50Ms());
            out.printf("%-34s %8.2f%n", "CPU p99 ms (uncached)", r.cpuP99Ms());
        }
        out.println();
        out.printf("%-40s %-12s %s%n", "goal", "figure", "");
        for (BenchReport.Goal g : r.goals()) {
            out.printf("%-40s %-12s %s%n", g.goal(), g.measured(), g.met() == null ? "" : g.met() ? "MET" : "MISSED");
        }
        out.flush();
    }

    /** The passes of one {@code bench invoices} run, the planted-error check, then the goals. */
    public static void print(InvoiceReport r, PrintWriter out) {
        BenchReport.Machine m = r.machine();
        out.printf("ShipAudit bench invoices, %s%n", r.startedAt());
        out.printf("machine: %d cores (%s), %s; load average %.2f at start, %.2f at end; heap limit %,d MB%n",
                m.cores(), m.cpu(), m.java(), m.loadAverageAtStart(), m.loadAverageAtEnd(), r.heapLimit() >> 20);
        out.printf("file:    %s layout, %s, %,d rows, %,d bytes%n", r.layout(), r.format(), r.rows(), r.fileBytes());
        out.println();
        out.printf("%-34s %12s %10s %10s %14s%n", "pass", "rows/s", "seconds", "cpu s", "peak heap MB");
        for (InvoiceReport.Pass p : List.of(r.baseline(), r.audit())) {
            out.printf("%-34s %,12.0f %10.2f %10.2f %,14d%n", p.name(), p.rowsPerSecond(), p.seconds(),
                    p.cpuSeconds(), p.peakHeap() >> 20);
        }
        out.printf("audit costs %.1fx the parse-and-write pass in wall-clock time, %.1fx in CPU%n", r.wallRatio(),
                r.cpuRatio());
        InvoiceReport.Check c = r.planted();
        out.printf("planted errors found: %d of %d; findings on clean rows: %d%n", c.found(), c.planted(),
                c.unexpected());
        if (c.firstMiss() != null) {
            out.println("first missed: " + c.firstMiss());
        }
        if (c.firstUnexpected() != null) {
            out.println("first unexpected: " + c.firstUnexpected());
        }
        out.println();
        out.printf("%-48s %-46s %s%n", "goal", "figure", "");
        for (BenchReport.Goal g : r.goals()) {
            out.printf("%-48s %-46s %s%n", g.goal(), g.measured(), g.met() == null ? "" : g.met() ? "MET" : "MISSED");
        }
        out.flush();
    }
}
