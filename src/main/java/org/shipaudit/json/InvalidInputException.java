package org.shipaudit.json;

import java.util.List;

/** Input that breaks the contract, with every problem found (not just the first). */
public final class InvalidInputException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidInputException(String summary, List<Violation> violations) {
        super(summary);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
