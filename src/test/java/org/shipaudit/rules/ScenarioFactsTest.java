package org.shipaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scenario files supply reference facts from an allow-list, and the rules see them as the enrichment's facts. */
class ScenarioFactsTest {

    static final String DRL = RulePackCompilerTest.HEADER + """
            import org.shipaudit.model.LineItem;
            import org.shipaudit.model.HazmatLookup;
            // Source: test
            rule "TST-001 Unknown UN number"
            when
                $i : LineItem( $idx : index )
                HazmatLookup( itemIndex == $idx, !found, !sampleOnly )
            then
                Findings.raise(drools, Severity.BLOCK, Category.HAZMAT, $i.getSubject(), "unknown").insert();
            end
            """;

    static String scenario(String facts) {
        return """
                description: an item with an unknown UN number
                given:
                  shipment:
                    id: S
                    shipDate: "2026-11-20"
                    carrier: UPS
                    service: GROUND
                    items:
                      - {sku: A, description: Cleaner, quantity: 1, dangerousGoods: {unNumber: UN9999, hazardClass: "8"}}
                  facts:
                """ + facts + """
                expect:
                  - {rule: TST-001, subject: "items[0]"}
                """;
    }

    @Test
    void rulesSeeTheReferenceFactsAScenarioSupplies() {
        RulePack pack = RulePackCompiler.compile(RulePackCompilerTest.pack(Map.of("drl/test.drl", DRL,
                "scenarios/TST-001-unknown.fires.yaml",
                scenario("      - {type: HazmatLookup, itemIndex: 0, unNumber: UN9999, entries: 0}\n"))));
        ScenarioResult r = ScenarioRunner.run(pack, pack.scenarios().get(0));
        assertTrue(r.passed(), r.failures().toString());
    }

    @Test
    void refusesAFactTypeOutsideTheAllowList() {
        RulePackException e = assertThrows(RulePackException.class, () -> RulePackCompiler.compile(
                RulePackCompilerTest.pack(Map.of("drl/test.drl", DRL, "scenarios/TST-001-unknown.fires.yaml",
                        scenario("      - {type: java.lang.ProcessBuilder, command: [sh]}\n")))));
        assertEquals("scenarios/TST-001-unknown.fires.yaml", e.errors().get(0).file());
        assertTrue(e.errors().get(0).message().contains("unknown type 'java.lang.ProcessBuilder'"), e.errors().toString());
        assertTrue(e.errors().get(0).message().contains("HazmatLookup"), e.errors().toString());
    }

    @Test
    void namesAMisspelledFieldOfASuppliedFact() {
        RulePackException e = assertThrows(RulePackException.class, () -> RulePackCompiler.compile(
                RulePackCompilerTest.pack(Map.of("drl/test.drl", DRL, "scenarios/TST-001-unknown.fires.yaml",
                        scenario("      - {type: HazmatLookup, itemIndex: 0, unNumbr: UN9999}\n")))));
        assertTrue(e.errors().get(0).message().contains("given.facts[0] (HazmatLookup)"), e.errors().toString());
        assertTrue(e.errors().get(0).message().contains("unNumbr"), e.errors().toString());
    }
}
