package org.shipaudit.audit;

import org.shipaudit.model.AuditKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.shipaudit.findings.Finding;
import org.shipaudit.model.Chargeback;
import org.shipaudit.model.ChargebackFacts;
import org.shipaudit.model.ChargebackHistory;
import org.shipaudit.rules.EvaluationPolicy;
import org.shipaudit.rules.PackEvaluator;
import org.shipaudit.rules.PackFailure;
import org.shipaudit.rules.PackOutcome;
import org.shipaudit.rules.RulePack;
import org.shipaudit.rules.RulePackRegistry;

/**
 * Audits a batch of retailer chargebacks against the active packs that apply to {@code chargebacks}, one session per pack
 * per batch, on the business date given (the audit's "today": deadlines are judged against it). Thread-safe.
 */
public final class ChargebackAuditor {

    /** The {@code appliesTo} value of the packs this auditor runs, and the job kind it serves. */

    private final RulePackRegistry packs;
    private final EvaluationPolicy policy;

    public ChargebackAuditor(RulePackRegistry packs) {
        this(packs, EvaluationPolicy.defaults());
    }

    /** @param policy the limits each pack runs within ({@link EvaluationPolicy#batch}), where failures are reported */
    public ChargebackAuditor(RulePackRegistry packs, EvaluationPolicy policy) {
        this.packs = packs;
        this.policy = policy;
    }

    /**
     * Findings for the batch, in row order, and the packs that could not judge it (threw or hit a limit; their
     * findings are left out and the failure is reported to the policy).
     *
     * @param batch   chargebacks in row order
     * @param history the chargebacks of the file read before the batch; updated with the batch, so duplicates are
     *                found across batches
     * @param today   the business date deadlines are judged against
     */
    public BatchAudit audit(List<Chargeback> batch, ChargebackHistory history, LocalDate today) {
        List<Object> facts = ChargebackFacts.of(batch, history, today);
        List<Finding> findings = new ArrayList<>();
        List<PackFailure> failures = new ArrayList<>();
        for (RulePack pack : packs.snapshot().values()) {
            if (pack.manifest().appliesTo(AuditKind.CHARGEBACKS)) {
                PackOutcome o = PackEvaluator.evaluate(pack, facts, policy.batch().atLeast(batch.size() * 50));
                if (o.failed()) {
                    failures.add(o.failure());
                    policy.failures().record(o.failure(), "chargeback rows " + batch.get(0).row() + "-"
                            + batch.get(batch.size() - 1).row());
                } else {
                    findings.addAll(o.findings());
                }
            }
        }
        findings.sort(Comparator.comparingLong(Finding::rowNumber).thenComparing(Finding::ruleId));
        return new BatchAudit(findings, List.copyOf(failures));
    }

    /** Active chargebacks pack versions, for the record of what judged a file. */
    public Map<String, String> versions() {
        Map<String, String> v = new java.util.TreeMap<>();
        packs.snapshot().values().stream().filter(p -> p.manifest().appliesTo(AuditKind.CHARGEBACKS))
                .forEach(p -> v.put(p.name(), p.version()));
        return v;
    }
}
