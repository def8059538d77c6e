package org.shipaudit.jobs;

import org.shipaudit.model.AuditKind;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import org.shipaudit.model.api.Money;
import org.shipaudit.model.RowError;

/**
 * A bulk job as API.md shows it, plus its throughput, its progress as a percentage and time left, and, for a failed
 * job, why. {@code rowsTotal} is known or estimated from the start (see {@code sheets.RowEstimate}) and exact once
 * the job is done. {@code publishedRateChecks} counts an invoice's transportation charges by outcome of the
 * published-rate check (RAT-002): within, above, or not rated and why.
 */
@JsonPropertyOrder({"id", "kind", "status", "fileName", "profile", "rowsTotal", "rowsDone", "percentDone", "secondsLeft",
        "rowsPerSecond", "findings",
        "disputableAmount", "createdAt", "startedAt", "finishedAt", "failure", "errors", "unrecognisedCharges",
        "publishedRateChecks"})
public record Job(
        String id,
        String kind,
        JobStatus status,
        String fileName,
        String profile,
        Long rowsTotal,
        long rowsDone,
        Double rowsPerSecond,
        long findings,
        Money disputableAmount,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        String failure,
        List<RowError> errors,
        UnrecognisedCharges unrecognisedCharges,
        java.util.Map<org.shipaudit.model.RateCheck, Long> publishedRateChecks,
        @JsonIgnore String storedFile,
        @JsonIgnore int attempts,
        @JsonIgnore long lastRow) {

    /** A job whose charges are all known to the taxonomy so far (a new job, a shipments or chargebacks job). */
    public Job(String id, String kind, JobStatus status, String fileName, String profile, Long rowsTotal, long rowsDone,
               Double rowsPerSecond, long findings, Money disputableAmount, Instant createdAt, Instant startedAt,
               Instant finishedAt, String failure, List<RowError> errors, String storedFile, int attempts,
               long lastRow) {
        this(id, kind, status, fileName, profile, rowsTotal, rowsDone, rowsPerSecond, findings, disputableAmount,
                createdAt, startedAt, finishedAt, failure, errors, UnrecognisedCharges.NONE, java.util.Map.of(),
                storedFile, attempts, lastRow);
    }

    /**
     * The kind as a type; empty for a kind this build does not know. {@code kind} stays the text the store and the
     * API hold ({@link AuditKind#id}).
     */
    public java.util.Optional<AuditKind> auditKind() {
        return AuditKind.parse(kind);
    }

    /**
     * Rows done out of rows total, in percent with one decimal: 100 once DONE, below 100 until then (an estimate
     * that ran short does not show a finished job); null while the total is unknown.
     */
    @com.fasterxml.jackson.annotation.JsonProperty("percentDone")
    public Double percentDone() {
        if (status == JobStatus.DONE) {
            return 100.0;
        }
        if (rowsTotal == null || rowsTotal <= 0) {
            return null;
        }
        return Math.min(99.9, Math.floor(rowsDone * 1000.0 / rowsTotal) / 10.0);
    }

    /** Seconds until the rows left are done at the rate so far; 0 once DONE; null for a job not running. */
    @com.fasterxml.jackson.annotation.JsonProperty("secondsLeft")
    public Long secondsLeft() {
        if (status == JobStatus.DONE) {
            return 0L;
        }
        if (status != JobStatus.RUNNING || rowsTotal == null || rowsPerSecond == null || rowsPerSecond <= 0) {
            return null;
        }
        return (long) Math.ceil(Math.max(0, rowsTotal - rowsDone) / rowsPerSecond);
    }

    /** The same job with its upload at another path (this node's copy of a shared upload). */
    public Job withStoredFile(String path) {
        return new Job(id, kind, status, fileName, profile, rowsTotal, rowsDone, rowsPerSecond, findings,
                disputableAmount, createdAt, startedAt, finishedAt, failure, errors, unrecognisedCharges,
                publishedRateChecks, path, attempts, lastRow);
    }
}
