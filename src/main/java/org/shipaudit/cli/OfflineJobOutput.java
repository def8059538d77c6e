package org.shipaudit.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;
import org.shipaudit.jobs.Job;
import org.shipaudit.jobs.JobReports;
import org.shipaudit.jobs.JobStore;
import org.shipaudit.store.FileTrees;
import org.shipaudit.json.Mappers;

/**
 * What the offline audit commands print: a progress line on stderr while rows are audited, then the findings as JSON
 * lines on stdout, the unreadable rows and a one-line summary on stderr.
 */
final class OfflineJobOutput {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean quiet;
    private final long started = System.nanoTime();

    OfflineJobOutput(PrintWriter out, PrintWriter err, boolean quiet) {
        this.out = out;
        this.err = err;
        this.quiet = quiet;
    }

    /** Told of the job after every checkpoint: rewrites the progress line. */
    Consumer<Job> progress() {
        return job -> {
            if (!quiet) {
                err.print("\r" + progressLine(job, (System.nanoTime() - started) / 1e9));
                err.flush();
            }
        };
    }

    /**
     * {@code 12,000 of ~48,000 rows (25.0 %), 6,000 rows/s, 6 s left}: the same rows done as the summary line, and
     * the total marked {@code ~} while it is an estimate (the job is not done).
     */
    static String progressLine(Job job, double seconds) {
        StringBuilder b = new StringBuilder(String.format("  %,d", job.rowsDone()));
        if (job.rowsTotal() != null && job.rowsTotal() > 0) {
            b.append(String.format(" of %s%,d rows (%.1f %%)", job.status() == org.shipaudit.jobs.JobStatus.DONE
                    ? "" : "~", job.rowsTotal(), job.percentDone()));
        } else {
            b.append(" rows");
        }
        double rate = job.rowsDone() / Math.max(seconds, 1e-3);
        b.append(String.format(", %,.0f rows/s", rate));
        if (job.rowsTotal() != null && job.rowsTotal() > job.rowsDone() && rate > 0) {
            b.append(String.format(", %,d s left", (long) Math.ceil((job.rowsTotal() - job.rowsDone()) / rate)));
        }
        return b.toString();
    }

    void print(JobStore store, Job job) {
        Job done = store.get(job.id()).orElseThrow();
        if (!quiet) {
            // The last progress line, of the finished job: its rows are the summary's, its total the exact count.
            err.println("\r" + progressLine(done, (System.nanoTime() - started) / 1e9));
        }
        store.findings(job.id(), f -> out.println(json(f.finding())));
        done.errors().forEach(e -> err.println("row " + e.row() + (e.column() == null ? "" : ", column " + e.column())
                + ": " + e.message()));
        err.printf("%,d rows, %,d findings, %s %s disputable, %,d unreadable rows%n", done.rowsDone(),
                done.findings(), done.disputableAmount().amount(), done.disputableAmount().currency(),
                done.errors().size());
        if (!done.publishedRateChecks().isEmpty()) {
            // Say what the published-rate check could judge, and why the rest was not: a table of another rate year
            // is never used, so a check that did not run must not pass for a clean bill.
            err.println("transportation charges against published rates: " + String.join(", ",
                    done.publishedRateChecks().entrySet().stream().map(e -> e.getKey().name().toLowerCase(
                            java.util.Locale.ROOT).replace('_', ' ') + " " + String.format("%,d", e.getValue()))
                            .toList()));
        }
        if (done.unrecognisedCharges().lines() > 0) {
            // Never silently "other": say which wordings the taxonomy (sheets/charge-codes.csv) should learn.
            err.printf("%,d charge lines the taxonomy does not know, e.g. %s%n", done.unrecognisedCharges().lines(),
                    String.join("; ", done.unrecognisedCharges().examples().stream().limit(5)
                            .map(e -> e.carrier() + " '" + e.description() + "' (" + e.lines() + ")").toList()));
        }
        out.flush();
    }

    /**
     * Writes the annotated workbook and the disputes CSV of a finished job where the user asked (either may be null),
     * each atomically so that a failed write leaves no half file.
     */
    void writeFiles(JobReports reports, Job job, java.nio.file.Path report, java.nio.file.Path disputes)
            throws java.io.IOException {
        if (report != null) {
            FileTrees.writeAtomically(report, o -> reports.writeReport(job, o));
            err.println("report: " + report);
        }
        if (disputes != null) {
            FileTrees.writeAtomically(disputes, o -> {
                java.io.Writer w = new java.io.OutputStreamWriter(o, java.nio.charset.StandardCharsets.UTF_8);
                reports.disputesCsv(job, w);
                w.flush();
            });
            err.println("disputes: " + disputes);
        }
        err.flush();
    }

    private static String json(Object o) {
        try {
            return Mappers.json().writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
