package org.shipaudit.jobs;

/**
 * Thrown inside a job when the service is stopping normally: the batch in hand was committed or abandoned at the last
 * checkpoint, and the job goes back to the queue rather than failing. Not an error of the file.
 */
final class JobStopped extends RuntimeException {

    JobStopped() {
        super("the service is stopping; the job resumes from its last checkpoint at the next start", null, false, false);
    }
}
