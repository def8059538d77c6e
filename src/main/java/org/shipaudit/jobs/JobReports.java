package org.shipaudit.jobs;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.shipaudit.findings.Finding;
import org.shipaudit.model.AuditKind;
import org.shipaudit.sheets.AnnotatedInvoiceWriter;
import org.shipaudit.sheets.CatalogRowConsumer;
import org.shipaudit.sheets.CatalogSheetReader;
import org.shipaudit.sheets.ChargebackRowConsumer;
import org.shipaudit.sheets.ChargebackSheetReader;
import org.shipaudit.sheets.DisputesCsvWriter;
import org.shipaudit.sheets.FindingsCsvWriter;
import org.shipaudit.sheets.InvoiceSheetException;
import org.shipaudit.sheets.ReportLabels;
import org.shipaudit.store.FileTrees;

/**
 * A finished job's outputs: the annotated workbook (built once, by reading the stored upload again, invoice or
 * chargebacks file, beside the job's findings, then kept next to the upload), the disputes CSV and the findings CSV (streamed from the database).
 * Blocking: worker threads only.
 */
public final class JobReports {

    private final JobStore store;
    private final MappingStore mappings;
    private final long maxBytes;

    public JobReports(JobStore store, MappingStore mappings, long maxBytes) {
        this.store = store;
        this.mappings = mappings;
        this.maxBytes = maxBytes;
    }

    /**
     * The annotated workbook of a DONE service job, built on first request and kept in the job's directory (the
     * upload's). Offline jobs, whose "upload" is the user's own file, use {@link #writeReport} instead.
     */
    public Path report(Job job) throws IOException {
        requireReportable(job);
        Path report = Path.of(job.storedFile()).resolveSibling("report.xlsx");
        if (Files.exists(report)) {
            return report;
        }
        FileTrees.writeAtomically(report, out -> writeReport(job, out));
        return report;
    }

    /** Writes the annotated workbook of a DONE invoices, chargebacks or catalog job to {@code out} (left open). */
    public void writeReport(Job job, OutputStream out) throws IOException {
        requireReportable(job);
        AuditKind kind = job.auditKind().orElse(null);
        boolean chargebacks = kind == AuditKind.CHARGEBACKS;
        boolean catalog = kind == AuditKind.CATALOG;
        Path upload = Path.of(job.storedFile());
        // Findings are far fewer than rows; holding them by row keeps the join simple while rows stream.
        Map<Long, List<Finding>> byRow = new HashMap<>();
        store.findings(job.id(), f -> byRow.computeIfAbsent(f.row(), r -> new ArrayList<>())
                .add(f.finding().onRow(f.row())));
        try (AnnotatedInvoiceWriter writer = new AnnotatedInvoiceWriter(out, row -> byRow.getOrDefault(row, List.of()),
                catalog ? ReportLabels.CATALOG : chargebacks ? ReportLabels.CHARGEBACKS : ReportLabels.INVOICES)) {
            writer.addRowErrors(job.errors());
            writer.origin(new AnnotatedInvoiceWriter.Origin(job.fileName(), job.id(), job.profile()));
            if (catalog) {
                new CatalogSheetReader(job.profile(), maxBytes).read(upload, CatalogRowConsumer.rows(writer));
            } else if (chargebacks) {
                new ChargebackSheetReader(maxBytes).read(upload, ChargebackRowConsumer.rows(writer));
            } else {
                // The upload is parsed on this thread while the workbook is written on the reader's consumer thread.
                mappings.reader(job.profile(), maxBytes).readAhead(upload, writer);
            }
        } catch (InvoiceSheetException e) {
            throw new JobRefused(e.reason().status(), e.getMessage());
        }
    }

    private static void requireReportable(Job job) {
        requireDone(job);
        AuditKind kind = job.auditKind().orElse(null);
        if (kind != AuditKind.INVOICES && kind != AuditKind.CHARGEBACKS && kind != AuditKind.CATALOG) {
            throw new JobRefused(409, "job " + job.id() + " audits shipments: the annotated workbook is for invoice, "
                    + "chargebacks and catalog jobs; read its findings at /v1/jobs/" + job.id() + "/findings");
        }
    }

    public void disputesCsv(Job job, Writer out) throws IOException {
        requireDone(job);
        DisputesCsvWriter w = new DisputesCsvWriter(out);
        // Claims are far fewer than rows: sorted by deadline, soonest first, as the workbook's Disputes sheet.
        List<Finding> claims = new ArrayList<>();
        store.findings(job.id(), f -> claims.add(f.finding()));
        claims.sort(DisputesCsvWriter.BY_DEADLINE);
        for (Finding f : claims) {
            w.write(f);
        }
        w.flush();
    }

    public void findingsCsv(Job job, Writer out) throws IOException {
        FindingsCsvWriter w = new FindingsCsvWriter(out);
        store.findings(job.id(), f -> write(() -> w.write(f.finding().onRow(f.row()))));
        w.flush();
    }

    private static void requireDone(Job job) {
        if (job.status() != JobStatus.DONE) {
            throw new JobRefused(409, "job " + job.id() + " is " + job.status()
                    + "; its report and disputes are ready when it is DONE");
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void write(IoAction a) {
        try {
            a.run();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
