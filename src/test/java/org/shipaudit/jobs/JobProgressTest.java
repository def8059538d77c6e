package org.shipaudit.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The percentage and time left a job shows from its rows total, rows done and rate. */
class JobProgressTest {

    private static Job job(JobStatus status, Long total, long done, Double rate) {
        return JobBuilder.running("j-1", "invoices").status(status).file("a.csv", "a.csv").progress(total, done, rate)
                .lastRow(done + 1).build();
    }

    @Test
    void showsThePercentageAndTimeLeftOfARunningJob() {
        Job j = job(JobStatus.RUNNING, 48_000L, 12_000, 6_000.0);
        assertEquals(25.0, j.percentDone());
        assertEquals(6L, j.secondsLeft());
    }

    @Test
    void neverShowsARunningJobAsFinishedEvenWhenTheEstimateRanShort() {
        Job j = job(JobStatus.RUNNING, 1_000L, 1_000, 500.0);
        assertEquals(99.9, j.percentDone());
        assertEquals(0L, j.secondsLeft());
        Job done = job(JobStatus.DONE, 1_000L, 1_000, 500.0);
        assertEquals(100.0, done.percentDone());
        assertEquals(0L, done.secondsLeft());
    }

    @Test
    void showsNoPercentageWithoutATotalAndNoTimeLeftForAJobNotRunning() {
        assertNull(job(JobStatus.RUNNING, null, 10, 5.0).percentDone());
        assertNull(job(JobStatus.RUNNING, null, 10, 5.0).secondsLeft());
        assertNull(job(JobStatus.QUEUED, 100L, 0, null).secondsLeft());
        assertEquals(0.0, job(JobStatus.QUEUED, 100L, 0, null).percentDone());
        assertNull(job(JobStatus.FAILED, 100L, 40, 10.0).secondsLeft());
    }
}
