package org.shipaudit.audit;

import org.shipaudit.model.AuditKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Set;
import java.util.List;
import java.util.Map;
import org.shipaudit.findings.Finding;
import org.shipaudit.model.ChargeLine;
import org.shipaudit.model.BillableWeightCandidate;
import org.shipaudit.model.ChargeType;
import org.shipaudit.model.ExpectedCharges;
import org.shipaudit.model.PriorCharge;
import org.shipaudit.model.ShippedPackage;
import org.shipaudit.model.SurchargeKind;
import org.shipaudit.rules.EvaluationLimits;
import org.shipaudit.rules.EvaluationPolicy;
import org.shipaudit.rules.PackEvaluator;
import org.shipaudit.rules.PackFailure;
import org.shipaudit.rules.PackOutcome;
import org.shipaudit.rules.PackRole;
import org.shipaudit.rules.RulePack;
import org.shipaudit.rules.RulePackRegistry;

/**
 * Audits a batch of invoice charge lines against the active invoice packs, with the charges billed before them, what
 * the pre-ship weights pack expects for each package, and the enrichment's reference facts (carrier tables, packages
 * recorded at shipping). One session per pack per batch (not per line): a session costs far more than a fact, so
 * batches of about a thousand lines keep the rules a small part of the work. Thread-safe.
 */
public final class InvoiceAuditor {

    private final RulePackRegistry packs;
    private final InvoiceEnricher enricher;
    private final EvaluationPolicy policy;

    public InvoiceAuditor(RulePackRegistry packs, InvoiceEnricher enricher) {
        this(packs, enricher, EvaluationPolicy.defaults());
    }

    /** @param policy the limits each pack runs within ({@link EvaluationPolicy#batch}), where failures are reported */
    public InvoiceAuditor(RulePackRegistry packs, InvoiceEnricher enricher, EvaluationPolicy policy) {
        this.packs = packs;
        this.enricher = enricher;
        this.policy = policy;
    }

    /**
     * What the weights pack expects for a batch's packages, and the failure that left it without expectations (null
     * when it judged them).
     */
    public record Expectations(List<ExpectedCharges> charges, PackFailure failure) {
        static final Expectations NONE = new Expectations(List.of(), null);
    }

    /**
     * What the pre-ship weights pack expects for each package of the batch (billable weight, package surcharges), for
     * {@link #audit}; empty when no weights pack is active. Depends on the lines only, so a caller may work it out
     * ahead, on another thread, while an earlier batch is audited.
     */
    public Expectations expectations(Collection<ChargeLine> lines) {
        RulePack weights = expectationsPack(packs.snapshot());
        return weights == null ? Expectations.NONE : expectations(weights, lines, policy.batch());
    }

    /**
     * Findings for the batch, each with the sheet row it concerns, in row order, and the packs that could not judge
     * it (a pack that threw or hit a limit: its findings are left out, the failure is reported to the policy).
     *
     * @param expected {@link #expectations} of the same lines
     */
    public BatchAudit audit(Collection<ChargeLine> lines, Collection<PriorCharge> prior, Expectations expected) {
        List<PackFailure> failures = new ArrayList<>();
        if (expected.failure() != null) {
            failures.add(expected.failure());
        }
        List<Object> facts = new ArrayList<>(lines.size() + prior.size() + expected.charges().size());
        facts.addAll(lines);
        facts.addAll(prior);
        facts.addAll(expected.charges());
        Map<String, RulePack> snapshot = packs.snapshot();
        RulePack weights = expectationsPack(snapshot);
        List<ShippedPackage> recorded = new ArrayList<>();
        for (Object f : enricher.facts(lines)) {
            if (f instanceof ShippedPackage p) {
                recorded.add(p);
            } else {
                facts.add(f);
            }
        }
        if (weights == null) {
            facts.addAll(recorded);
        } else {
            Recorded r = recordedBillable(weights, recorded, policy.batch());
            facts.addAll(r.packages());
            if (r.failure() != null) {
                failures.add(r.failure());
            }
        }
        facts.addAll(enricher.rerates(lines, expected.charges()));
        RatedCharges rated = enricher.publishedRates(lines);
        facts.addAll(rated.facts());
        facts.addAll(rated.zones());
        List<Finding> findings = new ArrayList<>();
        for (RulePack pack : snapshot.values()) {
            if (pack.manifest().appliesTo(AuditKind.INVOICES)) {
                PackOutcome o = PackEvaluator.evaluate(pack, facts, policy.batch().atLeast(lines.size() * 50));
                if (o.failed()) {
                    failures.add(o.failure());
                } else {
                    findings.addAll(o.findings());
                }
            }
        }
        findings.sort(Comparator.comparingLong(Finding::rowNumber).thenComparing(Finding::ruleId));
        if (!failures.isEmpty()) {
            String what = "invoice rows " + lines.stream().mapToLong(ChargeLine::row).min().orElse(0) + "-"
                    + lines.stream().mapToLong(ChargeLine::row).max().orElse(0);
            failures.forEach(f -> policy.failures().record(f, what));
        }
        ClaimSettlement.Settled settled = ClaimSettlement.settleBatch(lines, findings);
        return new BatchAudit(settled.findings(), List.copyOf(failures), rated.outcomes(), settled.packages());
    }

    /**
     * Runs the pre-ship weights pack on each invoiced package that has a weight, so the invoice rules can compare what
     * was billed with what the same definitions expect. The destination country decides domestic or international
     * thresholds; one session for the batch ({@link WeightsSession}).
     */
    static Expectations expectations(RulePack weights, Collection<ChargeLine> lines, EvaluationLimits limits) {
        Map<String, ChargeLine> packages = new java.util.LinkedHashMap<>();
        for (ChargeLine l : lines) {
            if (l.trackingNumber() != null && l.actualWeightLb() != null && l.shipDate() != null) {
                packages.merge(l.trackingNumber(), l, (a, b) -> a.chargeType() == ChargeType.FREIGHT ? a : b);
            }
        }
        if (packages.isEmpty()) {
            return Expectations.NONE;
        }
        WeightsSession session = new WeightsSession(weights);
        Map<String, WeightsSession.Slot> slots = new HashMap<>();
        for (ChargeLine l : packages.values()) {
            slots.put(l.trackingNumber(), session.add(l.trackingNumber(), l.shipDate(), l.carrier(), l.service(),
                    l.recipientCountry(), l.actualWeightLb(), l.lengthIn(), l.widthIn(), l.heightIn()));
        }
        PackOutcome o = PackEvaluator.evaluate(weights, session.facts(), limits.atLeast(packages.size() * 100));
        if (o.failed()) {
            return new Expectations(List.of(), o.failure());
        }
        Map<WeightsSession.Slot, BillableWeightCandidate> billable = heaviestByPackage(o);
        Map<WeightsSession.Slot, Set<SurchargeKind>> surcharges = new HashMap<>();
        o.surcharges().forEach(sp -> surcharges.computeIfAbsent(new WeightsSession.Slot(sp.getContextKey(),
                sp.getParcelIndex()), k -> EnumSet.noneOf(SurchargeKind.class)).add(sp.getKind()));
        List<ExpectedCharges> out = new ArrayList<>(packages.size());
        for (ChargeLine l : packages.values()) {
            WeightsSession.Slot slot = slots.get(l.trackingNumber());
            BillableWeightCandidate best = billable.get(slot);
            if (best != null) {
                out.add(new ExpectedCharges(l.trackingNumber(), l.row(), best.getPounds(), best.getBasis(),
                        surcharges.getOrDefault(slot, Set.of()), l.lengthIn() != null
                        && l.widthIn() != null && l.heightIn() != null));
            }
        }
        return new Expectations(out, null);
    }

    /** The recorded packages with their billable weights, and the failure that left them without (null if none). */
    record Recorded(List<ShippedPackage> packages, PackFailure failure) {
    }

    /**
     * The packages as recorded at shipping, each with the billable weight the weights pack gives its recorded weight
     * and dimensions: what the carrier should have billed had it weighed what the shipper weighed. One session for
     * all of them, as for the invoiced packages; a record without a weight, or for a carrier the pack has no divisor
     * for, stays without one.
     */
    static Recorded recordedBillable(RulePack weights, List<ShippedPackage> recorded, EvaluationLimits limits) {
        WeightsSession session = new WeightsSession(weights);
        Map<ShippedPackage, WeightsSession.Slot> slots = new java.util.IdentityHashMap<>();
        for (ShippedPackage p : recorded) {
            if (p.weightLb() != null && p.shipDate() != null && p.carrier() != null) {
                slots.put(p, session.add(p.trackingNumber(), p.shipDate(), p.carrier(), p.service(),
                        p.shipToCountry(), p.weightLb(), p.lengthIn(), p.widthIn(), p.heightIn()));
            }
        }
        if (session.isEmpty()) {
            return new Recorded(recorded, null);
        }
        PackOutcome o = PackEvaluator.evaluate(weights, session.facts(), limits.atLeast(recorded.size() * 100));
        if (o.failed()) {
            return new Recorded(recorded, o.failure());
        }
        Map<WeightsSession.Slot, BillableWeightCandidate> billable = heaviestByPackage(o);
        List<ShippedPackage> out = new ArrayList<>(recorded.size());
        for (ShippedPackage p : recorded) {
            WeightsSession.Slot slot = slots.get(p);
            BillableWeightCandidate best = slot == null ? null : billable.get(slot);
            out.add(best == null ? p : p.withBillableWeight(best.getPounds()));
        }
        return new Recorded(out, null);
    }

    /** The billable weight that applies to each package (the heaviest candidate), by its slot. */
    private static Map<WeightsSession.Slot, BillableWeightCandidate> heaviestByPackage(PackOutcome outcome) {
        Map<WeightsSession.Slot, BillableWeightCandidate> billable = new HashMap<>();
        for (BillableWeightCandidate c : outcome.billableWeights()) {
            billable.merge(new WeightsSession.Slot(c.getContextKey(), c.getParcelIndex()), c,
                    (a, b) -> BillableWeightCandidate.HEAVIEST_LAST.compare(b, a) > 0 ? b : a);
        }
        return billable;
    }

    /**
     * The pre-ship pack whose definitions also judge invoices (billable weight, package surcharges): the one whose
     * pack.yaml declares {@link PackRole#INVOICE_EXPECTATIONS}, the first by name should two; null when none is active.
     */
    static RulePack expectationsPack(Map<String, RulePack> snapshot) {
        return snapshot.values().stream().filter(p -> p.manifest().plays(PackRole.INVOICE_EXPECTATIONS))
                .findFirst().orElse(null);
    }

    /** Active invoice pack versions, for the job's record of what judged it. */
    public Map<String, String> versions() {
        Map<String, String> v = new java.util.TreeMap<>();
        packs.snapshot().values().stream().filter(p -> p.manifest().appliesTo(AuditKind.INVOICES))
                .forEach(p -> v.put(p.name(), p.version()));
        return v;
    }
}
