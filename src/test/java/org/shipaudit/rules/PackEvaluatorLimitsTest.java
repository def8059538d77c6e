package org.shipaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shipaudit.model.AuditContext;

/**
 * Every evaluation answers: a rule that loops, inserts without end, runs past the deadline or throws (in its
 * consequence or its constraint) gives a failure naming pack, version, rule and reason, never an exception, and never
 * a message with what the rule built. The misbehaving rules use only constructs a rule may use.
 */
class PackEvaluatorLimitsTest {

    static final String HEADER = """
            package org.shipaudit.rules.limits;
            import java.math.BigDecimal;
            import org.shipaudit.model.AuditContext;
            import org.shipaudit.findings.Severity;
            import org.shipaudit.findings.Category;
            import org.shipaudit.rules.Findings;

            declare Tick
                n : int
            end
            """;

    /** Starts a chain of ticks on the shipment whose key is given; each tick inserts the next, up to 300,000. */
    static final String CHAIN = HEADER + """
            // Source: test
            rule "LIM-001 A chain of ticks"
            when
                AuditContext(key == "CHAIN")
            then
                insert(new Tick(0));
            end

            // Source: test
            rule "LIM-002 Each tick inserts the next"
            when
                $t : Tick(n < 300000)
            then
                insert(new Tick($t.getN() + 1));
            end

            // Source: test
            rule "LIM-003 A consequence divides by zero on shipment DIV"
            when
                $c : AuditContext(key == "DIV")
            then
                Findings.raise(drools, Severity.INFO, Category.DATA, "shipment",
                        "ratio " + BigDecimal.ONE.divide(BigDecimal.ZERO)).insert();
            end

            // Source: test
            rule "LIM-004 A constraint reads past the end of a short key"
            when
                $c : AuditContext(key.startsWith("SUB"), key.substring(50) == "x")
            then
                Findings.raise(drools, Severity.INFO, Category.DATA, "shipment", "never").insert();
            end

            // Source: test
            rule "LIM-005 A consequence builds a message that would leak"
            when
                $c : AuditContext(key == "LEAK")
            then
                Findings.raise(drools, Severity.INFO, Category.DATA, "shipment",
                        "n " + Integer.parseInt("SECRET-" + $c.getKey())).insert();
            end

            // Source: test
            rule "LIM-006 Every other shipment is noted"
            when
                $c : AuditContext(key == "OK")
            then
                Findings.raise(drools, Severity.INFO, Category.DATA, "shipment", "noted").insert();
            end
            """;

    static RulePack pack;

    @BeforeAll
    static void compile() {
        pack = RulePackCompiler.compile(RulePackCompilerTest.pack(Map.of("drl/limits.drl", CHAIN)));
    }

    static List<Object> shipment(String key) {
        return List.of(new AuditContext(key, LocalDate.of(2026, 1, 5), "UPS", "GROUND", "US", "US"));
    }

    static final EvaluationLimits ROOMY = new EvaluationLimits(1_000_000, 1_000_000, Duration.ofSeconds(30));

    @Test
    void stopsARuleThatTriggersItselfAtTheFiringLimit() {
        PackFailure f = PackEvaluator.evaluate(pack, shipment("CHAIN"),
                new EvaluationLimits(500, 1_000_000, Duration.ofSeconds(30))).failure();
        assertEquals(PackFailure.Reason.FIRING_LIMIT, f.reason());
        assertEquals("LIM-002", f.ruleId());
        assertEquals("test", f.pack());
        assertEquals("7", f.version());
        assertEquals("pack test could not judge this shipment: rule LIM-002 hit the firing limit",
                f.describe("this shipment"));
    }

    @Test
    void stopsARuleThatInsertsTooManyFactsAtTheInsertLimit() {
        PackOutcome o = PackEvaluator.evaluate(pack, shipment("CHAIN"),
                new EvaluationLimits(1_000_000, 100, Duration.ofSeconds(30)));
        assertTrue(o.failed());
        assertEquals(PackFailure.Reason.INSERT_LIMIT, o.failure().reason());
        assertEquals("LIM-002", o.failure().ruleId());
        assertTrue(o.findings().isEmpty(), "a half-finished evaluation's findings are not kept");
    }

    @Test
    void haltsAnEvaluationPastItsDeadline() {
        // Warm first, so the deadline falls while the chain fires, not while a cold session is being set up.
        PackEvaluator.evaluate(pack, shipment("CHAIN"), new EvaluationLimits(5_000, 1_000_000, Duration.ofSeconds(30)));
        long start = System.nanoTime();
        PackFailure f = PackEvaluator.evaluate(pack, shipment("CHAIN"),
                new EvaluationLimits(1_000_000, 1_000_000, Duration.ofMillis(20))).failure();
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(PackFailure.Reason.DEADLINE, f.reason(), "the chain of 300,000 ticks ran to its end");
        // On a loaded machine the deadline can pass before the first firing (while facts are inserted); then no rule
        // is named. When one is, it is the chain's.
        assertTrue(f.ruleId() == null || f.ruleId().equals("LIM-002"), "named " + f.ruleId());
        // The chain runs for a good fraction of a second at least; the halt must end it long before.
        assertTrue(tookMs < 5_000, "halted after " + tookMs + " ms");
    }

    @Test
    void reportsAThrowingConsequenceByRuleAndExceptionType() {
        PackFailure f = PackEvaluator.evaluate(pack, shipment("DIV"), ROOMY).failure();
        assertEquals(PackFailure.Reason.THREW, f.reason());
        assertEquals("LIM-003", f.ruleId());
        assertEquals("ArithmeticException", f.exceptionType());
        assertEquals("pack test could not judge this shipment: rule LIM-003 threw ArithmeticException",
                f.describe("this shipment"));
    }

    @Test
    void reportsAThrowingConstraintByRuleAndExceptionType() {
        PackFailure f = PackEvaluator.evaluate(pack, shipment("SUB-1"), ROOMY).failure();
        assertEquals(PackFailure.Reason.THREW, f.reason());
        assertEquals("LIM-004", f.ruleId());
        assertEquals("StringIndexOutOfBoundsException", f.exceptionType());
    }

    @Test
    void neverCarriesTheExceptionMessageWhichMayHoldWhatTheRuleBuilt() {
        PackFailure f = PackEvaluator.evaluate(pack, shipment("LEAK"), ROOMY).failure();
        assertEquals("NumberFormatException", f.exceptionType());
        assertEquals("LIM-005", f.ruleId());
        assertFalse(f.toString().contains("SECRET"), f.toString());
    }

    @Test
    void aFailedEvaluationLeavesThePackReadyForTheNext() {
        for (String key : List.of("CHAIN", "DIV", "SUB-1")) {
            assertTrue(PackEvaluator.evaluate(pack, shipment(key),
                    new EvaluationLimits(200, 1_000_000, Duration.ofSeconds(30))).failed(), key);
            PackOutcome next = PackEvaluator.evaluate(pack, shipment("OK"), EvaluationLimits.PRESHIP);
            assertNull(next.failure(), "after " + key);
            assertEquals(List.of("LIM-006"), next.findings().stream().map(x -> x.ruleId()).toList(), "after " + key);
        }
    }

    static String scenario(String id, String rule) {
        return "description: x\ngiven:\n  shipment:\n    id: " + id + "\n    shipDate: \"2026-02-01\"\n"
                + "    carrier: UPS\n    service: GROUND\n    shipFrom: {country: US}\n    shipTo: {country: US}\n"
                + "    packages:\n      - {id: P1}\nexpect:\n  - {rule: " + rule + "}\n";
    }

    @Test
    void validateReportsAFailingScenarioByRuleAndExceptionTypeOnly() {
        PackFiles candidate = RulePackCompilerTest.pack(Map.of("drl/limits.drl", CHAIN,
                "scenarios/LIM-005-leak.fires.yaml", scenario("LEAK", "LIM-005"),
                "scenarios/LIM-002-chain.fires.yaml", scenario("CHAIN", "LIM-002")));
        ValidationReport report = PackValidator.validate(candidate).report();
        assertFalse(report.valid());
        Map<String, List<String>> reasons = new java.util.TreeMap<>();
        report.scenarios().failures().forEach(f -> reasons.put(f.file(), f.reasons()));
        assertEquals(List.of("evaluation failed: rule LIM-005 threw NumberFormatException"),
                reasons.get("scenarios/LIM-005-leak.fires.yaml"), reasons::toString);
        assertEquals(List.of("evaluation failed: rule LIM-002 hit the firing limit"),
                reasons.get("scenarios/LIM-002-chain.fires.yaml"), reasons::toString);
    }

    @Test
    void logsAFailingRuleAtMostOncePerMinuteAndCountsEveryFailure() {
        AtomicLong now = new AtomicLong(0);
        PackFailures failures = new PackFailures(now::get);
        AtomicLong counted = new AtomicLong();
        failures.onFailure(f -> counted.incrementAndGet());
        PackFailure f = new PackFailure("trade", "3", "TRD-003 x", "TRD-003", PackFailure.Reason.THREW,
                "ArithmeticException");
        PackFailure other = new PackFailure("trade", "3", "TRD-004 y", "TRD-004", PackFailure.Reason.THREW,
                "ArithmeticException");
        assertTrue(failures.record(f, "shipment S-1"));
        now.set(30_000_000_000L);
        assertFalse(failures.record(f, "shipment S-2"), "30 s later: still in the minute");
        assertTrue(failures.record(other, "shipment S-2"), "another rule has its own minute");
        now.set(61_000_000_000L);
        assertTrue(failures.record(f, "shipment S-3"), "a minute after the first log line");
        assertEquals(4, counted.get());
    }
}
