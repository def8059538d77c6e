package org.shipaudit.jobs;

/**
 * A run's lease was taken over by another node (this one stalled or was cut off past the lease): the run stops without
 * committing, and the job is left to the node that now holds it.
 */
public final class LeaseLost extends RuntimeException {

    LeaseLost(String jobId, Lease lease) {
        super("job " + jobId + ": the lease of node " + lease.owner() + " was taken over by another node");
    }
}
