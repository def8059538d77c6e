package org.shipaudit.jobs;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.shipaudit.model.ChargeLine;
import org.shipaudit.model.PriorCharge;

/** One attempt at a job, as its processor sees it: the stored file, where to resume, and where to commit. */
public final class JobRun {

    private final Job job;
    private final Path file;
    private final Lease lease;
    private final java.time.Duration leaseTtl;
    private final JobStore store;
    private final java.util.function.LongConsumer progress;
    private final java.util.function.BooleanSupplier stopping;
    private final java.util.function.BooleanSupplier leaseLost;
    /** The part of a split job this run audits; null for a whole job. */
    private final JobStore.Chunk chunk;
    /** Rows from which a staging job is split into chunks; 0 never splits (an offline run). */
    private final long chunkRows;
    private Long seal;
    /** How often a staged job looks whether the jobs submitted before it have sealed. */
    private static final long SEAL_POLL_MS = 100;
    private boolean split;

    /**
     * A run of the job service under a lease, reading this node's copy of the upload; it is asked to stop when the
     * service stops, and ends with {@link LeaseLost} when another node took the job over.
     */
    JobRun(Job job, Path file, Lease lease, java.time.Duration leaseTtl, JobStore store,
           java.util.function.LongConsumer progress, java.util.function.BooleanSupplier stopping,
           java.util.function.BooleanSupplier leaseLost, JobStore.Chunk chunk, long chunkRows) {
        this.chunk = chunk;
        this.chunkRows = chunkRows;
        this.job = job;
        this.file = file;
        this.lease = lease;
        this.leaseTtl = leaseTtl;
        this.store = store;
        this.progress = progress;
        this.stopping = stopping;
        this.leaseLost = leaseLost;
    }

    /**
     * A run outside the job service (the {@code audit-invoices} and {@code audit-chargebacks} commands), told of every committed row.
     *
     * @param progress called with the last committed row after each checkpoint
     */
    public JobRun(Job job, JobStore store, java.util.function.LongConsumer progress) {
        this(job, Path.of(job.storedFile()), Lease.NONE, null, store, progress, () -> false, () -> false, null, 0);
    }

    public Job job() {
        return job;
    }

    public Path file() {
        return file;
    }

    /** Rows up to this one were committed by an earlier attempt; skip them. */
    public long resumeAfterRow() {
        return job.lastRow();
    }

    /** Where a CSV chunk's first row starts, to read the file from there; null for a whole job or a workbook. */
    public org.shipaudit.csv.CsvReader.Mark from() {
        return chunk == null ? null : chunk.start();
    }

    /** The last sheet row this run audits: its chunk's last, or the file's. */
    public long lastRow() {
        return chunk == null ? Long.MAX_VALUE : chunk.lastRow();
    }

    /** The total rows of the job so far as known; a chunk's are fixed when its job is split. */
    public void total(long rows) {
        if (chunk == null) {
            store.setTotal(job.id(), rows);
        }
    }

    /**
     * Commits a batch. When the service is stopping, the batch is committed and then the run ends with
     * {@link JobStopped}, so every processor stops at a checkpoint without checking for it itself.
     */
    public void checkpoint(Checkpoint cp) {
        store.checkpoint(job.id(), lease, cp, leaseTtl);
        progress.accept(cp.lastRow());
        stopIfAsked();
    }

    /** Ends the run with {@link JobStopped} if the service is stopping; what was not checkpointed is redone later. */
    void stopIfAsked() {
        if (leaseLost.getAsBoolean()) {
            throw new LeaseLost(job.id(), lease);
        }
        if (stopping.getAsBoolean()) {
            throw new JobStopped();
        }
    }

    /** The job whose upload, billed-charge history and findings this run works on: its own, or a chunk's job's. */
    String owner() {
        return chunk == null ? job.id() : chunk.job();
    }

    /** Whether the job's charges still have to be billed into the history (by {@link #stage}) before it is audited. */
    public boolean needsStaging() {
        return sealOf().isEmpty();
    }

    private java.util.Optional<Long> sealOf() {
        if (seal == null) {
            seal = store.seal(owner()).orElse(null);
        }
        return java.util.Optional.ofNullable(seal);
    }

    /** Rows from which a staging job is split into chunks (0: never). */
    public long chunkRows() {
        return chunkRows;
    }

    /** Starts billing the file into the history, dropping what an interrupted start left. */
    public void beginStaging() {
        store.beginStaging(job.id(), lease, leaseTtl);
    }

    /** Bills a part of the file's charge lines into the history (not yet visible to other jobs). */
    public void stage(List<ChargeLine> lines) {
        store.stage(job.id(), lease, leaseTtl, lines);
        stopIfAsked();
    }

    /**
     * Ends the staging: the job's charges become visible to the jobs sealed after it, and with several chunks the
     * job is split (see {@link JobStore#seal}); a split run then ends, its chunks being jobs of their own.
     *
     * @return whether the job was split
     */
    public boolean seal(long rowsRead, List<JobStore.ChunkPlan> chunks) throws InterruptedException {
        // A run of its own (an offline command) has no other job to wait for; one killed earlier never seals.
        while (lease.fenced() && store.earlierStaging(job.id())) {
            stopIfAsked();
            Thread.sleep(SEAL_POLL_MS);
        }
        seal = store.seal(job.id(), lease, leaseTtl, rowsRead, chunks);
        split = chunks.size() > 1;
        return split;
    }

    /** Whether this run split its job into chunks (the job is then not done: its chunks are). */
    boolean split() {
        return split;
    }

    /**
     * Transportation charges for these tracking numbers billed before {@code beforeRow} in this upload, or in an
     * upload sealed before it.
     */
    public List<PriorCharge> priorTransportation(Collection<String> trackingNumbers, long beforeRow) {
        long s = sealOf().orElseThrow(() -> new IllegalStateException("job " + owner() + " is audited before it is "
                + "billed into the history"));
        return store.priorTransportation(owner(), s, trackingNumbers, beforeRow);
    }
}
