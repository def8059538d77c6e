package org.shipaudit.rules;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * What validating a candidate pack found (API.md): compile errors with file and line, scenario results, coverage,
 * warnings about decision tables, and the DRL each table compiles to so a reviewer can read a spreadsheet as text.
 * A candidate is valid when it compiles, has scenarios, all pass, and every finding rule is made to fire and kept
 * silent by some scenario.
 */
@JsonPropertyOrder({"valid", "errors", "scenarios", "coverage", "warnings", "rules", "contentHash", "tables"})
public record ValidationReport(
        boolean valid,
        List<CompileError> errors,
        ScenarioSummary scenarios,
        Coverage coverage,
        List<String> warnings,
        int rules,
        String contentHash,
        Map<String, String> tables) {

    /** The same report with more errors, hence not valid. */
    ValidationReport withErrors(List<CompileError> more) {
        List<CompileError> all = new java.util.ArrayList<>(errors);
        all.addAll(more);
        return new ValidationReport(false, List.copyOf(all), scenarios, coverage, warnings, rules, contentHash, tables);
    }

    /** Scenario counts and the failures in words. */
    public record ScenarioSummary(int passed, int failed, List<ScenarioFailure> failures) {
    }

    /** One failed scenario. */
    public record ScenarioFailure(String file, String description, List<String> reasons) {
    }

    /** Finding rules that scenarios do not exercise. */
    public record Coverage(List<String> rulesWithoutScenario, List<String> rulesNeverFiring,
                           List<String> rulesNeverSilent) {

        boolean complete() {
            return rulesWithoutScenario.isEmpty() && rulesNeverFiring.isEmpty() && rulesNeverSilent.isEmpty();
        }
    }
}
