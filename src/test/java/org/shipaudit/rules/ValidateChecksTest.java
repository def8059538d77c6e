package org.shipaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Validate checks what a deploy will meet: sources, table cells parsed at run time, and the allowed constructs. */
class ValidateChecksTest {

    @Test
    void refusesARuleWithoutASourceLineNamingItsLine() {
        String drl = RulePackCompilerTest.HEADER + """
                rule "TST-001 Uncited"
                when
                    AuditContext()
                then
                end
                """;
        RulePackException e = assertThrows(RulePackException.class,
                () -> RulePackCompiler.compile(RulePackCompilerTest.pack(Map.of("drl/uncited.drl", drl))));
        CompileError err = e.errors().get(0);
        assertEquals("drl/uncited.drl", err.file());
        assertEquals(6, err.line());
        assertTrue(err.message().contains("no '// Source:' line"), err::message);
    }

    @Test
    void namesTheLineOfACompileErrorInAConsequence() {
        String drl = RulePackCompilerTest.HEADER + """
                // Source: test
                rule "TST-001 Mistyped"
                when
                    $c : AuditContext()
                then
                    String a = "x";

                    int b = $c.getCarrier();
                end
                """;
        RulePackException e = assertThrows(RulePackException.class,
                () -> RulePackCompiler.compile(RulePackCompilerTest.pack(Map.of("drl/typed.drl", drl))));
        CompileError err = e.errors().get(0);
        assertEquals(13, err.line(), err::toString);
        assertTrue(err.message().contains("cannot convert from String to int"), err::message);
    }

    @Test
    void refusesAnImpossibleDateInATableRowNoScenarioReachesNamingSheetRowAndColumn() throws Exception {
        PackFiles good = PackFiles.read(Path.of("rules/addresses"));
        Map<String, byte[]> files = new TreeMap<>(good.files());
        String table = "tables/carrier-address-restrictions.xlsx";
        String sheet;
        String column;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(files.get(table)))) {
            sheet = wb.getSheetName(0);
            column = breakDate(wb.getSheetAt(0));
            files.put(table, bytes(wb));
        }
        PackValidator.Outcome outcome = PackValidator.validate(new PackFiles("addresses", files));
        assertFalse(outcome.report().valid());
        CompileError err = outcome.report().errors().get(0);
        assertEquals(table, err.file(), outcome.report().errors()::toString);
        assertEquals(15, err.line());
        assertTrue(err.message().contains("sheet '" + sheet + "' row 15 column " + column
                + ": '2026-13-45' is not an ISO date"), err::message);
        assertEquals(new CompileError(table, 15, err.message(), sheet, 15, column), err);
        // The report's JSON carries the cell as fields; a DRL error keeps the contract's three.
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertEquals(json.readTree("{\"file\":\"" + table + "\",\"line\":15,\"message\":" + json.writeValueAsString(
                err.message()) + ",\"sheet\":\"" + sheet + "\",\"row\":15,\"column\":\"" + column + "\"}"),
                json.valueToTree(err));
        assertEquals(json.readTree("{\"file\":\"drl/a.drl\",\"line\":3,\"message\":\"m\"}"),
                json.valueToTree(new CompileError("drl/a.drl", 3, "m")));
    }

    @Test
    void refusesARuleTableOnASecondSheetThatDroolsWouldNeverCompileNamingSheetRowAndColumn() throws Exception {
        PackFiles good = PackFiles.read(Path.of("rules/addresses"));
        Map<String, byte[]> files = new TreeMap<>(good.files());
        String table = "tables/carrier-address-restrictions.xlsx";
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(files.get(table)))) {
            wb.cloneSheet(0);
            wb.setSheetName(1, "Second");
            breakDate(wb.getSheetAt(1));
            files.put(table, bytes(wb));
        }
        PackValidator.Outcome outcome = PackValidator.validate(new PackFiles("addresses", files));
        assertFalse(outcome.report().valid(), "a table Drools drops must not validate");
        List<CompileError> second = outcome.report().errors().stream()
                .filter(e -> "Second".equals(e.sheet())).toList();
        assertEquals(1, second.size(), outcome.report().errors()::toString);
        CompileError err = second.get(0);
        assertEquals(table, err.file());
        assertEquals(5, err.row());
        assertEquals("B", err.column());
        assertTrue(err.message().startsWith("sheet 'Second' row 5 column B: a RuleTable on a sheet other than the "
                + "first"), err::message);
    }

    /** Puts an impossible date in the effective-date cell of row 15; returns the cell's column letters. */
    private static String breakDate(org.apache.poi.ss.usermodel.Sheet sheet) {
        Cell date = null;
        for (Cell c : sheet.getRow(14)) {
            if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                    && c.getStringCellValue().matches("\\d{4}-\\d{2}-\\d{2}")) {
                date = c;
            }
        }
        assertNotNull(date, "row 15 has an effective date");
        date.setCellValue("2026-13-45");
        return org.apache.poi.ss.util.CellReference.convertNumToColString(date.getColumnIndex());
    }

    private static byte[] bytes(XSSFWorkbook wb) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }

    @Test
    void refusesCodeSmuggledIntoATableCellNamingTheRow() throws Exception {
        PackFiles good = PackFiles.read(Path.of("rules/addresses"));
        Map<String, byte[]> files = new TreeMap<>(good.files());
        String table = "tables/carrier-address-restrictions.xlsx";
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(files.get(table)))) {
            Cell severity = null;
            for (Cell c : wb.getSheetAt(0).getRow(14)) {
                if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                        && c.getStringCellValue().equals("BLOCK")) {
                    severity = c;
                }
            }
            assertNotNull(severity, "row 15 has a severity");
            severity.setCellValue("BLOCK\"); System.exit(1); r.setSeverity(\"BLOCK");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            files.put(table, out.toByteArray());
        }
        PackValidator.Outcome outcome = PackValidator.validate(new PackFiles("addresses", files));
        assertFalse(outcome.report().valid());
        CompileError err = outcome.report().errors().get(0);
        assertEquals(table, err.file(), outcome.report().errors()::toString);
        assertEquals(15, err.line());
        assertTrue(err.message().startsWith("sheet 'Carrier address restrictions' row B15: ")
                && err.message().contains("exit"), err::message);
        assertEquals("Carrier address restrictions", err.sheet());
        assertEquals(15, err.row());
    }

    @Test
    void compilesAPackUsingEveryAllowListedConstruct() {
        String drl = RulePackCompilerTest.HEADER + """
                import java.math.BigDecimal;
                import java.math.RoundingMode;
                import java.time.LocalDate;
                import java.time.temporal.ChronoUnit;
                import java.util.List;
                import java.util.TreeSet;
                import org.shipaudit.model.Parcel;
                import function java.lang.Math.max;

                declare Note
                    text : String
                end

                function String label(String carrier, int n) {
                    if (carrier == null) {
                        return "none";
                    }
                    return carrier.trim().toUpperCase() + " x" + max(n, 1);
                }

                // Source: test, a note per context
                rule "Derive a note"
                no-loop
                salience 10
                when
                    $c : AuditContext( carrier != null, carrier matches "U.*", businessDate != null )
                then
                    insertLogical(new Note(label($c.getCarrier(), 2)));
                end

                // Source: test, every allowed construct
                rule "TST-001 Uses every allowed construct"
                when
                    $c : AuditContext( $carrier : carrier in ("UPS", "FEDEX"), onOrAfter("2026-01-01") )
                    $n : Note( text.length() > 0 )
                    not Note( text == "none" )
                    exists AuditContext( service != null || carrier == "UPS" )
                    $all : List( size > 0 ) from collect( Note() )
                    $texts : List() from accumulate( Note( $t : text ), collectList( $t ) )
                    eval( $texts.size() >= 1 )
                then
                    BigDecimal amount = BigDecimal.valueOf(12.345).setScale(2, RoundingMode.HALF_UP)
                            .add(BigDecimal.ONE).max(BigDecimal.ZERO);
                    LocalDate due = $c.getBusinessDate().plusDays(30);
                    long days = ChronoUnit.DAYS.between($c.getBusinessDate(), due);
                    double up = Math.ceil(2.1) + Math.abs(-1) + Integer.parseInt("3");
                    String sorted = String.join(", ", new TreeSet<String>($texts));
                    String kind = $carrier.equals("UPS") ? "ups" : "other";
                    if (days > 10 && up > 0 && !$all.isEmpty()) {
                        kind = kind + days;
                    }
                    Findings.raise(drools, Severity.valueOf("INFO"), Category.DATA, "shipment",
                            drools.getRule().getName() + " " + sorted + " " + kind)
                        .evidence("amount", amount)
                        .evidence("due", due)
                        .suggestion(Findings.num(amount))
                        .insert();
                end
                """;
        RulePack pack = RulePackCompiler.compile(RulePackCompilerTest.pack(Map.of("drl/allowed.drl", drl)));
        var ctx = new org.shipaudit.model.AuditContext("S", java.time.LocalDate.of(2026, 1, 5), "UPS", "GROUND",
                "US", "US");
        var findings = PackEvaluator.evaluate(pack, java.util.List.of(ctx)).findings();
        assertEquals(1, findings.size(), findings::toString);
        assertTrue(findings.get(0).message().contains("UPS x2"), findings.get(0)::message);
    }
}
