package org.shipaudit.jobs;

import java.io.IOException;
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
 * Audits an uploaded carrier invoice in two passes. The first bills every transportation charge of the file into the
 * history and seals it (see {@link JobStore#seal}); a large file is split there into chunks that run as jobs of their
 * own, on any node. The second streams the rows (of the file or of a chunk), and for each batch of about
 * {@value #BATCH} rows fetches the transportation charges billed before (this upload's earlier rows, uploads sealed
 * before it), evaluates the invoice packs, and commits the findings and row errors with the progress marker. Memory stays constant whatever the file size; a
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


    /** Charge lines billed into the history per transaction while staging. */
    static final int STAGE_LINES = 5000;

    @Override
    public void process(JobRun run) throws Exception {
        if (run.needsStaging()) {
            // Known or estimated before the first row, so the job shows a percentage from its start.
            org.shipaudit.sheets.RowEstimate.of(run.file()).ifPresent(e -> run.total(e.rows()));
            run.beginStaging();
            Stager stager = new Stager(run);
            SheetSummary read;
            try {
                read = mappings.reader(run.job().profile(), maxBytes).readAhead(run.file(), stager);
            } catch (InvoiceSheetException e) {
                throw new JobRefused(e.reason().status(), e.getMessage());
            }
            if (run.seal(read.rowsRead(), stager.finish())) {
                return; // split: the chunks are audited as jobs of their own, on any node
            }
        }
        audit(run);
    }

    /** Audits the rows of the run (after its checkpoint, up to its chunk's end) against the staged history. */
    private void audit(JobRun run) throws Exception {
        ExecutorService weights = Executors.newFixedThreadPool(AHEAD, named("invoice-weights-"));
        ExecutorService commits = Executors.newSingleThreadExecutor(named("invoice-commit-"));
        try {
            Batcher batcher = new Batcher(run, weights, commits);
            SheetSummary summary = null;
            try {
                try {
                    // Reading runs ahead on this thread while the batches are audited on the reader's consumer thread.
                    summary = mappings.reader(run.job().profile(), maxBytes)
                            .readAhead(run.file(), batcher, run.from());
                } catch (PastChunk end) {
                    // the chunk's rows are all read; the rest of the file is other chunks'
                }
                batcher.finish();
            } catch (InvoiceSheetException e) {
                throw new JobRefused(e.reason().status(), e.getMessage());
            } finally {
                batcher.awaitCommit();
            }
            if (summary != null) {
                run.total(summary.rowsRead());
            }
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

    /** Thrown by the batcher at the first row after its chunk's last, to stop the read there. */
    private static final class PastChunk extends RuntimeException {
        PastChunk() {
            super(null, null, false, false);
        }
    }

    /**
     * Where batches end: after {@value #BATCH} rows at the next change of tracking number, or at {@value #MAX_BATCH}.
     * The staging pass and the audit cut by this one rule, so a chunk (a run of whole batches) is audited in exactly
     * the batches, and rule sessions, of a single run over the file.
     */
    private static final class Cuts {
        private int size;
        private String lastTracking;

        /** Whether a batch ends before this row; the row then starts the next batch. */
        boolean before(SheetRow row) {
            String tracking = tracking(row);
            boolean cut = size >= MAX_BATCH || size >= BATCH && (tracking == null || !tracking.equals(lastTracking));
            size = cut ? 1 : size + 1;
            lastTracking = tracking;
            return cut;
        }
    }

    /**
     * The first pass over a job's file: bills every transportation charge into the history (so a batch of any chunk
     * sees the rows before it, whichever node audits it and when) and plans the chunks, each ending at the first
     * batch end after {@link JobRun#chunkRows} rows. A job resumed after rows were audited is not split.
     */
    private static final class Stager implements SheetRowConsumer {
        private final JobRun run;
        private final boolean splits;
        private final Cuts cuts = new Cuts();
        private final List<JobStore.ChunkPlan> chunks = new ArrayList<>();
        private List<ChargeLine> billed = new ArrayList<>(STAGE_LINES);
        private long first = -1;
        private org.shipaudit.csv.CsvReader.Mark start;
        private long last;
        private long rows;

        Stager(JobRun run) {
            this.run = run;
            this.splits = run.chunkRows() > 0 && run.resumeAfterRow() == 0;
        }

        @Override
        public void accept(SheetRow row) {
            run.stopIfAsked();
            if (cuts.before(row) && splits && rows >= run.chunkRows()) {
                chunks.add(new JobStore.ChunkPlan(first, last, rows, start));
                first = -1;
            }
            if (first < 0) {
                first = row.row();
                start = row.start();
                rows = 0;
            }
            rows++;
            last = row.row();
            billed.addAll(row.lines());
            if (billed.size() >= STAGE_LINES) {
                run.stage(billed);
                billed = new ArrayList<>(STAGE_LINES);
            }
        }

        /** Bills what is left; the chunks planned (one for the whole file when it is not split). */
        List<JobStore.ChunkPlan> finish() {
            run.stage(billed);
            if (first >= 0) {
                chunks.add(new JobStore.ChunkPlan(first, last, rows, start));
            }
            return chunks;
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
        private final ExecutorService commits;
        private final Deque<Pending> pending = new ArrayDeque<>();
        private final Cuts cuts = new Cuts();
        private List<SheetRow> rows = new ArrayList<>(MAX_BATCH);
        /** The checkpoint being committed on the commit thread, if any; at most one at a time, in file order. */
        private Future<?> committing;

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
            if (row.row() > run.lastRow()) {
                throw new PastChunk();
            }
            if (cuts.before(row)) {
                cut();
            }
            rows.add(row);
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
         * charges billed before the batch are in the history already (staged before the audit), so what the rules
         * see depends neither on how far the commit thread has got nor on which chunk or node audits the batch.
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
            for (ChargeLine l : lines) {
                if (l.chargeType() == ChargeType.FREIGHT && l.trackingNumber() != null) {
                    tracking.add(l.trackingNumber());
                    // This batch's own transportation lines are "billed" too: the rules compare each line with the
                    // ones before it, here and in the history, the same way.
                    prior.add(new PriorCharge(l.trackingNumber(), l.invoiceNumber(), run.owner(), l.row(), true,
                            l.amount()));
                }
            }
            prior.addAll(run.priorTransportation(tracking, firstRow - 1));
            Checkpoint checkpoint = checkpoint(batchRows, lines, errors, lastRow, prior, expected);
            awaitCommit();
            committing = commits.submit(() -> run.checkpoint(checkpoint));
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
                    audit.rateChecks(), audit.packages());
        }

        /** Waits for the checkpoint being committed, if any; its failure fails the job. */
        void awaitCommit() throws IOException {
            if (committing != null) {
                Future<?> c = committing;
                committing = null;
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
