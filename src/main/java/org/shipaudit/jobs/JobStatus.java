package org.shipaudit.jobs;

/** Where a job is in its life (API.md). */
public enum JobStatus {
    QUEUED, RUNNING, DONE, FAILED
}
