package org.shipaudit.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.shipaudit.findings.Finding;
import org.shipaudit.model.ChargeLine;
import org.shipaudit.model.PriorCharge;
import org.shipaudit.rules.PackEvaluator;
import org.shipaudit.rules.RulePack;
import org.shipaudit.rules.RulePackRegistry;

/**
 * Audits a batch of invoice charge lines against the active invoice packs, with the charges billed before them as
 * facts. One session per pack per batch (not per line): a session costs far more than a fact, so batches of about a
 * thousand lines keep the rules a small part of the work. Thread-safe.
 */
public final class InvoiceAuditor {

    private final RulePackRegistry packs;

    public InvoiceAuditor(RulePackRegistry packs) {
        this.packs = packs;
    }

    /** Findings for the batch, each with the sheet row it concerns, in row order. */
    public List<Finding> audit(Collection<ChargeLine> lines, Collection<PriorCharge> prior) {
        List<Object> facts = new ArrayList<>(lines.size() + prior.size());
        facts.addAll(lines);
        facts.addAll(prior);
        List<Finding> findings = new ArrayList<>();
        for (RulePack pack : packs.snapshot().values()) {
            if (pack.manifest().appliesTo("invoices")) {
                findings.addAll(PackEvaluator.evaluate(pack, facts, Math.max(PackEvaluator.DEFAULT_FIRING_LIMIT,
                        lines.size() * 50)).findings());
            }
        }
        findings.sort(Comparator.comparingLong(InvoiceAuditor::row).thenComparing(Finding::ruleId));
        return findings;
    }

    /** The sheet row a finding is about, from its subject {@code rows[17]} (-1 when it names none). */
    public static long row(Finding f) {
        String s = f.subject();
        if (s != null && s.startsWith("rows[")) {
            int end = s.indexOf(']');
            try {
                return Long.parseLong(s.substring(5, end));
            } catch (RuntimeException e) {
                return -1;
            }
        }
        return -1;
    }

    /** Active invoice pack versions, for the job's record of what judged it. */
    public Map<String, String> versions() {
        Map<String, String> v = new java.util.TreeMap<>();
        packs.snapshot().values().stream().filter(p -> p.manifest().appliesTo("invoices"))
                .forEach(p -> v.put(p.name(), p.version()));
        return v;
    }
}
