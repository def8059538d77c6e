package org.shipaudit.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.kie.api.runtime.KieSession;
import org.shipaudit.findings.Finding;
import org.shipaudit.model.BillableWeightCandidate;

/**
 * Runs one pack over one audit's facts in a session from the pack's pool, always disposed (reset and returned). Call
 * from a worker thread, never from the event loop.
 */
public final class PackEvaluator {

    /** Far above what any real audit fires (tens of rules), low enough that a looping rule ends in milliseconds. */
    public static final int DEFAULT_FIRING_LIMIT = 10_000;

    private PackEvaluator() {
    }

    public static PackOutcome evaluate(RulePack pack, Collection<?> facts) {
        return evaluate(pack, facts, DEFAULT_FIRING_LIMIT);
    }

    public static PackOutcome evaluate(RulePack pack, Collection<?> facts, int firingLimit) {
        // dispose() below resets a pooled session and returns it to the pool.
        KieSession session = pack.sessions().newKieSession();
        try {
            for (Object fact : facts) {
                session.insert(fact);
            }
            int fired = session.fireAllRules(firingLimit);
            if (fired >= firingLimit) {
                throw new RuleLoopException(pack.name(), pack.version(), firingLimit);
            }
            List<Finding> findings = new ArrayList<>();
            List<BillableWeightCandidate> billable = new ArrayList<>();
            for (Object o : session.getObjects()) {
                if (o instanceof Finding f) {
                    findings.add(f.withPack(pack.name(), pack.version()));
                } else if (o instanceof BillableWeightCandidate b) {
                    billable.add(b);
                }
            }
            return new PackOutcome(pack.name(), pack.version(), findings, billable);
        } finally {
            session.dispose();
        }
    }
}
