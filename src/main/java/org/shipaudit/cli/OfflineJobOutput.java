package org.shipaudit.cli;

import java.io.PrintWriter;
import java.util.function.LongConsumer;
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

    /** Told of every committed row: rewrites the progress line. */
    LongConsumer progress() {
        return row -> {
            if (!quiet) {
                double secs = (System.nanoTime() - started) / 1e9;
                err.printf("\r  %,d rows audited (%,.0f rows/s)", row, row / Math.max(secs, 1e-3));
                err.flush();
            }
        };
    }

    void print(JobStore store, Job job) {
        if (!quiet) {
            err.println();
        }
        store.findings(job.id(), f -> out.println(json(f.finding())));
        Job done = store.get(job.id()).orElseThrow();
        done.errors().forEach(e -> err.println("row " + e.row() + (e.column() == null ? "" : ", column " + e.column())
                + ": " + e.message()));
        err.printf("%,d rows, %,d findings, %s %s disputable, %,d unreadable rows%n", done.rowsDone(),
                done.findings(), done.disputableAmount().amount(), done.disputableAmount().currency(),
                done.errors().size());
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
