package org.shipaudit.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.audit.ChargebackAuditor;
import org.shipaudit.model.AuditKind;
import org.shipaudit.model.RowError;
import org.shipaudit.rules.RulePackRegistry;
import org.shipaudit.sheets.InvoiceSheetReader;
import org.shipaudit.store.Database;


class ChargebackJobProcessorTest {

    @TempDir
    static Path dir;
    static Database db;
    static JobStore store;
    static ChargebackJobProcessor processor;

    @BeforeAll
    static void open() {
        db = Database.open(dir.resolve("db"));
        store = new JobStore(db);
        processor = new ChargebackJobProcessor(new ChargebackAuditor(RulePackRegistry.load(Path.of("rules"))),
                InvoiceSheetReader.DEFAULT_MAX_BYTES);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /** Runs a job created at {@code createdAt} over {@code csv}, resuming after {@code lastRow}; findings by row. */
    static Map<Long, List<String>> run(String id, String csv, Instant createdAt, long lastRow) throws Exception {
        Path file = dir.resolve(id + ".csv");
        Files.writeString(file, csv);
        Job job = JobBuilder.running(id, AuditKind.CHARGEBACKS.id()).file("cb.csv", file.toString()).at(createdAt)
                .lastRow(lastRow).build();
        store.insert(job, "", Files.size(file), "test");
        processor.process(new JobRun(job, store, row -> { }));
        Map<Long, List<String>> byRow = new TreeMap<>();
        store.findings(id, f -> byRow.computeIfAbsent(f.row(), r -> new ArrayList<>()).add(f.finding().ruleId() + " "
                + f.finding().evidence().get("claimDeadline")));
        return byRow;
    }

    static final String HEADER = "retailer,chargeback_code,po_number,amount,notification_date,dispute_attempts\n";

    @Test
    void recordsEachRowOfABatchItsPackCouldNotJudgeAsARowErrorAndGoesOn() throws Exception {
        Path pack = dir.resolve("fragile-rules/fragile");
        Files.createDirectories(pack.resolve("drl"));
        Files.writeString(pack.resolve("pack.yaml"), "name: fragile\nversion: \"1\"\nappliesTo: [chargebacks]\n");
        Files.writeString(pack.resolve("drl/fragile.drl"), """
                package org.shipaudit.rules.fragile;
                import java.math.BigDecimal;
                import org.shipaudit.model.Chargeback;
                import org.shipaudit.findings.Severity;
                import org.shipaudit.findings.Category;
                import org.shipaudit.rules.Findings;

                // Source: test
                rule "FRG-010 A ratio that divides by zero on PO-BOOM"
                when
                    $c : Chargeback(poNumber == "PO-BOOM")
                then
                    Findings.raise(drools, Severity.WARN, Category.CHARGEBACK, $c.subject(),
                            "ratio " + BigDecimal.ONE.divide(BigDecimal.ZERO)).insert();
                end
                """);
        ChargebackJobProcessor fragile = new ChargebackJobProcessor(new ChargebackAuditor(
                RulePackRegistry.load(dir.resolve("fragile-rules"))), InvoiceSheetReader.DEFAULT_MAX_BYTES);
        Path file = dir.resolve("j-fragile.csv");
        Files.writeString(file, HEADER + "AMAZON,PRC-SHORT,PO-1,150.00,2025-02-20,0\n"
                + "AMAZON,PRC-SHORT,PO-BOOM,150.00,2025-02-20,0\n");
        Instant at = Instant.parse("2025-03-01T16:00:00Z");
        Job job = JobBuilder.running("j-fragile", AuditKind.CHARGEBACKS.id()).file("cb.csv", file.toString()).at(at).build();
        store.insert(job, "", Files.size(file), "test");
        fragile.process(new JobRun(job, store, row -> { }));
        Job done = store.get("j-fragile").orElseThrow();
        assertEquals(2, done.rowsDone());
        assertEquals(List.of(
                new RowError(2, null, "pack fragile could not judge this row: rule FRG-010 threw ArithmeticException"),
                new RowError(3, null, "pack fragile could not judge this row: rule FRG-010 threw ArithmeticException")),
                done.errors());
    }

    @Test
    void judgesDeadlinesOnTheDayTheJobWasSubmittedNotOnTheClock() throws Exception {
        Map<Long, List<String>> found = run("j-dates", HEADER
                + "AMAZON,PRC-SHORT,PO-1,150.00,2025-02-20,0\n"
                + "AMAZON,PRC-SHORT,PO-2,150.00,2025-01-15,0\n", Instant.parse("2025-03-01T16:00:00Z"), 0);
        assertEquals(Map.of(
                2L, List.of("RCB-001 2025-03-22"),     // 21 days left on 2025-03-01, whatever day the test runs
                3L, List.of("RCB-002 2025-02-14")),    // closed two weeks before
                found);
    }

    @Test
    void aResumedJobFindsADuplicateOfARowCommittedBeforeTheRestart() throws Exception {
        Map<Long, List<String>> found = run("j-resume", HEADER
                + "AMAZON,PRC-SHORT,PO-1,150.00,2025-02-20,0\n"
                + "AMAZON,ASN,PO-1,40.00,2025-02-20,0\n"
                + "AMAZON,PRC-SHORT,PO-1,150.00,2025-02-25,0\n", Instant.parse("2025-03-01T16:00:00Z"), 3);
        assertEquals(Map.of(4L, List.of("RCB-006 2025-03-27")), found,
                "rows 2 and 3 were committed by the first attempt; row 4 repeats row 2");
        assertEquals(1, store.get("j-resume").orElseThrow().rowsDone());
    }

    @Test
    void refusesAnInvoiceProfile() {
        JobRefused e = assertThrows(JobRefused.class, () -> processor.precheck(dir, "generic"));
        assertEquals(400, e.status());
    }
}
