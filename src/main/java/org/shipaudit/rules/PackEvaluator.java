package org.shipaudit.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.time.LocalDate;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.shipaudit.model.AuditContext;
import org.shipaudit.model.ChargeLine;
import org.shipaudit.model.Parcel;
import org.shipaudit.model.TableRow;
import org.shipaudit.findings.Finding;
import org.shipaudit.model.BillableWeightCandidate;
import org.shipaudit.model.SurchargePrediction;

/**
 * Runs one pack over one audit's facts in a pooled session that is always disposed (reset and returned to the pool).
 * Call from a worker thread, never from the event loop.
 */
public final class PackEvaluator {

    /** Far above what any real audit fires (tens of rules), low enough that a looping rule ends in milliseconds. */
    public static final int DEFAULT_FIRING_LIMIT = 10_000;

    private PackEvaluator() {
    }

    public static PackOutcome evaluate(RulePack pack, Collection<?> facts) {
        return evaluate(pack, facts, DEFAULT_FIRING_LIMIT);
    }

    /**
     * Lets a rule fire only if the business date of what it matched is inside its declared effective period (if it
     * has one). One session may judge many packages (an invoice batch runs the weights pack over all of its
     * packages), each with its own date: the date is the matched audit context's, else that of the context a matched
     * package or table row belongs to, else a matched charge line's ship date, else the session's only date.
     */
    private static AgendaFilter effectiveOn(RulePack pack, Collection<?> facts) {
        Map<String, LocalDate> byContext = new HashMap<>();
        for (Object f : facts) {
            if (f instanceof AuditContext c && c.getBusinessDate() != null) {
                byContext.put(c.getKey(), c.getBusinessDate());
            }
        }
        LocalDate only = new HashSet<>(byContext.values()).size() == 1 ? byContext.values().iterator().next() : null;
        return match -> {
            EffectivePeriod p = pack.effectivePeriods().get(match.getRule().getName());
            if (p == null) {
                return true;
            }
            LocalDate date = dateOf(match.getObjects(), byContext);
            date = date != null ? date : only;
            return date == null || p.contains(date);
        };
    }

    private static LocalDate dateOf(List<Object> matched, Map<String, LocalDate> byContext) {
        for (Object o : matched) {
            LocalDate d = null;
            if (o instanceof AuditContext c) {
                d = c.getBusinessDate();
            } else if (o instanceof Parcel parcel) {
                d = byContext.get(parcel.getContextKey());
            } else if (o instanceof TableRow row) {
                d = byContext.get(row.getContextKey());
            } else if (o instanceof ChargeLine line) {
                d = line.shipDate();
            }
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    public static PackOutcome evaluate(RulePack pack, Collection<?> facts, int firingLimit) {
        // dispose() below resets a pooled session and returns it to the pool.
        KieSession session = pack.sessions().newKieSession();
        try {
            for (Object fact : facts) {
                if (pack.factTypes().matches(fact.getClass())) {
                    session.insert(fact);
                }
            }
            int fired = pack.effectivePeriods().isEmpty()
                    ? session.fireAllRules(firingLimit)
                    : session.fireAllRules(effectiveOn(pack, facts), firingLimit);
            if (fired >= firingLimit) {
                throw new RuleLoopException(pack.name(), pack.version(), firingLimit);
            }
            List<Finding> findings = new ArrayList<>();
            List<BillableWeightCandidate> billable = new ArrayList<>();
            List<SurchargePrediction> surcharges = new ArrayList<>();
            for (Object o : session.getObjects()) {
                if (o instanceof Finding f) {
                    findings.add(f.withPack(pack.name(), pack.version()));
                } else if (o instanceof BillableWeightCandidate b) {
                    billable.add(b);
                } else if (o instanceof SurchargePrediction s) {
                    surcharges.add(s);
                }
            }
            return new PackOutcome(pack.name(), pack.version(), findings, billable, surcharges);
        } finally {
            session.dispose();
        }
    }
}
