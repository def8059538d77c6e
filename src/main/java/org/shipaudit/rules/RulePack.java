package org.shipaudit.rules;

import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;

/**
 * A compiled, immutable rule pack version. The KieBase is shared by every audit that uses this version; sessions are
 * created per audit and disposed.
 */
public record RulePack(
        PackManifest manifest,
        String version,
        String contentHash,
        PackFiles files,
        KieBase kieBase,
        List<RuleInfo> rules,
        Map<String, String> generatedDrl,
        List<Scenario> scenarios,
        Map<String, EffectivePeriod> effectivePeriods) {

    /** The same compiled pack under another version number (the store assigns versions on deploy). */
    public RulePack withVersion(String v) {
        return new RulePack(manifest, v, contentHash, files, kieBase, rules, generatedDrl, scenarios, effectivePeriods);
    }

    public String name() {
        return manifest.name();
    }

    public List<RuleInfo> findingRules() {
        return rules.stream().filter(RuleInfo::isFindingRule).toList();
    }
}
