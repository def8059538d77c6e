package org.shipaudit.jobs;

import java.time.Instant;
import java.util.List;
import org.shipaudit.model.api.Money;
import org.shipaudit.model.RowError;

/**
 * Builds a {@link Job} by name in tests instead of 18 positional arguments: {@code JobBuilder.running("j-1",
 * "invoices").file(path).build()}. Defaults are those of a job a worker has just taken: RUNNING, first attempt, profile
 * {@code auto}, nothing done, created and started at {@link Instant#EPOCH} unless set.
 */
final class JobBuilder {

    private final String id;
    private final String kind;
    private JobStatus status = JobStatus.RUNNING;
    private String fileName = "upload.csv";
    private String profile = "auto";
    private Long rowsTotal;
    private long rowsDone;
    private Double rowsPerSecond;
    private long findings;
    private Money disputableAmount;
    private Instant createdAt = Instant.EPOCH;
    private Instant startedAt = Instant.EPOCH;
    private Instant finishedAt;
    private String failure;
    private List<RowError> errors = List.of();
    private String storedFile;
    private int attempts = 1;
    private long lastRow;

    private JobBuilder(String id, String kind) {
        this.id = id;
        this.kind = kind;
    }

    static JobBuilder running(String id, String kind) {
        return new JobBuilder(id, kind);
    }

    JobBuilder status(JobStatus status) {
        this.status = status;
        return this;
    }

    /** The name the upload came with and where it is stored. */
    JobBuilder file(String fileName, String storedFile) {
        this.fileName = fileName;
        this.storedFile = storedFile;
        return this;
    }

    JobBuilder profile(String profile) {
        this.profile = profile;
        return this;
    }

    JobBuilder progress(Long rowsTotal, long rowsDone, Double rowsPerSecond) {
        this.rowsTotal = rowsTotal;
        this.rowsDone = rowsDone;
        this.rowsPerSecond = rowsPerSecond;
        return this;
    }

    /** Resumes after this sheet row (the last checkpoint). */
    JobBuilder lastRow(long lastRow) {
        this.lastRow = lastRow;
        return this;
    }

    JobBuilder at(Instant createdAndStarted) {
        this.createdAt = createdAndStarted;
        this.startedAt = createdAndStarted;
        return this;
    }

    Job build() {
        return new Job(id, kind, status, fileName, profile, rowsTotal, rowsDone, rowsPerSecond, findings,
                disputableAmount, createdAt, startedAt, finishedAt, failure, errors, storedFile, attempts, lastRow);
    }
}
