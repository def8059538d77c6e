package org.shipaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.shipaudit.model.AuditContext;

class RulePackCompilerTest {

    static final String MANIFEST = "name: test\nversion: \"7\"\n";

    static PackFiles pack(Map<String, String> text) {
        Map<String, byte[]> files = new TreeMap<>();
        files.put("pack.yaml", MANIFEST.getBytes(StandardCharsets.UTF_8));
        text.forEach((k, v) -> files.put(k, v.getBytes(StandardCharsets.UTF_8)));
        return new PackFiles("test", files);
    }

    static final String HEADER = """
            package org.shipaudit.rules.test;
            import org.shipaudit.model.AuditContext;
            import org.shipaudit.findings.Severity;
            import org.shipaudit.findings.Category;
            import org.shipaudit.rules.Findings;
            """;

    @Test
    void reportsATypeErrorWithItsFileAndLine() {
        String drl = HEADER + """
                rule "TST-001 Broken"
                when
                    $c : AuditContext( carrierr == "UPS" )
                then
                end
                """;
        RulePackException e = assertThrows(RulePackException.class,
                () -> RulePackCompiler.compile(pack(Map.of("drl/broken.drl", drl))));
        CompileError err = e.errors().get(0);
        assertEquals("drl/broken.drl", err.file());
        assertEquals(8, err.line(), () -> "line of the bad constraint: " + err);
        assertTrue(err.message().contains("carrierr"), err::message);
    }

    @Test
    void reportsASyntaxErrorWithItsLine() {
        String drl = HEADER + "rule \"TST-001 Broken\"\nwhen\n    $c : AuditContext( \nthen\nend\n";
        RulePackException e = assertThrows(RulePackException.class,
                () -> RulePackCompiler.compile(pack(Map.of("drl/syntax.drl", drl))));
        assertEquals("drl/syntax.drl", e.errors().get(0).file());
        assertTrue(e.errors().get(0).line() >= 7, () -> e.errors().toString());
    }

    @Test
    void refusesRulesThatExitOrDoIo() {
        String drl = HEADER + """
                rule "TST-002 Exits"
                when
                    AuditContext()
                then
                    System.exit(1);
                end
                rule "TST-003 Reads"
                when
                    AuditContext()
                then
                    java.nio.file.Files.readString(java.nio.file.Path.of("/etc/passwd"));
                end
                """;
        RulePackException e = assertThrows(RulePackException.class,
                () -> RulePackCompiler.compile(pack(Map.of("drl/evil.drl", drl))));
        assertEquals(2, e.errors().stream().filter(x -> !x.message().contains("Source:")).count(),
                e.errors()::toString);
        assertEquals(10, e.errors().get(0).line());
        assertTrue(e.errors().get(0).message().contains("'exit' is not allowed"), e.errors()::toString);
        assertEquals(16, e.errors().get(1).line());
        assertTrue(e.errors().get(1).message().contains("'readString(...)' is not allow-listed"), e.errors()::toString);
    }

    // move.sh:keep-old-names (this test names moved classes by their old names on purpose)
    @Test
    void compilesAPackDeployedBeforeTheModelSplitThatImportsAMovedClassByItsOldName() {
        String drl = HEADER + """
                import org.shipaudit.model.Money;
                import org.shipaudit.model.Countries;
                // Source: a test
                rule "TST-004 Context seen"
                when
                    $c : AuditContext( carrier == "UPS" )
                then
                end
                """;
        // Throws if the old names were not read as the new ones (unresolved import, refused by the sandbox).
        RulePackCompiler.compile(pack(Map.of("drl/old.drl", drl)));
        List<String> warnings = MovedModelTypes.warnings("drl/old.drl", drl);
        assertEquals(2, warnings.size(), warnings::toString);
        assertEquals("drl/old.drl:6: org.shipaudit.model.Money is now org.shipaudit.model.api.Money; read as the new "
                + "name, write that in the pack", warnings.get(0));
        assertTrue(warnings.get(1).contains("org.shipaudit.model.lookup.Countries"), warnings.get(1));
        assertTrue(MovedModelTypes.rewrite(drl).contains("import org.shipaudit.model.api.Money;\n"
                + "import org.shipaudit.model.lookup.Countries;\n"), MovedModelTypes.rewrite(drl));
        assertTrue(MovedModelTypes.rewrite("import org.shipaudit.model.ShipmentFacts;").endsWith("model.ShipmentFacts;"),
                "a class that stayed keeps its name");
    }

    @Test
    void refusesAPackWithoutManifestOrRules() {
        RulePackException e = assertThrows(RulePackException.class,
                () -> RulePackCompiler.compile(new PackFiles("empty", Map.of())));
        assertTrue(e.errors().stream().anyMatch(x -> x.file().equals("pack.yaml")));
        assertTrue(e.errors().stream().anyMatch(x -> x.message().contains("no rules")));
    }

    @Test
    void refusesAnUnknownKindOrRoleInPackYamlNamingIt() {
        Map<String, byte[]> files = new TreeMap<>();
        files.put("pack.yaml", "name: test\nappliesTo: [invoices, parcels]\nroles: [invoice-expectations, pricing]\n"
                .getBytes(StandardCharsets.UTF_8));
        files.put("drl/ok.drl", (HEADER + "rule \"TST-001 Fine\"\nwhen\n    AuditContext()\nthen\nend\n")
                .getBytes(StandardCharsets.UTF_8));
        RulePackException e = assertThrows(RulePackException.class,
                () -> RulePackCompiler.compile(new PackFiles("test", files)));
        assertTrue(e.errors().stream().anyMatch(x -> x.file().equals("pack.yaml")
                && x.message().equals("appliesTo: 'parcels' is not one of shipments, invoices, chargebacks, catalog")), e::toString);
        assertTrue(e.errors().stream().anyMatch(x -> x.file().equals("pack.yaml")
                && x.message().equals("roles: 'pricing' is not one of invoice-expectations")), e::toString);
    }

    @Test
    void theWeightsPackDeclaresTheRoleTheInvoiceAuditFindsItBy() {
        RulePack weights = RulePackCompiler.compile(PackFiles.read(java.nio.file.Path.of("rules/weights")));
        assertTrue(weights.manifest().plays(PackRole.INVOICE_EXPECTATIONS));
        assertEquals(List.of(org.shipaudit.model.AuditKind.SHIPMENTS), weights.manifest().appliesTo());
    }

    @Test
    void refusesADecisionTableWithAWrongHeader() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("t");
            Row r = s.createRow(0);
            r.createCell(1).setCellValue("RuleSet");
            r.createCell(2).setCellValue("org.shipaudit.rules.test");
            Row t = s.createRow(2);
            t.createCell(1).setCellValue("RuleTable Limits");
            Row kw = s.createRow(3);
            kw.createCell(1).setCellValue("BOGUS");
            kw.createCell(2).setCellValue("ACTION");
            wb.write(out);
        }
        Map<String, byte[]> files = new TreeMap<>();
        files.put("pack.yaml", MANIFEST.getBytes(StandardCharsets.UTF_8));
        files.put("tables/limits.xlsx", out.toByteArray());
        RulePackException e = assertThrows(RulePackException.class,
                () -> RulePackCompiler.compile(new PackFiles("test", files)));
        assertEquals("tables/limits.xlsx", e.errors().get(0).file(), e.errors()::toString);
        assertTrue(e.errors().get(0).message().contains("empty rule"), e.errors()::toString);
    }

    @Test
    void pointsAtTheSpreadsheetRowOfABadTableCell() throws Exception {
        java.nio.file.Path weights = java.nio.file.Path.of("rules/weights");
        PackFiles good = PackFiles.read(weights);
        Map<String, byte[]> files = new TreeMap<>(good.files());
        // A carrier-limits row whose weight cell holds text: the generated Java does not compile.
        try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(files.get("tables/carrier-limits.xlsx")))) {
            wb.getSheetAt(0).getRow(10).getCell(6).setCellValue("heavy");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            files.put("tables/carrier-limits.xlsx", out.toByteArray());
        }
        RulePackException e = assertThrows(RulePackException.class,
                () -> RulePackCompiler.compile(new PackFiles("weights", files)));
        CompileError err = e.errors().get(0);
        assertEquals("tables/carrier-limits.xlsx", err.file(), e.errors()::toString);
        assertEquals(11, err.line(), e.errors()::toString);
        assertTrue(err.message().startsWith("sheet 'Carrier limits' row B11:"), err::message);
        assertEquals("Carrier limits", err.sheet());
        assertEquals(11, err.row());
    }

    @Test
    void keepsTheDrlADecisionTableCompilesTo() throws Exception {
        RulePack weights = RulePackCompiler.compile(PackFiles.read(java.nio.file.Path.of("rules/weights")));
        String drl = weights.generatedDrl().get("tables/carrier-limits.xlsx");
        assertTrue(drl.contains("rule \"Limits: UPS, all services\""), drl);
        assertTrue(drl.contains("limit.setMaxWeightLb(150)"), drl);
    }

    @Test
    void stopsARuleThatLoopsAtTheFiringLimit() {
        String drl = HEADER + """
                declare Tick
                    n : int
                end
                // Source: test
                rule "Loop forever"
                when
                    $t : Tick()
                then
                    insert(new Tick());
                end
                // Source: test
                rule "Start"
                when
                    AuditContext()
                then
                    insert(new Tick());
                end
                """;
        RulePack pack = RulePackCompiler.compile(pack(Map.of("drl/loop.drl", drl)));
        AuditContext ctx = new AuditContext("S", java.time.LocalDate.of(2026, 1, 1), "UPS", "GROUND", "US", "US");
        PackOutcome outcome = PackEvaluator.evaluate(pack, List.of(ctx),
                new EvaluationLimits(500, 100_000, java.time.Duration.ofSeconds(10)));
        assertEquals(PackFailure.Reason.FIRING_LIMIT, outcome.failure().reason());
        assertEquals("Loop forever", outcome.failure().rule());
    }

    @Test
    void stampsFindingsWithThePackNameAndVersion() {
        String drl = HEADER + """
                // Source: test
                rule "TST-009 Every context is noted"
                when
                    $c : AuditContext()
                then
                    Findings.raise(drools, Severity.INFO, Category.DATA, "shipment", "noted").insert();
                end
                """;
        RulePack pack = RulePackCompiler.compile(pack(Map.of("drl/note.drl", drl)));
        AuditContext ctx = new AuditContext("S", java.time.LocalDate.of(2026, 1, 1), "UPS", "GROUND", "US", "US");
        var f = PackEvaluator.evaluate(pack, List.of(ctx)).findings().get(0);
        assertEquals("TST-009", f.ruleId());
        assertEquals("test", f.pack());
        assertEquals("7", f.packVersion());
        assertEquals("test", pack.findingRules().get(0).source());
    }
}
