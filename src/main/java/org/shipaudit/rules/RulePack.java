package org.shipaudit.rules;

import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSessionsPool;

/**
 * A compiled, immutable rule pack version. The KieBase is shared by every audit that uses this version; each audit
 * takes a session from {@code sessions} and disposes it, which resets it and returns it to the pool.
 */
public record RulePack(
        PackManifest manifest,
        String contentHash,
        PackFiles files,
        KieBase kieBase,
        List<RuleInfo> rules,
        Map<String, String> generatedDrl,
        List<Scenario> scenarios,
        KieSessionsPool sessions) {

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
