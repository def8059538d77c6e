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
        String contentHash,
        PackFiles files,
        KieBase kieBase,
        List<RuleInfo> rules,
        Map<String, String> generatedDrl,
        List<Scenario> scenarios) {

    public String name() {
        return manifest.name();
    }

    public String version() {
        return manifest.version();
    }

    public List<RuleInfo> findingRules() {
        return rules.stream().filter(RuleInfo::isFindingRule).toList();
    }
}
