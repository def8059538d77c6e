package org.shipaudit.rules;

import java.util.List;

/** The outcome of one scenario: passed, or the reasons it failed, in words an author can act on. */
public record ScenarioResult(String pack, String file, String description, List<String> failures) {

    public boolean passed() {
        return failures.isEmpty();
    }
}
