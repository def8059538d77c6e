package org.shipaudit.jobs;

import java.io.IOException;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.shipaudit.audit.BatchAudit;
import org.shipaudit.audit.InvoiceAuditor;
import org.shipaudit.findings.Finding;
import org.shipaudit.model.ChargeLine;
import org.shipaudit.model.ChargeType;
import org.shipaudit.model.ExpectedCharges;
import org.shipaudit.model.PriorCharge;
import org.shipaudit.model.RowError;
import org.shipaudit.rules.PackFailure;
import org.shipaudit.sheets.ChargeTaxonomy;
import org.shipaudit.sheets.InvoiceSheetException;
import org.shipaudit.sheets.SheetRow;
import org.shipaudit.sheets.SheetRowConsumer;
import org.shipaudit.sheets.SheetSummary;

/**
 * Audits an uploaded carrier invoice: streams its rows, and for each batch of about {@value #BATCH} rows fetches the
 * transportation charges billed before (this upload and earlier ones), evaluates the invoice packs, and commits the
 * findings, row errors and billed charges with the progress marker. Memory stays constant whatever the file size; a
 * resumed job re-reads the file and skips the rows already committed. Four kinds of thread share the work: the
 * calling thread parses, the reader's consumer thread audits batches in file order, a commit thread stores each
 * batch's checkpoint while the next batch is audited, and a small pool works out expected charges a few batches ahead.
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
        ExecutorService weights = Executors.newFixedThreadPool(AHEAD, named("invoice-weights-"));
        ExecutorService commits = Executors.newSingleThreadExecutor(named("invoice-commit-"));
        try {
            // Known or estimated before the first row, so the job shows a percentage and time left from its start;
            // the count of rows read replaces it at the end.
            org.shipaudit.sheets.RowEstimate.of(run.file()).ifPresent(e -> run.total(e.rows()));
            Batcher batcher = new Batcher(run, weights, commits);
            SheetSummary summary;
            try {
                // Reading runs ahead on this thread while the batches are audited on the reader's consumer thread.
                summary = mappings.reader(run.job().profile(), maxBytes).readAhead(run.file(), batcher);
                batcher.finish();
            } catch (InvoiceSheetException e) {
                throw new JobRefused(e.reason().status(), e.getMessage());
            } finally {
                batcher.awaitCommit();
            }
            run.total(summary.rowsRead());
        } finally {
            weights.shutdownNow();
            // Never interrupted: an interrupt inside JDBC can close the database's file channel under it.
            commits.shutdown();
        }
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        return r -> {
            Thread t = new Thread(r, prefix + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Reads up to the header and the first data row: the profile can read the file (see {@link FirstRowRead}). */
    @Override
    public void precheck(java.nio.file.Path file, String profile) {
        if ("shopify".equals(profile)) {
            throw new JobRefused(400, "profile shopify reads a product catalog: upload it with kind=catalog");
        }
        FirstRowRead.check(() -> mappings.reader(profile, maxBytes).read(file, row -> {
            throw new FirstRowRead();
        }));
    }

    /** The package a row bills: the tracking number of its first charge (null for a row without one). */
    private static String tracking(SheetRow row) {
        return row.lines().isEmpty() ? null : row.lines().get(0).trackingNumber();
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
        private final ExecutorService commits;
        private final Deque<Pending> pending = new ArrayDeque<>();
        private List<SheetRow> rows = new ArrayList<>(MAX_BATCH);
        private String lastTracking;
        /** The checkpoint being committed on the commit thread, if any; at most one at a time, in file order. */
        private Future<?> committing;
        /** The first row of that checkpoint, and its transportation charges, not yet visible in the store. */
        private long committingFirstRow;
        private List<ChargeLine> committingFreight = List.of();

        Batcher(JobRun run, ExecutorService weights, ExecutorService commits) {
            this.run = run;
            this.weights = weights;
            this.commits = commits;
        }

        @Override
        public void accept(SheetRow row) throws IOException {
            // Stopping: the batches not yet committed are dropped here; the one committing ends in process.
            run.stopIfAsked();
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

        /**
         * Audits one batch and hands its checkpoint to the commit thread; batches are audited in file order. The
         * charges billed before the batch are those of every committed checkpoint (from the store, up to the row
         * before the one still committing) plus those of the checkpoint still committing (from memory), so what the
         * rules see does not depend on how far the commit thread has got.
         */
        private void audit(Pending batch) throws IOException {
            InvoiceAuditor.Expectations expected = result(batch.expected());
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
            List<ChargeLine> freight = new ArrayList<>();
            for (ChargeLine l : lines) {
                if (l.chargeType() == ChargeType.FREIGHT && l.trackingNumber() != null) {
                    tracking.add(l.trackingNumber());
                    freight.add(l);
                    // This batch's own transportation lines are "billed" too: the rules compare each line with the
                    // ones before it, here and in the history, the same way.
                    prior.add(new PriorCharge(l.trackingNumber(), l.invoiceNumber(), run.job().id(), l.row(), true,
                            l.amount()));
                }
            }
            if (run.sharedHistory()) {
                // Other nodes bill into the same history now: read it, audit and commit under the packages' lock.
                awaitCommit();
                try (AutoCloseable lock = run.lockTracking(tracking)) {
                    prior.addAll(run.priorTransportation(tracking, firstRow - 1));
                    Checkpoint checkpoint = checkpoint(batchRows, lines, errors, lastRow, prior, expected);
                    run.checkpoint(checkpoint);
                } catch (IOException | RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return;
            }
            if (committing == null) {
                prior.addAll(run.priorTransportation(tracking, firstRow - 1));
            } else {
                prior.addAll(run.priorTransportation(tracking, committingFirstRow - 1));
                for (ChargeLine l : committingFreight) {
                    if (tracking.contains(l.trackingNumber())) {
                        // As the store will return it once committed: amounts are kept to the cent.
                        prior.add(new PriorCharge(l.trackingNumber(), l.invoiceNumber(), run.job().id(), l.row(), true,
                                l.amount() == null ? null : l.amount().setScale(2, RoundingMode.HALF_UP)));
                    }
                }
            }
            Checkpoint checkpoint = checkpoint(batchRows, lines, errors, lastRow, prior, expected);
            awaitCommit();
            committing = commits.submit(() -> run.checkpoint(checkpoint));
            committingFirstRow = firstRow;
            committingFreight = freight;
        }

        /** Evaluates a batch against the charges billed before it and gathers what its checkpoint commits. */
        private Checkpoint checkpoint(List<SheetRow> batchRows, List<ChargeLine> lines, List<RowError> errors,
                                      long lastRow, List<PriorCharge> prior, InvoiceAuditor.Expectations expected) {
            BatchAudit audit = auditor.audit(lines, prior, expected);
            List<Finding> findings = audit.findings();
            for (PackFailure f : audit.failures()) {
                // The pack judged none of the batch's rows: each says so, and the job goes on with the next batch.
                for (SheetRow r : batchRows) {
                    errors.add(new RowError(r.row(), null, f.describe("this row")));
                }
            }
            Map<UnrecognisedCharges.Key, Long> unrecognised = new HashMap<>();
            for (ChargeLine l : lines) {
                if (ChargeTaxonomy.unrecognised(l)) {
                    unrecognised.merge(new UnrecognisedCharges.Key(l.carrier() == null ? "" : l.carrier(),
                            l.chargeDescription() != null ? l.chargeDescription()
                            : l.chargeCode() == null ? "" : l.chargeCode()), 1L, Long::sum);
                }
            }
            return new Checkpoint(lastRow, batchRows.size(), findings, errors, lines, unrecognised,
                    audit.rateChecks());
        }

        /** Waits for the checkpoint being committed, if any; its failure fails the job. */
        void awaitCommit() throws IOException {
            if (committing != null) {
                Future<?> c = committing;
                committing = null;
                committingFreight = List.of();
                result(c);
            }
        }
    }

    /** The value of a task of this job's pools; its failure becomes this thread's. */
    private static <T> T result(Future<T> task) throws IOException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    // Wait on regardless: a commit must end before the job does (see process); the interrupt is kept.
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A batch cut from the file whose expected charges are being worked out. */
    private record Pending(List<SheetRow> rows, List<ChargeLine> lines,
                           Future<InvoiceAuditor.Expectations> expected) {
    }
}
