package org.shipaudit.findings;

import java.util.Collection;

/** The overall answer of an audit: BLOCK if any finding blocks, else WARN if any warns, else PASS. */
public enum Verdict {
    PASS, WARN, BLOCK;

    public static Verdict of(Collection<Finding> findings) {
        Verdict verdict = PASS;
        for (Finding f : findings) {
            if (f.severity() == Severity.BLOCK) {
                return BLOCK;
            }
            if (f.severity() == Severity.WARN) {
                verdict = WARN;
            }
        }
        return verdict;
    }
}
