package org.shipaudit.jobs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.shipaudit.audit.BatchAudit;
import org.shipaudit.findings.Finding;
import org.shipaudit.model.RowError;
import org.shipaudit.rules.PackFailure;
import org.shipaudit.sheets.InvoiceSheetException;
import org.shipaudit.sheets.SheetRow;
import org.shipaudit.sheets.SheetSummary;

/**
 * The batch-and-checkpoint loop the catalog and chargebacks jobs share: rows an earlier attempt committed are only
 * remembered (so duplicates are still found across a resume), the others are gathered with their row errors, and
 * each full batch is audited and committed with its progress marker in one checkpoint. A pack that could not judge
 * a batch becomes a row error on each of the batch's rows, and the job goes on.
 *
 * @param <T> what a row reads as (a product, a chargeback); {@code null} for a row that did not read
 */
abstract class RowBatcher<T> {

    private final JobRun run;
    private final List<T> items;
    private final List<RowError> errors = new ArrayList<>();
    private long rows;
    private long lastRow;

    RowBatcher(JobRun run, int capacity) {
        this.run = run;
        this.items = new ArrayList<>(capacity);
    }

    /** Remembers an item committed by an earlier attempt, for what is judged across batches (duplicates). */
    abstract void remember(T item);

    /** Audits a non-empty batch. */
    abstract BatchAudit audit(List<T> batch);

    /** The file row an item was read from. */
    abstract long rowOf(T item);

    /** Whether the batch is full: the limit counts what costs the audit most (rows, or the items they read as). */
    abstract boolean full(long rows, int items);

    /** The finding as committed; by default unchanged. */
    Finding located(Finding finding) {
        return finding;
    }

    /** A read of the job's whole file, each row handed to {@link #take}. */
    @FunctionalInterface
    interface FileRead {
        SheetSummary read() throws IOException, InvoiceSheetException;
    }

    /**
     * Reads the whole file, commits the last batch and records the rows read as the job's total. A file the reader
     * refuses fails the job with the reader's status and reason.
     */
    final void readAll(FileRead read) throws IOException {
        SheetSummary summary;
        try {
            summary = read.read();
        } catch (InvoiceSheetException e) {
            throw new JobRefused(e.reason().status(), e.getMessage());
        }
        flush();
        run.total(summary.rowsRead());
    }

    /** Takes one row read from the file, committing the batch when it is full. */
    final void take(SheetRow row, T item) {
        if (row.row() <= run.resumeAfterRow()) {
            if (item != null) {
                remember(item);
            }
            return;
        }
        rows++;
        lastRow = row.row();
        errors.addAll(row.errors());
        if (item != null) {
            items.add(item);
        }
        if (full(rows, items.size())) {
            flush();
        }
    }

    /** Audits and commits the rows gathered since the last checkpoint, if any. */
    final void flush() {
        if (rows == 0) {
            return;
        }
        BatchAudit audit = items.isEmpty() ? new BatchAudit(List.of(), List.of()) : audit(items);
        List<Finding> findings = new ArrayList<>(audit.findings().size());
        for (Finding f : audit.findings()) {
            findings.add(located(f));
        }
        for (PackFailure f : audit.failures()) {
            // The pack judged none of the batch's items: each row says so, and the job goes on.
            for (T item : items) {
                errors.add(new RowError(rowOf(item), null, f.describe("this row")));
            }
        }
        run.checkpoint(new Checkpoint(lastRow, rows, findings, List.copyOf(errors), List.of()));
        items.clear();
        errors.clear();
        rows = 0;
    }
}
