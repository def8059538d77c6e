package org.shipaudit.jobs;

/** An upload that cannot become a job, with the HTTP status that says why (413, 415, 422, 400). */
public final class JobRefused extends RuntimeException {

    private final int status;

    public JobRefused(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
