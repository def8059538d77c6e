package org.shipaudit.rules;

/**
 * A change to a pack that was refused, with the HTTP-neutral reason: the candidate is invalid (with its report),
 * another change is in progress, the base version is stale, the pack or version does not exist, or the change
 * contradicts the pack's state.
 */
public final class PackChangeRefused extends RuntimeException {

    /** Why a change was refused; the HTTP layer maps each to a status. */
    public enum Reason {
        INVALID, BUSY, STALE, NOT_FOUND, BAD_REQUEST,
        /** The change contradicts the pack's state: rolling back to the active version, or past the first one. */
        CONFLICT
    }

    private final Reason reason;
    private final transient ValidationReport report;

    public PackChangeRefused(Reason reason, String message, ValidationReport report) {
        super(message);
        this.reason = reason;
        this.report = report;
    }

    public PackChangeRefused(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }

    public ValidationReport report() {
        return report;
    }
}
