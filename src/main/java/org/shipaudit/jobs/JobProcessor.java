package org.shipaudit.jobs;

/** Does the work of one kind of job. Implementations read the stored file and commit progress through the run. */
public interface JobProcessor {

    /**
     * Processes rows after {@link JobRun#resumeAfterRow()} (0 for a fresh job), committing batches with
     * {@link JobRun#checkpoint}. Throwing fails the job with the exception's message, which the user reads: make it
     * say what is wrong with the file.
     */
    void process(JobRun run) throws Exception;

    /**
     * Checks, before the job is acknowledged, that the stored file can be processed at all, so the client gets its
     * 415 or 422 at once rather than a job that fails later.
     *
     * @throws JobRefused with the status and a message that says what is wrong with the file
     */
    default void precheck(java.nio.file.Path file, String profile) {
    }
}
