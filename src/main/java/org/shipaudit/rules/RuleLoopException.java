package org.shipaudit.rules;

/** A pack fired more rules than the limit for one audit: a rule loops. The audit is refused rather than hung. */
public final class RuleLoopException extends RuntimeException {

    public RuleLoopException(String pack, String version, int limit) {
        super("rule pack '" + pack + "' version " + version + " fired more than " + limit
                + " rules on one audit; a rule probably re-triggers itself");
    }
}
