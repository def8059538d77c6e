package org.shipaudit.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.shipaudit.findings.AuditResult;
import org.shipaudit.findings.BillableWeight;
import org.shipaudit.findings.Finding;
import org.shipaudit.findings.Verdict;
import org.shipaudit.model.BillableWeightCandidate;
import org.shipaudit.model.Shipment;
import org.shipaudit.model.ShipmentFacts;
import org.shipaudit.rules.PackEvaluator;
import org.shipaudit.rules.PackOutcome;
import org.shipaudit.rules.RulePack;
import org.shipaudit.rules.RulePackRegistry;

/**
 * Audits shipments against the active rule packs. Thread-safe; each call takes one snapshot of the active packs, so
 * a deploy during an audit never mixes versions within one result.
 */
public final class ShipmentAuditor {

    private static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::severity, Comparator.reverseOrder())
            .thenComparing(Finding::pack)
            .thenComparing(Finding::ruleId)
            .thenComparing(f -> f.subject() == null ? "" : f.subject());

    private final RulePackRegistry packs;
    private final Clock clock;
    private final Consumer<AuditResult> observer;
    private final ShipmentEnricher enricher;

    /**
     * @param observer told of every result (metrics); must be fast and thread-safe
     */
    public ShipmentAuditor(RulePackRegistry packs, Clock clock, Consumer<AuditResult> observer) {
        this(packs, clock, observer, null);
    }

    /**
     * @param enricher adds reference facts before rules fire; null for none (reference rules then stay silent)
     */
    public ShipmentAuditor(RulePackRegistry packs, Clock clock, Consumer<AuditResult> observer,
                           ShipmentEnricher enricher) {
        this.packs = packs;
        this.clock = clock;
        this.observer = observer;
        this.enricher = enricher;
    }

    /** The facts one audit starts from: the shipment's own, then the reference look-ups (once, for every pack). */
    public List<Object> facts(Shipment shipment) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<Object> facts = new ArrayList<>(ShipmentFacts.of(shipment, today));
        if (enricher != null) {
            facts.addAll(enricher.facts(shipment, facts));
        }
        return facts;
    }

    public AuditResult audit(Shipment shipment) {
        Map<String, RulePack> snapshot = packs.snapshot();
        List<Object> facts = facts(shipment);

        List<Finding> findings = new ArrayList<>();
        Map<Integer, BillableWeightCandidate> billable = new LinkedHashMap<>();
        Map<String, String> versions = new LinkedHashMap<>();
        for (RulePack pack : snapshot.values()) {
            if (!pack.manifest().appliesTo("shipments")) {
                continue;
            }
            PackOutcome outcome = PackEvaluator.evaluate(pack, facts);
            versions.put(pack.name(), pack.version());
            findings.addAll(outcome.findings());
            for (BillableWeightCandidate c : outcome.billableWeights()) {
                // Billable weight is the largest lower bound any rule established for the package.
                billable.merge(c.getParcelIndex(), c,
                        (a, b) -> BillableWeightCandidate.HEAVIEST_LAST.compare(b, a) > 0 ? b : a);
            }
        }
        findings.sort(ORDER);
        List<BillableWeight> weights = billable.values().stream()
                .sorted(Comparator.comparingInt(BillableWeightCandidate::getParcelIndex))
                .map(c -> new BillableWeight(c.getPackageId(), c.getPounds(), "LB", c.getBasis()))
                .toList();
        AuditResult result = new AuditResult(shipment.id(), Verdict.of(findings), List.copyOf(findings), weights,
                versions, Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
        observer.accept(result);
        return result;
    }
}
