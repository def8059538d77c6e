package org.shipaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shipaudit.findings.Finding;

/** API.md: every finding's evidence has {@code source}, the rule's or the table row's citation. */
class EveryFindingCitesItsSourceTest {

    @Test
    void everyFindingOfEveryShippedPacksFiringScenariosHasASource() throws IOException {
        List<String> missing = new ArrayList<>();
        int findings = 0;
        for (var dir : RuleScenariosTest.packDirs()) {
            RulePack pack = RulePackCompiler.compile(PackFiles.read(dir));
            for (Scenario s : pack.scenarios()) {
                if (!s.file().endsWith(".fires.yaml")) {
                    continue;
                }
                PackOutcome outcome = PackEvaluator.evaluate(pack, ScenarioRunner.facts(s), EvaluationLimits.SCENARIO);
                assertFalse(outcome.failed(), s.file());
                for (Finding f : outcome.findings()) {
                    findings++;
                    String source = f.evidence().get(Finding.SOURCE);
                    if (source == null || source.isBlank()) {
                        missing.add(pack.name() + "/" + s.file() + ": " + f.ruleId());
                    }
                }
            }
        }
        assertTrue(findings > 100, "the fires scenarios raised " + findings + " findings");
        assertEquals(List.of(), missing);
    }

    @Test
    void aSourceTheRuleSetIsKeptAndACitationSpanningCommentLinesIsReadWhole() throws IOException {
        RulePack weights = RulePackCompiler.compile(PackFiles.read(RuleScenariosTest.RULES.resolve("weights")));
        // WGT-033's citation runs over three comment lines and ends with a full stop; the notes after it are not it.
        String cited = weights.sourceOf("WGT-033");
        assertTrue(cited.endsWith("(imported) gives the tier."), cited);
        assertTrue(cited.contains("\"Remote Area Surcharge\""), cited);
        Finding own = new Finding("WGT-031", "weights", "2", null, null, "m", "packages[0]",
                java.util.Map.of(Finding.SOURCE, "surcharge-criteria row 4"), null, null);
        assertEquals("surcharge-criteria row 4", own.withSource(cited).evidence().get(Finding.SOURCE));
    }
}
