package org.shipaudit.audit;

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
import org.shipaudit.model.AuditContext;
import org.shipaudit.model.BillableWeightCandidate;
import org.shipaudit.model.ChargeType;
import org.shipaudit.model.Dimensions;
import org.shipaudit.model.ExpectedCharges;
import org.shipaudit.model.LengthUnit;
import org.shipaudit.model.Parcel;
import org.shipaudit.model.PriorCharge;
import org.shipaudit.model.ServiceCatalog;
import org.shipaudit.model.ShippedPackage;
import org.shipaudit.model.SurchargeKind;
import org.shipaudit.rules.PackOutcome;
import org.shipaudit.rules.PackEvaluator;
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

    public InvoiceAuditor(RulePackRegistry packs, InvoiceEnricher enricher) {
        this.packs = packs;
        this.enricher = enricher;
    }

    /**
     * What the pre-ship weights pack expects for each package of the batch (billable weight, package surcharges), for
     * {@link #audit}; empty when no weights pack is active. Depends on the lines only, so a caller may work it out
     * ahead, on another thread, while an earlier batch is audited.
     */
    public List<ExpectedCharges> expectations(Collection<ChargeLine> lines) {
        RulePack weights = packs.snapshot().get(EXPECTATIONS_PACK);
        return weights == null ? List.of() : expectations(weights, lines);
    }

    /**
     * Findings for the batch, each with the sheet row it concerns, in row order.
     *
     * @param expected {@link #expectations} of the same lines
     */
    public List<Finding> audit(Collection<ChargeLine> lines, Collection<PriorCharge> prior,
                               Collection<ExpectedCharges> expected) {
        List<Object> facts = new ArrayList<>(lines.size() + prior.size() + expected.size());
        facts.addAll(lines);
        facts.addAll(prior);
        facts.addAll(expected);
        Map<String, RulePack> snapshot = packs.snapshot();
        RulePack weights = snapshot.get(EXPECTATIONS_PACK);
        List<ShippedPackage> recorded = new ArrayList<>();
        for (Object f : enricher.facts(lines)) {
            if (f instanceof ShippedPackage p) {
                recorded.add(p);
            } else {
                facts.add(f);
            }
        }
        facts.addAll(weights == null ? recorded : recordedBillable(weights, recorded));
        facts.addAll(enricher.rerates(lines, expected));
        List<Finding> findings = new ArrayList<>();
        for (RulePack pack : snapshot.values()) {
            if (pack.manifest().appliesTo("invoices")) {
                findings.addAll(PackEvaluator.evaluate(pack, facts, Math.max(PackEvaluator.DEFAULT_FIRING_LIMIT,
                        lines.size() * 50)).findings());
            }
        }
        findings.sort(Comparator.comparingLong(InvoiceAuditor::row).thenComparing(Finding::ruleId));
        return ClaimSettlement.settle(lines, findings);
    }

    /**
     * Runs the pre-ship weights pack on each invoiced package that has a weight, so the invoice rules can compare what
     * was billed with what the same definitions expect. Origin is taken as US (carrier invoices audited here are from
     * US accounts); the destination country decides domestic or international thresholds.
     */
    static List<ExpectedCharges> expectations(RulePack weights, Collection<ChargeLine> lines) {
        Map<String, ChargeLine> packages = new java.util.LinkedHashMap<>();
        for (ChargeLine l : lines) {
            if (l.trackingNumber() != null && l.actualWeightLb() != null && l.shipDate() != null) {
                packages.merge(l.trackingNumber(), l, (a, b) -> a.chargeType() == ChargeType.FREIGHT ? a : b);
            }
        }
        if (packages.isEmpty()) {
            return List.of();
        }
        // One session for the batch: each package is its own audit context (keyed by tracking number), and the
        // weights pack joins its table rows and derived facts on that key.
        List<Object> facts = new ArrayList<>(packages.size() * 2);
        for (ChargeLine l : packages.values()) {
            addPackage(facts, l.trackingNumber(), l.shipDate(), l.carrier(), l.service(), l.recipientCountry(),
                    l.actualWeightLb(), l.lengthIn(), l.widthIn(), l.heightIn());
        }
        PackOutcome o = PackEvaluator.evaluate(weights, facts,
                Math.max(PackEvaluator.DEFAULT_FIRING_LIMIT, packages.size() * 100));
        Map<String, BillableWeightCandidate> billable = heaviestByPackage(o);
        Map<String, Set<SurchargeKind>> surcharges = new HashMap<>();
        o.surcharges().forEach(sp -> surcharges.computeIfAbsent(sp.getContextKey(),
                k -> EnumSet.noneOf(SurchargeKind.class)).add(sp.getKind()));
        List<ExpectedCharges> out = new ArrayList<>(packages.size());
        for (ChargeLine l : packages.values()) {
            BillableWeightCandidate best = billable.get(l.trackingNumber());
            if (best != null) {
                out.add(new ExpectedCharges(l.trackingNumber(), l.row(), best.getPounds(), best.getBasis(),
                        surcharges.getOrDefault(l.trackingNumber(), Set.of()), l.lengthIn() != null
                        && l.widthIn() != null && l.heightIn() != null));
            }
        }
        return out;
    }

    /**
     * The packages as recorded at shipping, each with the billable weight the weights pack gives its recorded weight
     * and dimensions: what the carrier should have billed had it weighed what the shipper weighed. One session for
     * all of them, as for the invoiced packages; a record without a weight, or for a carrier the pack has no divisor
     * for, stays without one.
     */
    static List<ShippedPackage> recordedBillable(RulePack weights, List<ShippedPackage> recorded) {
        List<Object> facts = new ArrayList<>(recorded.size() * 2);
        for (ShippedPackage p : recorded) {
            if (p.weightLb() != null && p.shipDate() != null && p.carrier() != null) {
                addPackage(facts, p.trackingNumber(), p.shipDate(), p.carrier(), p.service(), p.shipToCountry(),
                        p.weightLb(), p.lengthIn(), p.widthIn(), p.heightIn());
            }
        }
        if (facts.isEmpty()) {
            return recorded;
        }
        Map<String, BillableWeightCandidate> billable = heaviestByPackage(PackEvaluator.evaluate(weights, facts,
                Math.max(PackEvaluator.DEFAULT_FIRING_LIMIT, recorded.size() * 100)));
        List<ShippedPackage> out = new ArrayList<>(recorded.size());
        for (ShippedPackage p : recorded) {
            BillableWeightCandidate best = billable.get(p.trackingNumber());
            out.add(best == null ? p : p.withBillableWeight(best.getPounds()));
        }
        return out;
    }

    /** The billable weight that applies to each package (the heaviest candidate), by its context key. */
    private static Map<String, BillableWeightCandidate> heaviestByPackage(PackOutcome outcome) {
        Map<String, BillableWeightCandidate> billable = new HashMap<>();
        for (BillableWeightCandidate c : outcome.billableWeights()) {
            billable.merge(c.getContextKey(), c,
                    (a, b) -> BillableWeightCandidate.HEAVIEST_LAST.compare(b, a) > 0 ? b : a);
        }
        return billable;
    }

    /** One package as the weights pack sees it: its own audit context keyed by tracking number, and its parcel. */
    private static void addPackage(List<Object> facts, String key, java.time.LocalDate shipDate, String carrier,
                                   String service, String country, Double weightLb, Double length, Double width,
                                   Double height) {
        Dimensions dims = length != null && width != null && height != null
                ? new Dimensions(length, width, height, LengthUnit.IN) : null;
        facts.add(new AuditContext(key, shipDate, carrier, ServiceCatalog.canonical(service), "US",
                country == null ? "US" : country));
        facts.add(new Parcel(key, 0, key, null, weightLb, null, null, dims));
    }

    /** The pre-ship pack whose definitions also judge invoices (billable weight, package surcharges). */
    static final String EXPECTATIONS_PACK = "weights";

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
