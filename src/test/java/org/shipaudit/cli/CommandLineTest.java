package org.shipaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.Main;
import org.shipaudit.bench.BenchMain;
import picocli.CommandLine;

/** The commands a user runs, in-process: what they print and how they exit. */
class CommandLineTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        // bench is not in the service's command line: the bench jar's entry point adds it (src/bench/java).
        CommandLine cl = args.length > 0 && "bench".equals(args[0]) ? BenchMain.commandLine() : Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void auditsAJsonLinesFileAndReportsBadLinesByNumber() throws Exception {
        String good = Files.readString(Path.of("src/site/examples/shipment.json")).replaceAll("\\s*\\n\\s*", " ");
        Path file = dir.resolve("shipments.jsonl");
        Files.writeString(file, good + "\n" + "{\"id\": 1}\n" + good + "\n");
        Run r = run("audit", file.toString());
        assertEquals(1, r.code(), "one shipment was invalid");
        String[] lines = r.out().strip().split("\n");
        assertEquals(2, lines.length, r.out());
        assertTrue(lines[0].contains("\"verdict\":\"WARN\"") && lines[0].contains("WGT-020"), lines[0]);
        assertTrue(r.err().contains("line 2: id: must be a string"), r.err());
    }

    @Test
    void auditsAJsonArrayFile() throws Exception {
        String good = Files.readString(Path.of("src/site/examples/shipment.json"));
        Path file = dir.resolve("shipments.json");
        Files.writeString(file, "[" + good + "," + good + "]");
        Run r = run("audit", file.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(2, r.out().strip().split("\n").length);
    }

    @Test
    void testsRulePacksWithAReadableReport() {
        Run r = run("rules", "test", "weights");
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("ok   scenarios/WGT-010-ups-160-lb.fires.yaml"), r.out());
        assertTrue(r.out().strip().endsWith("0 failed"), r.out());
    }

    @Test
    void failsRulesTestForAnUnknownPack() {
        Run r = run("rules", "test", "nosuch");
        assertEquals(1, r.code());
        assertTrue(r.out().contains("no pack 'nosuch'"), r.out());
    }

    @Test
    void stopsWithTheKeyNameOnBadConfiguration() throws Exception {
        Path cfg = dir.resolve("bad.yaml");
        Files.writeString(cfg, "http:\n  port: many\n");
        Run r = run("serve", "--config", cfg.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("'http.port'") && r.err().contains("many"), r.err());
    }

    @Test
    void stopsWithFileAndLineWhenAPackDoesNotCompile() throws Exception {
        Path pack = dir.resolve("rules/broken");
        Files.createDirectories(pack.resolve("drl"));
        Files.writeString(pack.resolve("pack.yaml"), "name: broken\nversion: \"1\"\n");
        Files.writeString(pack.resolve("drl/bad.drl"), "package x;\nrule \"BRK-001 x\"\nwhen\n  Nope()\nthen\nend\n");
        Run r = run("serve", "--rules-dir", dir.resolve("rules").toString(), "--data-dir", dir.resolve("data").toString(),
                "--port", "0");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("drl/bad.drl:4"), r.err());
    }

    @Test
    void auditsAnInvoiceFileOfflineAndSummarisesTheMoneyToRecover() {
        Run r = run("audit-invoices", "--quiet", "src/site/examples/invoice-generic.csv");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(6, lines.length, r.out());
        assertTrue(r.out().contains("\"ruleId\":\"DUP-001\"") && r.out().contains("\"subject\":\"rows[11]\""), r.out());
        assertTrue(r.err().contains("row 12, column charge_amount: not an amount: 'abc'"), r.err());
        assertTrue(r.err().contains("13 rows, 6 findings, 108.30 USD disputable, 1 unreadable rows"), r.err());
    }

    @Test
    void auditInvoicesShowsProgressAgainstTheRowsTotalEndingOnTheSummarysCount() {
        Run r = run("audit-invoices", "src/site/examples/invoice-generic.csv");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("  13 of 13 rows (100.0 %), "), r.err());
        assertTrue(r.err().contains("13 rows, 6 findings"), r.err());
    }

    @Test
    void auditInvoicesWritesTheAnnotatedWorkbookAndTheDisputesWhereAsked() throws Exception {
        Path report = dir.resolve("out/w46-report.xlsx");
        Files.createDirectories(report.getParent());
        Path disputes = dir.resolve("out/w46-disputes.csv");
        Run r = run("audit-invoices", "--quiet", "--out", report.toString(), "--disputes", disputes.toString(),
                "src/site/examples/invoice-generic.csv");
        assertEquals(0, r.code(), r.err());
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(report.toFile())) {
            assertEquals(java.util.List.of("Invoice", "Summary", "Disputes"), java.util.List.of(wb.getSheetName(0),
                    wb.getSheetName(1), wb.getSheetName(2)));
            assertEquals(6, wb.getSheet("Disputes").getLastRowNum(), "one claim per disputable finding");
        }
        java.util.List<String> claims = Files.readAllLines(disputes);
        assertEquals(7, claims.size(), "header and six claims: " + claims);
        assertTrue(Files.notExists(Path.of("src/site/examples/report.xlsx")), "nothing written beside the input file");
    }

    @Test
    void auditsTheExampleChargebacksAsOfADateAndWritesTheClaimsWithTheirDeadlines() throws Exception {
        Path disputes = dir.resolve("disputes.csv");
        Run r = run("audit-chargebacks", "--quiet", "--as-of", "2026-11-20", "--disputes", disputes.toString(),
                "src/site/examples/chargebacks-amazon.csv");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(7, lines.length, r.out());
        assertTrue(r.out().contains("\"ruleId\":\"RCB-006\"") && r.out().contains("\"subject\":\"rows[6]\""), r.out());
        assertTrue(r.err().contains("row 9, column amount: not an amount: 'n/a'"), r.err());
        assertTrue(r.err().contains("8 rows, 7 findings, 1802.50 USD disputable, 1 unreadable rows"), r.err());
        java.util.List<String> claims = Files.readAllLines(disputes);
        assertEquals(5, claims.size(), claims::toString);
        // Sorted by claim deadline, soonest first.
        assertTrue(claims.get(2).contains(",RCB-001,2026-12-09,USD,AMAZON,4500123401,FBA15K2X9ABC"), claims.get(2));
        assertTrue(claims.get(1).contains(",RCB-001,2026-11-23,USD,AMAZON,4500123402,"), claims.get(1));
        assertTrue(claims.get(3).contains(",RCB-006,2026-12-12,USD,AMAZON,4500123401,"), claims.get(3));
        assertTrue(claims.get(4).contains(",RCB-001,2026-12-18,USD,AMAZON,4500123406,"), claims.get(4));
    }

    @Test
    void auditsTheExampleCatalogOfflineWithRowAndColumnOfEachProblem() throws Exception {
        Path report = dir.resolve("catalog.xlsx");
        Run r = run("audit-catalog", "--quiet", "--out", report.toString(), "src/site/examples/catalog-shopify.csv");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"ruleId\":\"CAT-021\"") && r.out().contains("\"subject\":\"rows[9].hsCode\"")
                && r.out().contains("\"column\":\"Variant HS Code\""), r.out());
        assertTrue(r.out().contains("\"ruleId\":\"HAZ-030\""), r.out());
        assertTrue(r.err().contains("row 12, column Variant Grams: not a number: 'about 400'"), r.err());
        assertTrue(r.err().contains("13 rows, ") && r.err().contains(", 2 unreadable rows"), r.err());
        assertTrue(Files.size(report) > 0);
    }

    @Test
    void refusesAnInvoiceFileThatIsNotASpreadsheet() throws Exception {
        Path png = dir.resolve("x.csv");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8});
        Run r = run("audit-invoices", "--quiet", png.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: "), r.err());
    }

    @Test
    void offersHelpOnEveryCommand() {
        for (String[] cmd : new String[][] {{"--help"}, {"serve", "--help"}, {"audit", "--help"},
                {"rules", "test", "--help"}, {"keys", "add", "--help"}, {"keys", "list", "--help"}, {"keys", "revoke", "--help"}, {"audit-invoices", "--help"}, {"audit-chargebacks", "--help"}, {"audit-catalog", "--help"},
                {"rules", "validate", "--help"}, {"reference", "import", "--help"}}) {
            Run r = run(cmd);
            assertEquals(0, r.code(), String.join(" ", cmd));
            assertTrue(r.out().contains("Usage:"), r.out());
        }
    }

    @Test
    void refusesToServeAnonymouslyOnTheNetworkBeforeWritingAnything() throws Exception {
        Path cfg = dir.resolve("open.yaml");
        Files.writeString(cfg, "http:\n  host: 0.0.0.0\n  port: 0\n");
        Path data = dir.resolve("data");
        Run r = run("serve", "--config", cfg.toString(), "--data-dir", data.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("auth.allow-anonymous") && r.err().contains("0.0.0.0"), r.err());
        assertTrue(!Files.exists(data), "nothing was written");
    }

    @Test
    void listsAndRevokesKeysByName() throws Exception {
        Path keys = dir.resolve("keys.yaml");
        Run added = run("keys", "add", "--name", "alice", "--role", "rule-author", "--keys-file", keys.toString());
        assertEquals(0, added.code(), added.err());
        Run list = run("keys", "list", "--keys-file", keys.toString());
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("alice") && list.out().contains("rule-author"), list.out());
        assertTrue(!list.out().contains("sa_") && !list.out().contains(org.shipaudit.auth.ApiKeys.list(keys).get(0)
                .name() + " sa_"), "never the key");
        assertEquals(0, run("keys", "revoke", "alice", "--keys-file", keys.toString()).code());
        assertTrue(!run("keys", "list", "--keys-file", keys.toString()).out().contains("alice"));
        Run unknown = run("keys", "revoke", "alice", "--keys-file", keys.toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("no key named 'alice'"), unknown.err());
    }

    @Test
    void validateRefusesARuleIdAnotherPackOfTheRulesDirectoryHas() throws Exception {
        Path rules = dir.resolve("rules");
        try (var walk = Files.walk(Path.of("rules/weights"))) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path t = rules.resolve("weights").resolve(Path.of("rules/weights").relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        Path extra = dir.resolve("extra");
        Files.createDirectories(extra.resolve("drl"));
        Files.writeString(extra.resolve("pack.yaml"), "name: extra\nversion: \"1\"\n");
        Files.writeString(extra.resolve("drl/borrowed.drl"), """
                package org.shipaudit.rules.extra;
                import org.shipaudit.model.Parcel;
                import org.shipaudit.findings.Severity;
                import org.shipaudit.findings.Category;
                import org.shipaudit.rules.Findings;

                // Source: test
                rule "WGT-010 A borrowed id"
                when
                    $p : Parcel( weightUsable, weightLb > 40 )
                then
                    Findings.raise(drools, Severity.WARN, Category.WEIGHT, $p.getSubject(), "heavy").insert();
                end
                """);
        Run r = run("rules", "validate", extra.toString(), "--rules-dir", rules.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("drl/borrowed.drl:8") && r.out().contains("already belongs to pack 'weights'"),
                r.out());
    }
}
