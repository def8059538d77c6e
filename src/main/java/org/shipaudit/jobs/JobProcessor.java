package org.shipaudit.jobs;

/** Does the work of one kind of job. Implementations read the stored file and commit progress through the run. */
public interface JobProcessor {

    /**
     * Processes rows after {@link JobRun#resumeAfterRow()} (0 for a fresh job), committing batches with
     * {@link JobRun#checkpoint}. Throwing fails the job with the exception's message, which the user reads: make it
     * say what is wrong with the file.
     */
    void process(JobRun run) throws Exception;
}
