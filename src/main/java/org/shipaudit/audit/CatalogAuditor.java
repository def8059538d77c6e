package org.shipaudit.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.shipaudit.findings.Finding;
import org.shipaudit.model.AuditKind;
import org.shipaudit.model.CatalogFacts;
import org.shipaudit.model.CatalogHistory;
import org.shipaudit.model.CatalogProduct;
import org.shipaudit.model.UploadRow;
import org.shipaudit.rules.EvaluationPolicy;
import org.shipaudit.rules.PackEvaluator;
import org.shipaudit.rules.PackFailure;
import org.shipaudit.rules.PackOutcome;
import org.shipaudit.rules.RulePack;
import org.shipaudit.rules.RulePackRegistry;

/**
 * Audits a batch of catalog products against the active packs that apply to catalog (the catalog pack, and
 * the hs-codes and hazmat packs on the same rows as items), one session per pack per batch, on the business date
 * given. Thread-safe.
 */
public final class CatalogAuditor {

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
        Map<String, CatalogProduct> bySubject = new java.util.HashMap<>();
        for (CatalogProduct p : batch) {
            bySubject.put(p.getSubject(), p);
        }
        for (RulePack pack : packs.snapshot().values()) {
            if (pack.manifest().appliesTo(AuditKind.CATALOG)) {
                PackOutcome o = PackEvaluator.evaluate(pack, facts, policy.batch().atLeast(batch.size() * 50));
                if (o.failed()) {
                    failures.add(o.failure());
                    policy.failures().record(o.failure(), "catalog rows " + batch.get(0).getRow() + "-"
                            + batch.get(batch.size() - 1).getRow());
                } else {
                    for (Finding f : o.findings()) {
                        findings.add(onItsRow(f, bySubject));
                    }
                }
            }
        }
        findings.sort(Comparator.comparingLong(Finding::rowNumber).thenComparing(Finding::ruleId)
                .thenComparing(f -> f.subject() == null ? "" : f.subject()));
        return new BatchAudit(findings, List.copyOf(failures));
    }

    /**
     * The finding placed on the product row it is about. Rules name a product by its subject ({@code rows[17]}, or a
     * field of it: {@code rows[17].hsCode}); the hs-codes and hazmat packs judge products as items under the same
     * subject. The subject is looked up among the batch's products, not parsed, and the path after it kept.
     */
    private static Finding onItsRow(Finding f, Map<String, CatalogProduct> bySubject) {
        String s = f.subject();
        if (s == null || f.row() != null) {
            return f;
        }
        int end = s.indexOf(']');
        CatalogProduct p = end < 0 ? null : bySubject.get(s.substring(0, end + 1));
        if (p == null) {
            return f;
        }
        String path = s.length() > end + 2 && s.charAt(end + 1) == '.' ? s.substring(end + 2) : null;
        return f.at(new UploadRow(p.getRow(), null), path);
    }
}
