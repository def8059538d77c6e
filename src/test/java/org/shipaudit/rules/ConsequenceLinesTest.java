package org.shipaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shipaudit.model.AuditContext;

/**
 * A consequence that throws at run time is placed at its own DRL line, not at the rule's first line: in a
 * consequence of several statements, the one that threw.
 */
class ConsequenceLinesTest {

    static final String DRL = PackEvaluatorLimitsTest.HEADER + """
            // Source: test
            rule "CSQ-001 The third statement of a consequence divides by zero"
            when
                $c : AuditContext(key == "THIRD")
            then
                String a = "first";
                String b = a + " second";
                BigDecimal c = BigDecimal.ONE.divide(BigDecimal.ZERO);
                Findings.raise(drools, Severity.INFO, Category.DATA, "shipment", b + c).insert();
            end

            // Source: test
            rule "CSQ-002 A constraint that throws has no consequence line"
            when
                $c : AuditContext(key.startsWith("SUB"), key.substring(50) == "x")
            then
                Findings.raise(drools, Severity.INFO, Category.DATA, "shipment", "never").insert();
            end
            """;

    static RulePack pack;

    @BeforeAll
    static void compile() {
        pack = RulePackCompiler.compile(RulePackCompilerTest.pack(Map.of("drl/consequences.drl", DRL)));
    }

    static PackFailure failure(String key) {
        return PackEvaluator.evaluate(pack, List.of(new AuditContext(key, LocalDate.of(2026, 1, 5), "UPS", "GROUND",
                "US", "US")), new EvaluationLimits(1_000_000, 1_000_000, Duration.ofSeconds(30))).failure();
    }

    static int lineOf(String text) {
        String[] lines = DRL.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text);
    }

    @Test
    void aConsequenceThatThrowsIsPlacedAtTheStatementThatThrew() {
        PackFailure f = failure("THIRD");
        assertEquals(PackFailure.Reason.THREW, f.reason());
        assertEquals("CSQ-001", f.ruleId());
        assertEquals("drl/consequences.drl:" + lineOf("BigDecimal.ONE.divide"), f.at());
        // The message people and tests read stays as it was; the line rides beside it.
        assertEquals("pack test could not judge this shipment: rule CSQ-001 threw ArithmeticException",
                f.describe("this shipment"));
    }

    @Test
    void aConstraintThatThrowsHasNoConsequenceLine() {
        PackFailure f = failure("SUB-1");
        assertEquals("CSQ-002", f.ruleId());
        assertNull(f.at());
    }
}
