package org.shipaudit.jobs;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
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
    private boolean sharedHistory;

    /**
     * A run of the job service under a lease, reading this node's copy of the upload; it is asked to stop when the
     * service stops, and ends with {@link LeaseLost} when another node took the job over.
     */
    JobRun(Job job, Path file, Lease lease, java.time.Duration leaseTtl, JobStore store,
           java.util.function.LongConsumer progress, java.util.function.BooleanSupplier stopping,
           java.util.function.BooleanSupplier leaseLost) {
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
        this(job, Path.of(job.storedFile()), Lease.NONE, null, store, progress, () -> false, () -> false);
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

    public void total(long rows) {
        store.setTotal(job.id(), rows);
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

    /**
     * Whether other nodes' jobs may bill the same packages at the same time (the database is shared): a batch then
     * reads the history and commits under {@link #lockTracking}, so a duplicate across them is found exactly once.
     */
    public boolean sharedHistory() {
        return lease.fenced() && sharedHistory;
    }

    /** Marks the run as one whose billed-charge history other nodes write to at the same time. */
    JobRun sharingHistory(boolean shared) {
        this.sharedHistory = shared;
        return this;
    }

    /** See {@link JobStore#lockTracking}. */
    public AutoCloseable lockTracking(Collection<String> trackingNumbers) {
        return store.lockTracking(trackingNumbers);
    }

    /** Transportation charges for these tracking numbers billed in earlier uploads or before {@code beforeRow} here. */
    public List<PriorCharge> priorTransportation(Collection<String> trackingNumbers, long beforeRow) {
        return store.priorTransportation(job.id(), trackingNumbers, beforeRow);
    }
}
