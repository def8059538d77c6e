package org.shipaudit.reference.screening;

/**
 * The two cut-offs that turn a score into a decision: at or above {@code strong} the party is treated as the listed
 * one (a BLOCK), at or above {@code possible} a person must look (a WARN). Raising them lets fewer innocent parties
 * through review but misses more misspelt listed ones; {@code bench screening} measures both sides. A match on a
 * weak alias is at most possible.
 */
public record ScreeningThresholds(double strong, double possible) {

    public static final ScreeningThresholds DEFAULTS = new ScreeningThresholds(0.92, 0.85);

    public ScreeningThresholds {
        if (!(possible > 0 && possible <= strong && strong <= 1)) {
            throw new IllegalArgumentException("expected 0 < possible <= strong <= 1, found possible " + possible
                    + " and strong " + strong);
        }
    }

    /** STRONG, POSSIBLE or null for a hit. */
    public MatchLevel level(ScreeningHit hit) {
        if (hit.score() >= strong && !hit.weakAlias()) {
            return MatchLevel.STRONG;
        }
        return hit.score() >= possible ? MatchLevel.POSSIBLE : null;
    }

    /** How sure a match is. */
    public enum MatchLevel {
        STRONG, POSSIBLE
    }
}
