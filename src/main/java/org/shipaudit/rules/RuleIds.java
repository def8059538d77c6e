package org.shipaudit.rules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps rule ids unique across packs (STYLE.md: "unique across packs, never reused"): a finding names its rule by id
 * alone, so two rules sharing {@code WGT-010} would make every finding of either ambiguous, and a candidate for one pack
 * could pass its findings off as another pack's.
 */
final class RuleIds {

    private static final Pattern RULE_START = Pattern.compile("^\\s*rule\\s+\"([A-Z]{3}-\\d{3})\\b");
    private static final Pattern TABLE_ROW = Pattern.compile("// rule values at ([A-Z]+\\d+)");

    private RuleIds() {
    }

    /**
     * Errors for every id the candidate defines twice or that another pack already defines, each naming the file and
     * line of the candidate's rule (the cell for a table row) and the other pack.
     *
     * @param others the other packs' active versions (the candidate's own pack left out)
     */
    static List<CompileError> clashes(RulePack candidate, Collection<RulePack> others) {
        Map<String, String> owners = new LinkedHashMap<>();
        for (RulePack other : others) {
            if (!other.name().equals(candidate.name())) {
                other.findingRules().forEach(r -> owners.putIfAbsent(r.id(), other.name()));
            }
        }
        List<CompileError> errors = new ArrayList<>();
        Map<String, RuleInfo> seen = new LinkedHashMap<>();
        for (RuleInfo r : candidate.findingRules()) {
            RuleInfo first = seen.putIfAbsent(r.id(), r);
            String owner = owners.get(r.id());
            if (first != null) {
                errors.add(at(candidate, r, "rule id " + r.id() + " is used twice in this pack (\"" + first.name()
                        + "\" and \"" + r.name() + "\"): give each rule its own id"));
            }
            if (owner != null) {
                errors.add(at(candidate, r, "rule id " + r.id() + " already belongs to pack '" + owner
                        + "': ids are unique across packs and never reused; take a free id of this pack's range"));
            }
        }
        return errors;
    }

    private static CompileError at(RulePack pack, RuleInfo rule, String message) {
        String file = rule.file() != null ? rule.file() : "drl/";
        String generated = pack.generatedDrl().get(file);
        byte[] raw = pack.files().get(file);
        String text = generated != null ? generated : raw == null ? "" : new String(raw, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = RULE_START.matcher(lines[i]);
            if (m.find() && lines[i].contains("\"" + rule.name() + "\"")) {
                if (generated == null) {
                    return new CompileError(file, i + 1, message);
                }
                // A table's generated line number means nothing to its author: name the row's cell instead.
                for (int j = i; j >= 0; j--) {
                    Matcher cell = TABLE_ROW.matcher(lines[j]);
                    if (cell.find()) {
                        return new CompileError(file, 0, "cell " + cell.group(1) + ": " + message);
                    }
                }
                return new CompileError(file, 0, message);
            }
        }
        return new CompileError(file, 0, message);
    }
}
