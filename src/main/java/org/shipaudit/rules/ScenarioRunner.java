package org.shipaudit.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.shipaudit.findings.Finding;
import org.shipaudit.model.BillableWeightCandidate;
import org.shipaudit.model.Chargeback;
import org.shipaudit.model.ChargebackFacts;
import org.shipaudit.model.ChargebackHistory;
import org.shipaudit.model.api.Shipment;
import org.shipaudit.model.ShipmentFacts;

/** Runs a pack's scenarios against a compiled pack and says, for each, what did not happen as expected. */
public final class ScenarioRunner {

    private ScenarioRunner() {
    }

    /** Threads that help run candidates' scenarios, shared by all validates at once: at most one per core. */
    static final int HELPERS = Math.max(1, Runtime.getRuntime().availableProcessors());

    /**
     * The helper threads. No queue: a scenario run asks for helpers and takes those that are free at that moment, and
     * its own thread runs what they do not, so a validate never waits for another one's scenarios (a slow pack slows
     * only itself) and all validates together never use more than {@link #HELPERS} extra threads.
     */
    private static final ThreadPoolExecutor POOL = new ThreadPoolExecutor(0, HELPERS, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                // They check candidates while audits run: like the compile itself, they yield the CPU to audits.
                Thread t = new Thread(() -> {
                    LowPriority.lowerCurrentThread();
                    r.run();
                }, "shipaudit-scenarios");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.AbortPolicy());

    /**
     * Runs every scenario, in parallel on the calling thread and the free {@link #HELPERS}: each uses its own session
     * on the shared (thread-safe) KieBase, within {@link EvaluationLimits#SCENARIO}, and a pack of 500 rules has 1,000 scenarios
     * that a deploy must run before it answers. Results keep the scenarios' order.
     */
    public static List<ScenarioResult> run(RulePack pack) {
        List<Scenario> all = pack.scenarios();
        ScenarioResult[] results = new ScenarioResult[all.size()];
        AtomicInteger next = new AtomicInteger();
        Runnable share = () -> {
            for (int i = next.getAndIncrement(); i < all.size(); i = next.getAndIncrement()) {
                results[i] = runSafely(pack, all.get(i));
            }
        };
        List<Future<?>> helpers = new ArrayList<>();
        for (int k = 1; k < Math.min(all.size(), HELPERS + 1); k++) {
            try {
                helpers.add(POOL.submit(share));
            } catch (RejectedExecutionException busy) {
                break; // every helper is working for some validate: this thread runs the rest
            }
        }
        share.run();
        for (Future<?> h : helpers) {
            awaitHelper(h);
        }
        return List.of(results);
    }

    private static void awaitHelper(Future<?> helper) {
        boolean interrupted = false;
        while (true) {
            try {
                helper.get(); // at most one scenario's deadline away: the helper is running the last ones
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                break; // runSafely does not throw; nothing to report that the results do not hold
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A scenario that cannot be run (a bug of ours, not of the rules) fails alone, by exception type. */
    private static ScenarioResult runSafely(RulePack pack, Scenario s) {
        try {
            return run(pack, s);
        } catch (RuntimeException | StackOverflowError e) {
            return new ScenarioResult(pack.name(), s.file(), s.description(),
                    List.of("scenario could not be run: " + e.getClass().getSimpleName()));
        }
    }

    /**
     * The facts a scenario gives the pack: its shipment's facts, its rows and the reference facts it supplies; null when
     * a shipment scenario has no business date. Throws for a given that cannot be built.
     */
    static List<Object> facts(Scenario s) {
        List<Object> facts = new ArrayList<>();
        Shipment shipment = s.given().shipment();
        if (shipment != null) {
            LocalDate date = s.businessDate() != null ? s.businessDate() : shipment.shipDate();
            if (date == null) {
                return null;
            }
            // Rates a scenario gives stand for the rate table's look-up: the shipment's values are converted with them.
            List<org.shipaudit.model.ExchangeRate> rates = s.given().referenceFacts().stream()
                    .filter(org.shipaudit.model.ExchangeRate.class::isInstance)
                    .map(org.shipaudit.model.ExchangeRate.class::cast).toList();
            facts.addAll(ShipmentFacts.of(withShipDate(shipment, date), date, org.shipaudit.model.lookup.ExchangeRates.on(
                    date, org.shipaudit.model.lookup.ExchangeRates.DEFAULT_MAX_AGE_DAYS, rates)));
        }
        if (!s.given().chargebacks().isEmpty()) {
            // The same facts a chargebacks job gives one batch: the file's rows in order, judged on the date.
            List<Chargeback> rows = s.given().chargebacks().stream()
                    .sorted(java.util.Comparator.comparingLong(Chargeback::row)).toList();
            facts.addAll(ChargebackFacts.of(rows, new ChargebackHistory(), s.businessDate()));
        }
        if (!s.given().products().isEmpty()) {
            // The same facts a catalog job gives one batch: the file's rows in order, judged on the date.
            List<org.shipaudit.model.CatalogProduct> rows = s.given().products().stream()
                    .sorted(java.util.Comparator.comparingLong(org.shipaudit.model.CatalogProduct::getRow)).toList();
            facts.addAll(org.shipaudit.model.CatalogFacts.of(rows, new org.shipaudit.model.CatalogHistory(),
                    s.businessDate()));
        }
        facts.addAll(s.given().referenceFacts());
        facts.addAll(s.given().chargeLines());
        facts.addAll(s.given().priorCharges());
        facts.addAll(s.given().expectedCharges());
        return facts;
    }

    public static ScenarioResult run(RulePack pack, Scenario s) {
        List<String> failures = new ArrayList<>();
        PackOutcome outcome;
        List<Object> facts;
        try {
            facts = facts(s);
            if (facts == null) {
                failures.add("no business date: give businessDate or shipment.shipDate");
                return new ScenarioResult(pack.name(), s.file(), s.description(), failures);
            }
        } catch (RuntimeException e) {
            // Building facts from the scenario file (ours, not rule code): the message names the bad given.
            failures.add("scenario facts could not be built: " + RulePackCompiler.rootMessage(e));
            return new ScenarioResult(pack.name(), s.file(), s.description(), failures);
        }
        outcome = PackEvaluator.evaluate(pack, facts, EvaluationLimits.SCENARIO);
        if (outcome.failed()) {
            // Rule and exception type only: an exception's message may carry what the rule built (a file's contents).
            failures.add("evaluation failed: " + outcome.failure().cause());
            return new ScenarioResult(pack.name(), s.file(), s.description(), failures);
        }
        List<Finding> found = outcome.findings();
        for (Scenario.ExpectedFinding e : s.expect()) {
            if (found.stream().noneMatch(e::matches)) {
                failures.add("expected " + e + " but found " + summary(found));
            }
        }
        for (String rule : s.silent()) {
            List<Finding> loud = found.stream().filter(f -> f.ruleId().equals(rule)).toList();
            if (!loud.isEmpty()) {
                failures.add("expected " + rule + " to stay silent but it fired: " + loud.get(0).message());
            }
        }
        Map<String, BillableWeightCandidate> billable = outcome.billableWeights().stream().collect(Collectors.toMap(
                BillableWeightCandidate::getPackageId, c -> c,
                (a, b) -> BillableWeightCandidate.HEAVIEST_LAST.compare(b, a) > 0 ? b : a));
        for (Scenario.ExpectedBillableWeight b : s.billableWeight()) {
            BillableWeightCandidate actual = billable.get(b.packageId());
            if (!b.matches(actual)) {
                failures.add("expected billable weight " + b + " for package " + b.packageId() + " but got "
                        + (actual == null ? "none" : actual.getValue().stripTrailingZeros().toPlainString() + " "
                        + actual.getUnit().name().toLowerCase(java.util.Locale.ROOT)));
            }
        }
        return new ScenarioResult(pack.name(), s.file(), s.description(), failures);
    }

    private static Shipment withShipDate(Shipment s, LocalDate date) {
        return s.shipDate() != null ? s : new Shipment(s.id(), date, s.carrier(), s.service(), s.shipFrom(), s.shipTo(),
                s.packages(), s.items(), s.customs(), s.retailer(), s.parties(), s.zone());
    }

    private static String summary(List<Finding> found) {
        return found.isEmpty() ? "no findings"
                : found.stream().map(f -> f.ruleId() + "@" + f.subject() + "/" + f.severity()
                        + (f.amount() == null ? "" : "/" + f.amount().amount().toPlainString()))
                        .sorted().collect(Collectors.joining(", "));
    }
}
