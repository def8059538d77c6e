package org.shipaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Conventions every shipped pack keeps (STYLE.md, "Rule packs"); a new rule that breaks one fails here. */
class RulePackConventionsTest {

    static List<RulePack> packs = new ArrayList<>();

    @BeforeAll
    static void compileAll() throws Exception {
        for (Path dir : RuleScenariosTest.packDirs()) {
            packs.add(RulePackCompiler.compile(PackFiles.read(dir)));
        }
        assertTrue(packs.size() >= 1, "rules/ holds at least one pack");
    }

    @Test
    void ruleIdsAreUniqueAcrossPacks() {
        Map<String, String> seen = new HashMap<>();
        for (RulePack p : packs) {
            for (RuleInfo r : p.findingRules()) {
                String other = seen.put(r.id(), p.name() + ": " + r.name());
                assertEquals(null, other, () -> r.id() + " is used twice: " + other + " and " + r.name());
            }
        }
    }

    @Test
    void everyFindingRuleCitesItsSource() {
        for (RulePack p : packs) {
            for (RuleInfo r : p.findingRules()) {
                assertTrue(r.source() != null && !r.source().isBlank(),
                        () -> p.name() + ": " + r.name() + " has no '// Source:' line or @source");
            }
        }
    }

    @Test
    void everyFindingRuleHasAFiringAndASilentScenarioNamedAfterIt() {
        for (RulePack p : packs) {
            for (RuleInfo r : p.findingRules()) {
                boolean fires = p.scenarios().stream().anyMatch(s -> s.expect().stream()
                        .anyMatch(e -> e.rule().equals(r.id())) && s.file().startsWith("scenarios/" + r.id() + "-"));
                boolean silent = p.scenarios().stream().anyMatch(s -> s.silent().contains(r.id())
                        && s.file().startsWith("scenarios/" + r.id() + "-"));
                assertTrue(fires, () -> p.name() + ": no scenarios/" + r.id() + "-*.yaml expects " + r.id() + " to fire");
                assertTrue(silent, () -> p.name() + ": no scenarios/" + r.id() + "-*.yaml keeps " + r.id() + " silent");
            }
        }
    }

    @Test
    void scenariosOnlyNameRulesThatExist() {
        for (RulePack p : packs) {
            List<String> ids = p.findingRules().stream().map(RuleInfo::id).toList();
            for (Scenario s : p.scenarios()) {
                s.expect().forEach(e -> assertTrue(ids.contains(e.rule()), () -> s.file() + " expects unknown " + e.rule()));
                s.silent().forEach(id -> assertTrue(ids.contains(id), () -> s.file() + " silences unknown " + id));
            }
        }
    }

    @Test
    void everyDecisionTableRowCitesASource() {
        for (RulePack p : packs) {
            p.generatedDrl().forEach((table, drl) -> {
                int rules = drl.split("\\nrule \"", -1).length - 1;
                int cited = drl.split("\\.citing\\(\"[^\"]+\"\\)", -1).length - 1;
                assertEquals(rules, cited, () -> p.name() + ": every row of " + table + " needs a Source cell");
            });
        }
    }
}
