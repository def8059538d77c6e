package org.shipaudit.rules;

import java.time.Duration;

/**
 * What one pack evaluation may spend: rule firings, facts inserted by rules, and wall-clock time. Past any of them the
 * evaluation stops and fails closed (see {@link PackFailure}), so no rule can hang a worker or run the heap out.
 *
 * @param firings  most rule firings; a rule that re-triggers itself reaches it in milliseconds
 * @param inserts  most facts the rules may insert (findings, derived facts); the facts given are not counted
 * @param deadline wall-clock time from the start of the evaluation after which the session is halted
 */
public record EvaluationLimits(int firings, int inserts, Duration deadline) {

    /** Far above what any real audit fires (tens of rules), low enough that a looping rule ends in milliseconds. */
    public static final int DEFAULT_FIRINGS = 10_000;

    /** A real shipment inserts tens of facts; 100,000 small facts are a few tens of MB, far from the heap limit. */
    public static final int DEFAULT_INSERTS = 100_000;

    /**
     * A warm pre-ship evaluation takes well under a millisecond, but the first shipments a pack judges after start run
     * cold code: the hazmat pack's first audit took over 500 ms on a busy two-core machine (ShipmentAuditIT). 2 s
     * keeps a shipment from being blocked because the JVM was cold, while still freeing the worker of a slow rule.
     */
    public static final Duration DEFAULT_PRESHIP_DEADLINE = Duration.ofSeconds(2);

    /** An invoice or chargeback batch (about a thousand lines) evaluates in tens of milliseconds when warm. */
    public static final Duration DEFAULT_BATCH_DEADLINE = Duration.ofSeconds(30);

    public static final EvaluationLimits PRESHIP = new EvaluationLimits(DEFAULT_FIRINGS, DEFAULT_INSERTS,
            DEFAULT_PRESHIP_DEADLINE);

    public static final EvaluationLimits BATCH = new EvaluationLimits(DEFAULT_FIRINGS, DEFAULT_INSERTS,
            DEFAULT_BATCH_DEADLINE);

    /**
     * A candidate's scenarios: the pre-ship firing and insert limits, a longer deadline, because a candidate's first
     * scenarios run on a freshly built pack (cold sessions, code not yet compiled by the JIT) and a validate must not
     * fail because the machine was busy. A rule slow on real data still fails closed at audit time.
     */
    public static final EvaluationLimits SCENARIO = new EvaluationLimits(DEFAULT_FIRINGS, DEFAULT_INSERTS,
            Duration.ofSeconds(5));

    public EvaluationLimits {
        if (firings < 1 || inserts < 1 || deadline == null || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("limits must be positive: firings " + firings + ", inserts " + inserts
                    + ", deadline " + deadline);
        }
    }

    /**
     * The same limits grown for a batch that legitimately fires at least {@code firings} rules (a batch of lines fires
     * tens per line): firings and inserts both at least that, the deadline unchanged.
     */
    public EvaluationLimits atLeast(int firings) {
        return firings <= this.firings && firings <= inserts ? this
                : new EvaluationLimits(Math.max(firings, this.firings), Math.max(firings, inserts), deadline);
    }
}
