package org.shipaudit.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.shipaudit.findings.Finding;
import org.shipaudit.findings.Severity;
import org.shipaudit.model.ChargeLine;
import org.shipaudit.model.Chargeback;
import org.shipaudit.model.ExpectedCharges;
import org.shipaudit.model.PriorCharge;
import org.shipaudit.model.api.Shipment;

/**
 * A rule scenario ({@code scenarios/*.yaml}): given a shipment and reference facts, the findings expected and
 * the rules that must stay silent. Files are named after the rule they prove: {@code WGT-010-...fires.yaml} and
 * {@code WGT-010-...silent.yaml}.
 */
public record Scenario(
        String file,
        String description,
        LocalDate businessDate,
        Given given,
        List<ExpectedFinding> expect,
        List<String> silent,
        List<ExpectedBillableWeight> billableWeight) {

    public Scenario {
        expect = expect == null ? List.of() : List.copyOf(expect);
        silent = silent == null ? List.of() : List.copyOf(silent);
        billableWeight = billableWeight == null ? List.of() : List.copyOf(billableWeight);
    }

    Scenario withFile(String f) {
        return new Scenario(f, description, businessDate, given, expect, silent, billableWeight);
    }

    /**
     * The facts a scenario starts from: a shipment and reference facts ({@code facts}, types from
     * {@link ScenarioFacts#TYPES}) that stand for the look-ups an audit makes before rules fire, for pre-ship packs;
     * or invoice charge lines with the charges billed before them and what the weights pack expects for each
     * package, for invoice packs; or retailer chargebacks (rows of one file, judged on the scenario's business
     * date), for chargebacks packs; or catalog products (rows of one catalog file), for packs that judge catalogs.
     */
    public record Given(Shipment shipment, List<Map<String, Object>> facts, List<ChargeLine> chargeLines,
                        List<PriorCharge> priorCharges, List<ExpectedCharges> expectedCharges,
                        List<Chargeback> chargebacks, List<org.shipaudit.model.CatalogProduct> products) {

        public Given {
            products = products == null ? List.of() : List.copyOf(products);
            chargeLines = chargeLines == null ? List.of() : List.copyOf(chargeLines);
            chargebacks = chargebacks == null ? List.of() : List.copyOf(chargebacks);
            priorCharges = priorCharges == null ? List.of() : List.copyOf(priorCharges);
            expectedCharges = expectedCharges == null ? List.of() : List.copyOf(expectedCharges);
        }

        /** The reference facts as objects; call after the loader has checked them. */
        public List<Object> referenceFacts() {
            return ScenarioFacts.convert(facts, new java.util.ArrayList<>());
        }
    }

    /**
     * A finding that must be present; subject, severity and the disputable amount (money rules: proves the sum, not
     * only that the rule fired) are checked only when given.
     */
    public record ExpectedFinding(String rule, String subject, Severity severity, java.math.BigDecimal amount) {

        boolean matches(Finding f) {
            return f.ruleId().equals(rule) && (subject == null || subject.equals(f.subject()))
                    && (severity == null || severity == f.severity())
                    && (amount == null || f.amount() != null && amount.compareTo(f.amount().amount()) == 0);
        }

        @Override
        public String toString() {
            return rule + (subject != null ? " on " + subject : "") + (severity != null ? " as " + severity : "")
                    + (amount != null ? " disputing " + amount.toPlainString() : "");
        }
    }

    /** A billable weight that must be reported for a package. */
    /** A package's expected billable weight; {@code unit} LB (the default) or KG. */
    public record ExpectedBillableWeight(String packageId, java.math.BigDecimal value, String unit) {

        public ExpectedBillableWeight {
            unit = unit == null ? "LB" : unit.trim().toUpperCase(java.util.Locale.ROOT);
        }

        boolean matches(org.shipaudit.model.BillableWeightCandidate c) {
            return c != null && value != null && c.getUnit().name().equals(unit) && c.getValue().compareTo(value) == 0;
        }

        @Override
        public String toString() {
            return value.stripTrailingZeros().toPlainString() + " " + unit.toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A Jackson error as one line with its location, for authors who are not programmers. */
    static String describe(Exception e) {
        if (e instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            String path = jme.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return path + ": " + jme.getOriginalMessage().split("\n")[0];
        }
        if (e instanceof JsonProcessingException jpe) {
            return jpe.getOriginalMessage().split("\n")[0];
        }
        return e.getMessage();
    }
}
