package org.shipaudit.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;
import org.shipaudit.model.AuditContext;
import org.shipaudit.process.Causes;
import org.shipaudit.model.ChargeLine;
import org.shipaudit.model.Parcel;
import org.shipaudit.model.TableRow;
import org.shipaudit.findings.Finding;
import org.shipaudit.model.BillableWeightCandidate;
import org.shipaudit.model.SurchargePrediction;
import org.slf4j.LoggerFactory;

/**
 * Runs one pack over one audit's facts in a pooled session, within {@link EvaluationLimits} (firings, facts inserted
 * by rules, a wall-clock deadline), and answers a {@link PackOutcome} whatever the rules do: an exception or a limit
 * becomes a {@link PackFailure}, never a thrown exception. Call from a worker thread, never from the event loop.
 */
public final class PackEvaluator {

    private PackEvaluator() {
    }

    /** Runs the pack within the pre-ship limits (see {@link EvaluationLimits#PRESHIP}). */
    public static PackOutcome evaluate(RulePack pack, Collection<?> facts) {
        return evaluate(pack, facts, EvaluationLimits.PRESHIP);
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

    /**
     * Runs the pack within {@code limits}. Never throws for what the rules do: an exception from a consequence or a
     * constraint, or a limit reached, gives an outcome with only a {@link PackFailure}. A session that failed is
     * destroyed rather than returned to the pool, so nothing of a broken evaluation reaches the next one.
     */
    public static PackOutcome evaluate(RulePack pack, Collection<?> facts, EvaluationLimits limits) {
        List<Object> routed = new ArrayList<>(facts.size());
        for (Object fact : facts) {
            if (pack.factTypes().matches(fact)) {
                routed.add(fact);
            }
        }
        if (routed.isEmpty() && quietAlone(pack, limits)) {
            // Nothing the pack could match: the evaluation would be the one of no facts, known to report nothing.
            return new PackOutcome(pack.name(), pack.version(), List.of(), List.of(), List.of(), null);
        }
        return run(pack, routed, facts, limits);
    }

    /**
     * Whether the pack reports nothing when given no fact (rules that only turn its tables into facts fire, nothing
     * is found), learnt from one such evaluation per compiled pack within the pre-ship limits: then an evaluation of
     * no facts within at least those limits can be answered without a session. A pack whose rules report something
     * from nothing, or that fails so, is always run.
     */
    private static boolean quietAlone(RulePack pack, EvaluationLimits limits) {
        if (limits.firings() < EvaluationLimits.PRESHIP.firings() || limits.inserts() < EvaluationLimits.PRESHIP.inserts()) {
            return false;
        }
        Boolean quiet = pack.factTypes().quietAlone();
        if (quiet == null) {
            PackOutcome alone = run(pack, List.of(), List.of(), EvaluationLimits.PRESHIP);
            quiet = !alone.failed() && alone.findings().isEmpty() && alone.billableWeights().isEmpty()
                    && alone.surcharges().isEmpty();
            pack.factTypes().quietAlone(quiet);
        }
        return quiet;
    }

    /**
     * One evaluation of the facts the pack can match ({@code routed}); {@code given}, all the facts offered, still
     * date the matches (a pack may match packages without matching the audit contexts that date them).
     */
    private static PackOutcome run(RulePack pack, List<Object> routed, Collection<?> given, EvaluationLimits limits) {
        SessionPool.Lease lease = pack.sessions().open();
        KieSession session = lease.session();
        Guard guard = new Guard(session, limits.inserts(), pack.effectivePeriods().isEmpty() ? null
                : effectiveOn(pack, given), System.nanoTime() + limits.deadline().toNanos());
        session.addEventListener(guard);
        RUNNING.add(guard);
        boolean clean = false;
        try {
            for (Object fact : routed) {
                session.insert(fact);
            }
            int fired = guard.expired() ? 0 : session.fireAllRules(guard, limits.firings());
            if (!guard.finish()) {
                return PackOutcome.failed(failure(pack, guard.lastRule, PackFailure.Reason.DEADLINE, null));
            }
            if (fired >= limits.firings()) {
                return PackOutcome.failed(failure(pack, guard.lastRule, PackFailure.Reason.FIRING_LIMIT, null));
            }
            List<Finding> findings = new ArrayList<>();
            List<BillableWeightCandidate> billable = new ArrayList<>();
            List<SurchargePrediction> surcharges = new ArrayList<>();
            for (Object o : session.getObjects()) {
                if (o instanceof Finding f) {
                    // Every finding cites where it comes from: the rule's own source when it set none (API.md).
                    findings.add(f.withPack(pack.name(), pack.version()).withSource(pack.sourceOf(f.ruleId())));
                } else if (o instanceof BillableWeightCandidate b) {
                    billable.add(b);
                } else if (o instanceof SurchargePrediction s) {
                    surcharges.add(s);
                }
            }
            clean = true;
            return new PackOutcome(pack.name(), pack.version(), findings, billable, surcharges, null);
        } catch (Throwable t) {
            // Anything the rules provoke, StackOverflowError of a recursive function included, fails this pack's
            // evaluation only; the session is dropped below, which frees what the rules built.
            return PackOutcome.failed(failureOf(pack, t, guard));
        } finally {
            RUNNING.remove(guard);
            guard.finish();
            session.removeEventListener(guard);
            // Clean: reset and back to the pool; a halted or half-fired session is not reused.
            pack.sessions().close(lease, clean);
        }
    }

    /** The evaluations under way, for the sweeper; adding and removing is far cheaper than a timer per evaluation. */
    private static final Set<Guard> RUNNING = ConcurrentHashMap.newKeySet();

    /** How often the sweeper looks for evaluations past their deadline: a deadline is met within this much. */
    static final long SWEEP_MILLIS = 5;

    /**
     * One daemon thread for the process halts sessions past their deadline: a halt is a flag the firing thread reads,
     * so one thread serves every worker. A sweep every few milliseconds, not a timer per evaluation: scheduling a
     * timer on an idle queue wakes the timer thread each time, a context switch per pack per audit.
     */
    private static final ScheduledExecutorService SWEEPER = sweeper();

    private static ScheduledExecutorService sweeper() {
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "shipaudit-rule-deadlines");
            t.setDaemon(true);
            return t;
        });
        s.scheduleWithFixedDelay(() -> {
            long now = System.nanoTime();
            for (Guard g : RUNNING) {
                if (now - g.deadline > 0) {
                    try {
                        g.expire();
                    } catch (RuntimeException e) {
                        // The session may be ending on its thread meanwhile; a periodic task that throws is never
                        // run again, so no halt may escape.
                        LoggerFactory.getLogger(PackEvaluator.class).debug("halt of an ending session: {}", e.toString());
                    }
                }
            }
        }, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
        return s;
    }

    private static PackFailure failureOf(RulePack pack, Throwable t, Guard guard) {
        if (Causes.find(t, InsertLimitExceeded.class) != null) {
            return failure(pack, guard.insertingRule, PackFailure.Reason.INSERT_LIMIT, null);
        }
        String rule = null;
        org.kie.api.runtime.rule.ConsequenceException kie =
                Causes.find(t, org.kie.api.runtime.rule.ConsequenceException.class);
        org.drools.base.rule.consequence.ConsequenceException base =
                Causes.find(t, org.drools.base.rule.consequence.ConsequenceException.class);
        if (kie != null && kie.getRule() != null) {
            rule = kie.getRule().getName();
        } else if (base != null && base.getRule() != null) {
            rule = base.getRule().getName();
        } else {
            // A constraint that throws is reported by a message naming its rule; the name is kept only if it is one
            // of the pack's own rule names, so nothing else of the message (values the rule saw) goes further.
            for (Throwable c = t; c != null && rule == null; c = c.getCause() == c ? null : c.getCause()) {
                rule = ruleNamedIn(pack, c.getMessage());
            }
        }
        if (rule == null) {
            rule = guard.lastRule;
        }
        Throwable root = Causes.root(t);
        PackFailure f = failure(pack, rule, PackFailure.Reason.THREW, root.getClass().getSimpleName());
        return new PackFailure(f.pack(), f.version(), f.rule(), f.ruleId(), f.reason(), f.exceptionType(),
                ConsequenceLines.of(pack, rule, t));
    }

    private static final Pattern RULE_IN_MESSAGE = Pattern.compile("[Rr]ule \"([^\"]+)\"");

    private static String ruleNamedIn(RulePack pack, String message) {
        if (message == null) {
            return null;
        }
        Matcher m = RULE_IN_MESSAGE.matcher(message);
        while (m.find()) {
            String name = m.group(1);
            if (pack.rules().stream().anyMatch(r -> r.name().equals(name))) {
                return name;
            }
        }
        return null;
    }

    private static PackFailure failure(RulePack pack, String rule, PackFailure.Reason reason, String exceptionType) {
        String id = rule == null ? null : pack.rules().stream().filter(r -> r.name().equals(rule)).findFirst()
                .map(RuleInfo::id).orElse(RuleInfo.of(rule, null, null).id());
        return new PackFailure(pack.name(), pack.version(), rule, id, reason, exceptionType);
    }

    /** Thrown from inside a rule's insert past the limit, so even a consequence inserting many facts stops at once. */
    private static final class InsertLimitExceeded extends RuntimeException {
        InsertLimitExceeded() {
            super("insert limit", null, false, false);
        }
    }

    /**
     * The limits of one evaluation as the engine sees them: an agenda filter (effective dates; notes the rule about to
     * fire; lets nothing fire past the deadline) and an insert counter. Used by the evaluating thread, except
     * {@link #expire}, called by the deadline thread.
     */
    private static final class Guard extends DefaultRuleRuntimeEventListener implements AgendaFilter {
        private static final int FIRING = 0;
        private static final int DONE = 1;
        private static final int EXPIRED = 2;

        private final KieSession session;
        private final int insertLimit;
        private final AgendaFilter dates;
        private final AtomicInteger state = new AtomicInteger(FIRING);
        final long deadline;
        private int inserted;
        String lastRule;
        String insertingRule;

        Guard(KieSession session, int insertLimit, AgendaFilter dates, long deadline) {
            this.session = session;
            this.deadline = deadline;
            this.insertLimit = insertLimit;
            this.dates = dates;
        }

        @Override
        public boolean accept(Match match) {
            if (state.get() == EXPIRED) {
                return false; // a halt that came before firing started is not lost
            }
            lastRule = match.getRule().getName();
            return dates == null || dates.accept(match);
        }

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            if (event.getRule() != null && ++inserted > insertLimit) {
                insertingRule = event.getRule().getName();
                throw new InsertLimitExceeded();
            }
        }

        void expire() {
            if (state.compareAndSet(FIRING, EXPIRED)) {
                session.halt();
            }
        }

        boolean expired() {
            return state.get() == EXPIRED;
        }

        /** Ends the evaluation's clock; false if the deadline came first. */
        boolean finish() {
            return state.compareAndSet(FIRING, DONE) || state.get() == DONE;
        }
    }
}
