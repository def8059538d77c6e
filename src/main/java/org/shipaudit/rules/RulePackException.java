package org.shipaudit.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A pack that cannot be loaded or compiled, with every error found. */
public final class RulePackException extends RuntimeException {

    private final String pack;
    private final List<CompileError> errors;

    public RulePackException(String pack, List<CompileError> errors) {
        super("rule pack '" + pack + "' is invalid:\n  "
                + errors.stream().map(CompileError::toString).collect(Collectors.joining("\n  ")));
        this.pack = pack;
        this.errors = List.copyOf(errors);
    }

    public String pack() {
        return pack;
    }

    public List<CompileError> errors() {
        return errors;
    }
}
