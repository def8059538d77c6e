package org.shipaudit.jobs;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import org.shipaudit.model.Money;
import org.shipaudit.model.RowError;

/** A bulk job as API.md shows it, plus its throughput and, for a failed job, why. */
@JsonPropertyOrder({"id", "kind", "status", "fileName", "profile", "rowsTotal", "rowsDone", "rowsPerSecond", "findings",
        "disputableAmount", "createdAt", "startedAt", "finishedAt", "failure", "errors", "unrecognisedCharges"})
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
        @JsonIgnore String storedFile,
        @JsonIgnore int attempts,
        @JsonIgnore long lastRow) {

    /** A job whose charges are all known to the taxonomy so far (a new job, a shipments or chargebacks job). */
    public Job(String id, String kind, JobStatus status, String fileName, String profile, Long rowsTotal, long rowsDone,
               Double rowsPerSecond, long findings, Money disputableAmount, Instant createdAt, Instant startedAt,
               Instant finishedAt, String failure, List<RowError> errors, String storedFile, int attempts,
               long lastRow) {
        this(id, kind, status, fileName, profile, rowsTotal, rowsDone, rowsPerSecond, findings, disputableAmount,
                createdAt, startedAt, finishedAt, failure, errors, UnrecognisedCharges.NONE, storedFile, attempts,
                lastRow);
    }
}
