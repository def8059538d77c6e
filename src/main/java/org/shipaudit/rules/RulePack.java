package org.shipaudit.rules;

import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;

/**
 * A compiled, immutable rule pack version. The KieBase is shared by every audit that uses this version; each audit
 * takes a session from {@code sessions} and disposes it, which resets it and returns it to the pool: building a
 * session's network memory costs more than a small audit's evaluation. The registry retires the pool when it replaces
 * the version (see {@link SessionPool}).
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
        Map<String, EffectivePeriod> effectivePeriods,
        SessionPool sessions,
        FactTypes factTypes) {

    public RulePack(PackManifest manifest, String version, String contentHash, PackFiles files, KieBase kieBase,
                    List<RuleInfo> rules, Map<String, String> generatedDrl, List<Scenario> scenarios,
                    Map<String, EffectivePeriod> effectivePeriods, SessionPool sessions) {
        this(manifest, version, contentHash, files, kieBase, rules, generatedDrl, scenarios, effectivePeriods, sessions,
                FactTypes.of(kieBase));
    }

    /** The same compiled pack under another version number (the store assigns versions on deploy). */
    public RulePack withVersion(String v) {
        return new RulePack(manifest, v, contentHash, files, kieBase, rules, generatedDrl, scenarios, effectivePeriods,
                sessions, factTypes);
    }

    public String name() {
        return manifest.name();
    }

    /**
     * The citation of the finding rule with this id: its {@code // Source:} line or {@code @source} metadata; null
     * when the pack has no such rule or it cites nothing (validate refuses that for deployed packs).
     */
    public String sourceOf(String ruleId) {
        for (RuleInfo r : rules) {
            if (ruleId != null && ruleId.equals(r.id()) && r.source() != null && !r.source().isBlank()) {
                return r.source();
            }
        }
        return null;
    }

    /**
     * Whether each rule judges one parcel by itself, so unrelated packages may share an audit context (see
     * {@code FactTypes#judgesEachParcelApart}).
     */
    public boolean judgesEachParcelApart() {
        return factTypes.judgesEachParcelApart();
    }

    public List<RuleInfo> findingRules() {
        return rules.stream().filter(RuleInfo::isFindingRule).toList();
    }
}
