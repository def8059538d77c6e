package org.shipaudit.audit;

import org.shipaudit.model.AuditKind;
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
import org.shipaudit.findings.Category;
import org.shipaudit.findings.Severity;
import org.shipaudit.findings.Finding;
import org.shipaudit.findings.Verdict;
import org.shipaudit.model.BillableWeightCandidate;
import org.shipaudit.model.lookup.ExchangeRates;
import org.shipaudit.model.api.Shipment;
import org.shipaudit.model.ShipmentFacts;
import org.shipaudit.rules.EvaluationPolicy;
import org.shipaudit.rules.PackEvaluator;
import org.shipaudit.rules.PackFailure;
import org.shipaudit.rules.PackOutcome;
import org.shipaudit.rules.RulePack;
import org.shipaudit.rules.RulePackRegistry;

/**
 * Audits shipments against the active rule packs. Thread-safe; each call takes one snapshot of the active packs, so
 * a deploy during an audit never mixes versions within one result. A pack that throws or hits a limit fails closed:
 * its findings are replaced by one SYSTEM finding at BLOCK naming pack, version, rule and reason.
 */
public final class ShipmentAuditor {

    private static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::severity, Comparator.reverseOrder())
            .thenComparing(Finding::pack)
            .thenComparing(Finding::ruleId)
            .thenComparing(f -> f.subject() == null ? "" : f.subject())
            // Two rows of one table can raise the same rule on the same subject (WGT-010 from "USPS, all services" and
            // "USPS Priority Mail", both 70 lb): without these the order followed the session's and changed between
            // runs, so the same shipment got answers and trail records that differed.
            .thenComparing(f -> f.message() == null ? "" : f.message())
            .thenComparing(f -> f.evidence() == null ? "" : new java.util.TreeMap<>(f.evidence()).toString());

    private final RulePackRegistry packs;
    private final Clock clock;
    private final Consumer<AuditResult> observer;
    private final ShipmentEnricher enricher;
    private final EvaluationPolicy policy;

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
        this(packs, clock, observer, enricher, EvaluationPolicy.defaults());
    }

    /**
     * @param policy the limits each pack runs within ({@link EvaluationPolicy#preship}) and where a pack that could
     *               not judge is reported
     */
    public ShipmentAuditor(RulePackRegistry packs, Clock clock, Consumer<AuditResult> observer,
                           ShipmentEnricher enricher, EvaluationPolicy policy) {
        this.packs = packs;
        this.clock = clock;
        this.observer = observer;
        this.enricher = enricher;
        this.policy = policy;
    }

    /** The facts one audit starts from: the shipment's own, then the reference look-ups (once, for every pack). */
    public List<Object> facts(Shipment shipment) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate day = shipment.shipDate() != null ? shipment.shipDate() : today;
        // Values in other currencies are converted at the rates of the ship date before rules see them.
        ExchangeRates rates = enricher == null ? ExchangeRates.NONE : enricher.exchangeRates(day);
        List<Object> facts = new ArrayList<>(ShipmentFacts.of(shipment, today, rates));
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
        // The pack that defines billable weight goes first: what it says a weighed package bills feeds the others.
        RulePack billing = InvoiceAuditor.expectationsPack(snapshot);
        List<RulePack> order = new ArrayList<>(snapshot.values());
        if (billing != null && order.remove(billing)) {
            order.add(0, billing);
        }
        for (RulePack pack : snapshot.values()) {
            if (pack.manifest().appliesTo(AuditKind.SHIPMENTS)) {
                versions.put(pack.name(), pack.version()); // in the snapshot's order, whatever order they run in
            }
        }
        List<Object> packFacts = facts;
        for (RulePack pack : order) {
            if (!pack.manifest().appliesTo(AuditKind.SHIPMENTS)) {
                continue;
            }
            PackOutcome outcome = PackEvaluator.evaluate(pack, packFacts, policy.preship());
            if (outcome.failed()) {
                policy.failures().record(outcome.failure(), "shipment " + shipment.id());
                findings.add(failClosed(outcome.failure()));
                continue;
            }
            if (pack == billing) {
                List<org.shipaudit.model.ScaleBilling> weighed = ScaleBillings.of(pack, facts, outcome, policy.preship());
                if (!weighed.isEmpty()) {
                    packFacts = new ArrayList<>(facts);
                    packFacts.addAll(weighed);
                }
            }
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
                .map(c -> new BillableWeight(c.getPackageId(), c.getValue(), c.getUnit().name(), c.getBasis()))
                .toList();
        AuditResult result = new AuditResult(newAuditId(), shipment.id(), Verdict.of(findings), List.copyOf(findings), weights,
                versions, Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
        observer.accept(result);
        return result;
    }

    /**
     * A new decision id: not derived from the shipment, since the same shipment audited twice is two decisions (a
     * re-weigh, a new pack version) and each must be found on its own. Laid out as a UUID version 7 (RFC 9562): the
     * milliseconds first, then 74 random bits. The trail's tables are keyed by this id, and a random key lands every
     * insert on another page of each key index (audit_trail's and audit_findings'), so H2 rewrote a page per decision
     * per index; time-ordered keys append to the last pages, as the time index does. The id is not a secret (reading
     * a decision needs the caller's key), so the random bits come from the thread's generator, not from SecureRandom,
     * whose shared lock the audit workers would otherwise queue on.
     */
    public static String newAuditId() {
        return "a-" + timeOrderedUuid(System.currentTimeMillis(), java.util.concurrent.ThreadLocalRandom.current());
    }

    static java.util.UUID timeOrderedUuid(long epochMillis, java.util.Random random) {
        long high = (epochMillis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new java.util.UUID(high, low);
    }

    /**
     * The finding that stands for a pack that could not judge the shipment: it blocks, since a shipment no pack has
     * cleared must not ship on a guess. It names pack, version, rule and reason, never what the rule had built.
     */
    static Finding failClosed(PackFailure f) {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("rule", f.rule() == null ? "unknown" : f.rule());
        evidence.put("reason", f.reason().name());
        if (f.exceptionType() != null) {
            evidence.put("exception", f.exceptionType());
        }
        if (f.at() != null) {
            evidence.put("at", f.at()); // the DRL file and line of the consequence that threw
        }
        // No citation can stand for a verdict no rule reached: the source is the pack that could not judge.
        evidence.put(Finding.SOURCE, "rule pack " + f.pack() + " version " + f.version() + " (could not judge)");
        return new Finding(f.ruleLabel(), f.pack(), f.version(), Category.SYSTEM, Severity.BLOCK,
                f.describe("this shipment"), "shipment", evidence, null,
                "hold the shipment; fix or roll back pack " + f.pack() + ", then audit it again");
    }
}
