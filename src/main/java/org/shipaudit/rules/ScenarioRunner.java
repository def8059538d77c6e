package org.shipaudit.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.shipaudit.findings.Finding;
import org.shipaudit.model.BillableWeightCandidate;
import org.shipaudit.model.Chargeback;
import org.shipaudit.model.ChargebackFacts;
import org.shipaudit.model.ChargebackHistory;
import org.shipaudit.model.Shipment;
import org.shipaudit.model.ShipmentFacts;

/** Runs a pack's scenarios against a compiled pack and says, for each, what did not happen as expected. */
public final class ScenarioRunner {

    private ScenarioRunner() {
    }

    /**
     * Runs every scenario, in parallel: each uses its own session on the shared (thread-safe) KieBase, and a pack of
     * 500 rules has 1,000 scenarios that a deploy must run before it answers. Results keep the scenarios' order.
     */
    public static List<ScenarioResult> run(RulePack pack) {
        return pack.scenarios().parallelStream().map(s -> run(pack, s)).toList();
    }

    public static ScenarioResult run(RulePack pack, Scenario s) {
        List<String> failures = new ArrayList<>();
        PackOutcome outcome;
        try {
            List<Object> facts = new ArrayList<>();
            Shipment shipment = s.given().shipment();
            if (shipment != null) {
                LocalDate date = s.businessDate() != null ? s.businessDate() : shipment.shipDate();
                if (date == null) {
                    failures.add("no business date: give businessDate or shipment.shipDate");
                    return new ScenarioResult(pack.name(), s.file(), s.description(), failures);
                }
                facts.addAll(ShipmentFacts.of(withShipDate(shipment, date), date));
            }
            if (!s.given().chargebacks().isEmpty()) {
                // The same facts a chargebacks job gives one batch: the file's rows in order, judged on the date.
                List<Chargeback> rows = s.given().chargebacks().stream()
                        .sorted(java.util.Comparator.comparingLong(Chargeback::row)).toList();
                facts.addAll(ChargebackFacts.of(rows, new ChargebackHistory(), s.businessDate()));
            }
            facts.addAll(s.given().referenceFacts());
            facts.addAll(s.given().chargeLines());
            facts.addAll(s.given().priorCharges());
            facts.addAll(s.given().expectedCharges());
            outcome = PackEvaluator.evaluate(pack, facts);
        } catch (RuntimeException e) {
            failures.add("evaluation failed: " + RulePackCompiler.rootMessage(e));
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
        Map<String, Long> billable = outcome.billableWeights().stream().collect(Collectors.toMap(
                BillableWeightCandidate::getPackageId, BillableWeightCandidate::getPounds, Math::max));
        for (Scenario.ExpectedBillableWeight b : s.billableWeight()) {
            Long actual = billable.get(b.packageId());
            if (!Objects.equals(actual, b.value())) {
                failures.add("expected billable weight " + b.value() + " lb for package " + b.packageId()
                        + " but got " + (actual == null ? "none" : actual + " lb"));
            }
        }
        return new ScenarioResult(pack.name(), s.file(), s.description(), failures);
    }

    private static Shipment withShipDate(Shipment s, LocalDate date) {
        return s.shipDate() != null ? s : new Shipment(s.id(), date, s.carrier(), s.service(), s.shipFrom(), s.shipTo(),
                s.packages(), s.items(), s.customs(), s.retailer());
    }

    private static String summary(List<Finding> found) {
        return found.isEmpty() ? "no findings"
                : found.stream().map(f -> f.ruleId() + "@" + f.subject() + "/" + f.severity()
                        + (f.amount() == null ? "" : "/" + f.amount().amount().toPlainString()))
                        .sorted().collect(Collectors.joining(", "));
    }
}
