package org.shipaudit.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.shipaudit.findings.Finding;
import org.shipaudit.model.Chargeback;
import org.shipaudit.model.ChargebackFacts;
import org.shipaudit.model.ChargebackHistory;
import org.shipaudit.rules.PackEvaluator;
import org.shipaudit.rules.RulePack;
import org.shipaudit.rules.RulePackRegistry;

/**
 * Audits a batch of retailer chargebacks against the active packs that apply to {@value #KIND}, one session per pack
 * per batch, on the business date given (the audit's "today": deadlines are judged against it). Thread-safe.
 */
public final class ChargebackAuditor {

    /** The {@code appliesTo} value of the packs this auditor runs, and the job kind it serves. */
    public static final String KIND = "chargebacks";

    private final RulePackRegistry packs;

    public ChargebackAuditor(RulePackRegistry packs) {
        this.packs = packs;
    }

    /**
     * Findings for the batch, in row order.
     *
     * @param batch   chargebacks in row order
     * @param history the chargebacks of the file read before the batch; updated with the batch, so duplicates are
     *                found across batches
     * @param today   the business date deadlines are judged against
     */
    public List<Finding> audit(List<Chargeback> batch, ChargebackHistory history, LocalDate today) {
        List<Object> facts = ChargebackFacts.of(batch, history, today);
        List<Finding> findings = new ArrayList<>();
        for (RulePack pack : packs.snapshot().values()) {
            if (pack.manifest().appliesTo(KIND)) {
                findings.addAll(PackEvaluator.evaluate(pack, facts, Math.max(PackEvaluator.DEFAULT_FIRING_LIMIT,
                        batch.size() * 50)).findings());
            }
        }
        findings.sort(Comparator.comparingLong(InvoiceAuditor::row).thenComparing(Finding::ruleId));
        return findings;
    }

    /** Active chargebacks pack versions, for the record of what judged a file. */
    public Map<String, String> versions() {
        Map<String, String> v = new java.util.TreeMap<>();
        packs.snapshot().values().stream().filter(p -> p.manifest().appliesTo(KIND))
                .forEach(p -> v.put(p.name(), p.version()));
        return v;
    }
}
