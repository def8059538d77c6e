package org.shipaudit.rules;

/**
 * How the auditors run packs: the limits of a pre-ship evaluation (one shipment) and of a batch (invoice or chargeback
 * lines), and where the evaluations that failed closed are reported.
 */
public record EvaluationPolicy(EvaluationLimits preship, EvaluationLimits batch, PackFailures failures) {

    /** Limits as configured ({@code rules.*} keys), failures reported to a new {@link PackFailures}. */
    public static EvaluationPolicy of(int firings, int inserts, java.time.Duration preshipDeadline,
                                      java.time.Duration batchDeadline) {
        return new EvaluationPolicy(new EvaluationLimits(firings, inserts, preshipDeadline),
                new EvaluationLimits(firings, inserts, batchDeadline), new PackFailures());
    }

    /** The default limits, failures logged only (offline commands, tests). */
    public static EvaluationPolicy defaults() {
        return new EvaluationPolicy(EvaluationLimits.PRESHIP, EvaluationLimits.BATCH, new PackFailures());
    }
}
