package org.shipaudit.jobs;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.shipaudit.audit.InvoiceAuditor;
import org.shipaudit.findings.Finding;
import org.shipaudit.model.ChargeLine;
import org.shipaudit.model.ChargeType;
import org.shipaudit.model.ExpectedCharges;
import org.shipaudit.model.PriorCharge;
import org.shipaudit.model.RowError;
import org.shipaudit.sheets.InvoiceSheetException;
import org.shipaudit.sheets.SheetRow;
import org.shipaudit.sheets.SheetRowConsumer;
import org.shipaudit.sheets.SheetSummary;

/**
 * Audits an uploaded carrier invoice: streams its rows, and for each batch of about {@value #BATCH} rows fetches the
 * transportation charges billed before (this upload and earlier ones), evaluates the invoice packs, and commits the
 * findings, row errors and billed charges with the progress marker. Memory stays constant whatever the file size; a
 * resumed job re-reads the file and skips the rows already committed. Three kinds of thread share the work: the
 * calling thread parses, the reader's consumer thread audits and commits batches in file order, and a small pool works
 * out each batch's expected charges a few batches ahead.
 */
public final class InvoiceJobProcessor implements JobProcessor {

    /** Rows after which a batch ends, at the next change of tracking number. */
    static final int BATCH = 1000;
    /**
     * Rows after which a batch ends even inside one package's rows, so that a file of one endless package (or no
     * tracking numbers) cannot grow a batch, and the memory it holds, without bound.
     */
    static final int MAX_BATCH = 2 * BATCH;
    /**
     * Batches whose expected charges (the weights pack, the largest cost of an audit and independent of the database)
     * are worked out on other threads while an earlier batch is audited and committed: on two cores this keeps both
     * busy. Also the number of those threads.
     */
    static final int AHEAD = 2;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final InvoiceAuditor auditor;
    private final MappingStore mappings;
    private final long maxBytes;

    /**
     * @param mappings saved column mappings for profiles {@code mapping:<name>}
     */
    public InvoiceJobProcessor(InvoiceAuditor auditor, MappingStore mappings, long maxBytes) {
        this.auditor = auditor;
        this.mappings = mappings;
        this.maxBytes = maxBytes;
    }


    @Override
    public void process(JobRun run) throws Exception {
        ExecutorService weights = Executors.newFixedThreadPool(AHEAD, r -> {
            Thread t = new Thread(r, "invoice-weights-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            Batcher batcher = new Batcher(run, weights);
            SheetSummary summary;
            try {
                // Reading runs ahead on this thread while the batches are audited on the reader's consumer thread.
                summary = mappings.reader(run.job().profile(), maxBytes).readAhead(run.file(), batcher);
            } catch (InvoiceSheetException e) {
                throw new JobRefused(e.reason().status(), e.getMessage());
            }
            batcher.finish();
            run.total(summary.rowsRead());
        } finally {
            weights.shutdownNow();
        }
    }

    /**
     * Reads up to the header and the first data row: enough to know the file is a spreadsheet the profile can read
     * (not encrypted, not a zip bomb, has the required columns).
     */
    @Override
    public void precheck(java.nio.file.Path file, String profile) {
        try {
            mappings.reader(profile, maxBytes).read(file, row -> {
                throw new FirstRowRead();
            });
        } catch (FirstRowRead enough) {
            // readable
        } catch (InvoiceSheetException e) {
            throw new JobRefused(e.reason().status(), e.getMessage());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The package a row bills: the tracking number of its first charge (null for a row without one). */
    private static String tracking(SheetRow row) {
        return row.lines().isEmpty() ? null : row.lines().get(0).trackingNumber();
    }

    /** Stops the precheck's read after the first row. */
    private static final class FirstRowRead extends RuntimeException {
        FirstRowRead() {
            super(null, null, false, false);
        }
    }

    /**
     * Collects rows into batches and audits each; rows already committed by an earlier attempt are skipped. A batch
     * ends only where the tracking number changes, so all charge lines of one package (rows next to each other, as
     * carriers bill them) are judged in the same session: a rule that adds up a package's charges sees them all.
     * Resuming stays exact because a checkpoint still records the last row committed.
     */
    private final class Batcher implements SheetRowConsumer {
        private final JobRun run;
        private final ExecutorService weights;
        private final Deque<Pending> pending = new ArrayDeque<>();
        private List<SheetRow> rows = new ArrayList<>(MAX_BATCH);
        private String lastTracking;

        Batcher(JobRun run, ExecutorService weights) {
            this.run = run;
            this.weights = weights;
        }

        @Override
        public void accept(SheetRow row) throws IOException {
            if (row.row() <= run.resumeAfterRow()) {
                return;
            }
            String tracking = tracking(row);
            if (rows.size() >= MAX_BATCH
                    || rows.size() >= BATCH && (tracking == null || !tracking.equals(lastTracking))) {
                cut();
            }
            rows.add(row);
            lastTracking = tracking;
        }

        /** Ends the current batch: its expectations start on the pool; the oldest batch beyond AHEAD is audited. */
        private void cut() throws IOException {
            if (rows.isEmpty()) {
                return;
            }
            List<ChargeLine> lines = new ArrayList<>();
            for (SheetRow r : rows) {
                lines.addAll(r.lines());
            }
            pending.add(new Pending(rows, lines, weights.submit(() -> auditor.expectations(lines))));
            rows = new ArrayList<>(MAX_BATCH);
            if (pending.size() > AHEAD) {
                audit(pending.poll());
            }
        }

        /** Audits and commits what is still buffered, in order. */
        void finish() throws IOException {
            cut();
            while (!pending.isEmpty()) {
                audit(pending.poll());
            }
        }

        /** Audits one batch and commits it; batches are audited in file order, each after the one before committed. */
        private void audit(Pending batch) throws IOException {
            List<ExpectedCharges> expected;
            try {
                expected = batch.expected().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while auditing the invoice");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
            List<SheetRow> batchRows = batch.rows();
            List<ChargeLine> lines = batch.lines();
            List<RowError> errors = new ArrayList<>();
            for (SheetRow r : batchRows) {
                errors.addAll(r.errors());
            }
            long firstRow = batchRows.get(0).row();
            long lastRow = batchRows.get(batchRows.size() - 1).row();
            Set<String> tracking = new LinkedHashSet<>();
            List<PriorCharge> prior = new ArrayList<>();
            for (ChargeLine l : lines) {
                if (l.chargeType() == ChargeType.FREIGHT && l.trackingNumber() != null) {
                    tracking.add(l.trackingNumber());
                    // This batch's own transportation lines are "billed" too: the rules compare each line with the
                    // ones before it, here and in the history, the same way.
                    prior.add(new PriorCharge(l.trackingNumber(), l.invoiceNumber(), run.job().id(), l.row(), true,
                            l.amount()));
                }
            }
            prior.addAll(run.priorTransportation(tracking, firstRow - 1));
            List<Finding> findings = auditor.audit(lines, prior, expected);
            List<Long> findingRows = findings.stream().map(InvoiceAuditor::row).toList();
            run.checkpoint(new Checkpoint(lastRow, batchRows.size(), findings, findingRows, errors, lines));
        }
    }

    /** A batch cut from the file whose expected charges are being worked out. */
    private record Pending(List<SheetRow> rows, List<ChargeLine> lines, Future<List<ExpectedCharges>> expected) {
    }
}
