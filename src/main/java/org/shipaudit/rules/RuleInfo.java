package org.shipaudit.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a pack says about one of its rules. Finding rules are named {@code "AAA-NNN sentence"}; other rules (table rows
 * that insert limits, derivations) have no id.
 */
public record RuleInfo(String name, String id, String description, String source, String file) {

    static final Pattern ID = Pattern.compile("^([A-Z]{3}-\\d{3})\\s+(.*)$");

    static RuleInfo of(String name, String source, String file) {
        Matcher m = ID.matcher(name);
        return m.matches()
                ? new RuleInfo(name, m.group(1), m.group(2), source, file)
                : new RuleInfo(name, null, name, source, file);
    }

    public boolean isFindingRule() {
        return id != null;
    }
}
