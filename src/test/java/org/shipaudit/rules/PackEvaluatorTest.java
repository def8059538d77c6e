package org.shipaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.findings.Finding;
import org.shipaudit.model.AuditContext;

/** Effective dates are judged per package when one session judges many (an invoice batch through the weights pack). */
class PackEvaluatorTest {

    @TempDir
    Path dir;

    static final String DRL = """
            package org.shipaudit.rules.dated;
            import org.shipaudit.model.AuditContext;
            import org.shipaudit.findings.Severity;
            import org.shipaudit.findings.Category;
            import org.shipaudit.rules.Findings;

            // Source: test
            rule "DAT-001 Packages shipped from 2026-01-26 are noted"
                @validFrom("2026-01-26")
            when
                $c : AuditContext()
            then
                Findings.raise(drools, Severity.INFO, Category.DATA, $c.getKey(), "noted").insert();
            end
            """;

    static String scenario(String date, boolean fires) {
        return "description: x\ngiven:\n  shipment:\n    id: S\n    shipDate: \"" + date + "\"\n    carrier: UPS\n"
                + "    service: GROUND\n    shipFrom: {country: US}\n    shipTo: {country: US}\n"
                + "    packages:\n      - {id: P1}\n" + (fires ? "expect:\n  - {rule: DAT-001}\n" : "silent: [DAT-001]\n");
    }

    @Test
    void eachPackageOfABatchIsJudgedByItsOwnDate() throws Exception {
        Path p = dir.resolve("rules/dated");
        Files.createDirectories(p.resolve("drl"));
        Files.createDirectories(p.resolve("scenarios"));
        Files.writeString(p.resolve("pack.yaml"), "name: dated\nversion: \"1\"\n");
        Files.writeString(p.resolve("drl/dated.drl"), DRL);
        Files.writeString(p.resolve("scenarios/DAT-001-after.fires.yaml"), scenario("2026-02-01", true));
        Files.writeString(p.resolve("scenarios/DAT-001-before.silent.yaml"), scenario("2026-01-25", false));
        RulePack pack = RulePackRegistry.load(dir.resolve("rules")).snapshot().get("dated");
        List<Object> batch = List.of(
                new AuditContext("1Z-BEFORE", LocalDate.of(2026, 1, 20), "UPS", "GROUND", "US", "US"),
                new AuditContext("1Z-AFTER", LocalDate.of(2026, 2, 2), "UPS", "GROUND", "US", "US"));
        List<String> noted = PackEvaluator.evaluate(pack, batch).findings().stream().map(Finding::subject).toList();
        assertEquals(List.of("1Z-AFTER"), noted, "the first context's date must not decide for the batch");
    }
}
