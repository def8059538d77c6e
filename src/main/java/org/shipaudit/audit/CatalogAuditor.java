package org.shipaudit.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.shipaudit.findings.Finding;
import org.shipaudit.model.CatalogFacts;
import org.shipaudit.model.CatalogHistory;
import org.shipaudit.model.CatalogProduct;
import org.shipaudit.rules.EvaluationPolicy;
import org.shipaudit.rules.PackEvaluator;
import org.shipaudit.rules.PackFailure;
import org.shipaudit.rules.PackOutcome;
import org.shipaudit.rules.RulePack;
import org.shipaudit.rules.RulePackRegistry;

/**
 * Audits a batch of catalog products against the active packs that apply to {@value #KIND} (the catalog pack, and
 * the hs-codes and hazmat packs on the same rows as items), one session per pack per batch, on the business date
 * given. Thread-safe.
 */
public final class CatalogAuditor {

    /** The {@code appliesTo} value of the packs this auditor runs, and the job kind it serves. */
    public static final String KIND = "catalog";

    private final RulePackRegistry packs;
    private final CatalogEnricher enricher;
    private final EvaluationPolicy policy;

    /**
     * @param enricher the tariff look-ups; null for none (the rules that need them stay silent)
     * @param policy   the limits each pack runs within ({@link EvaluationPolicy#batch}), where failures are reported
     */
    public CatalogAuditor(RulePackRegistry packs, CatalogEnricher enricher, EvaluationPolicy policy) {
        this.packs = packs;
        this.enricher = enricher;
        this.policy = policy;
    }

    /**
     * Findings for the batch, in row order, and the packs that could not judge it (their findings are left out and
     * the failure is reported to the policy).
     *
     * @param batch   products in row order, not empty
     * @param history the products of the file read before the batch; updated with the batch, so duplicate SKUs are
     *                found across batches
     * @param today   the business date table rows are judged on
     */
    public BatchAudit audit(List<CatalogProduct> batch, CatalogHistory history, LocalDate today) {
        List<Object> facts = new ArrayList<>(CatalogFacts.of(batch, history, today));
        if (enricher != null) {
            facts.addAll(enricher.facts(batch));
        }
        List<Finding> findings = new ArrayList<>();
        List<PackFailure> failures = new ArrayList<>();
        for (RulePack pack : packs.snapshot().values()) {
            if (pack.manifest().appliesTo(KIND)) {
                PackOutcome o = PackEvaluator.evaluate(pack, facts, policy.batch().atLeast(batch.size() * 50));
                if (o.failed()) {
                    failures.add(o.failure());
                    policy.failures().record(o.failure(), "catalog rows " + batch.get(0).getRow() + "-"
                            + batch.get(batch.size() - 1).getRow());
                } else {
                    findings.addAll(o.findings());
                }
            }
        }
        findings.sort(Comparator.comparingLong(InvoiceAuditor::row).thenComparing(Finding::ruleId)
                .thenComparing(f -> f.subject() == null ? "" : f.subject()));
        return new BatchAudit(findings, List.copyOf(failures));
    }
}
