package org.shipaudit.rules;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.parser.DataListener;
import org.shipaudit.findings.Severity;

/**
 * Type-checks, at validate, the decision-table cells that reach the model as text and are parsed only when a rule
 * fires: dates handed to the effective-date helpers ({@code onOrAfter("2026-01-26")}), severities, times and amounts.
 * Numbers, booleans and enum constants are checked by the Java compiler already, since the table pastes them into
 * code. Without this a typo in a row no scenario reaches ({@code 2026-13-45}) would validate, deploy, and then fail
 * every audit that reached the row. Each error names the sheet, row and column of the cell.
 */
final class TableCells {

    /** A call with one string literal argument, as a table template writes it: {@code name("value")}. */
    private static final Pattern CALL = Pattern.compile("\\b([A-Za-z_][A-Za-z0-9_]*)\\(\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** What the spreadsheet compiler writes above each rule: the row's first cell and its RuleTable's cell. */
    private static final Pattern RULE_ROW = Pattern.compile(
            "// rule values at ([A-Z]+)(\\d+)(?:, header at ([A-Z]+)(\\d+))?");

    /** What a string cell must be, by the model method it is handed to. */
    private record Kind(String what, Predicate<String> valid) {
    }

    private static final Kind DATE = new Kind("an ISO date such as 2026-01-26", s -> parses(() -> LocalDate.parse(s.trim())));
    private static final Kind SEVERITY = new Kind("one of INFO, WARN, BLOCK", s -> parses(() -> Severity.valueOf(s)));
    private static final Kind TIME = new Kind("a time such as 10:30", s -> parses(() -> LocalTime.parse(
            s.trim().length() == 4 ? "0" + s.trim() : s.trim())));
    private static final Kind AMOUNT_OR_NONE = new Kind("an amount such as 800 or 1,000.00, or none",
            s -> s.isBlank() || s.trim().equalsIgnoreCase("none")
                    || parses(() -> new BigDecimal(s.trim().replace(",", ""))));
    private static final Kind AMOUNT = new Kind("an amount such as 800.00",
            s -> parses(() -> new BigDecimal(s.trim())));

    private TableCells() {
    }

    private static Kind kindOf(String method) {
        // onOrAfter, onOrBefore and their variants on other facts (shippedOnOrAfter, notifiedOnOrAfter).
        if (method.matches("(?i)([a-z]+On)?onOrAfter|([a-z]+On)?onOrBefore") || method.endsWith("OnOrAfter")
                || method.endsWith("OnOrBefore") || method.equals("setValidFrom") || method.equals("setValidTo")) {
            return DATE;
        }
        return switch (method) {
            case "setSeverity" -> SEVERITY;
            case "setCommitTime" -> TIME;
            case "setDutyFreeUpTo", "setTaxFreeUpTo" -> AMOUNT_OR_NONE;
            case "valueAtMost" -> AMOUNT;
            default -> null;
        };
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Checks the generated DRL of one table.
     *
     * @param table the table's path in the pack
     * @param bytes the workbook, read again for the cell positions (null for CSV: errors then name the row only)
     */
    static void check(String table, String drl, byte[] bytes, List<CompileError> errors) {
        Layout layout = layout(drl, bytes);
        if (!layout.workbook().sheets().isEmpty()) {
            checkSheets(table, layout.workbook(), errors);
        }
        String[] lines = drl.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Layout.Row at = layout.rows[i];
            if (at == null || RULE_ROW.matcher(lines[i]).find()) {
                continue;
            }
            Matcher call = CALL.matcher(lines[i]);
            while (call.find()) {
                Kind kind = kindOf(call.group(1));
                String value = call.group(2);
                if (kind != null && !kind.valid().test(value)) {
                    Cell c = layout.cell(at, value);
                    String column = c == null ? null : column(c.column());
                    String where = (at.sheet() == null ? "" : "sheet '" + at.sheet() + "' ") + (column == null
                            ? "row " + at.firstCell() : "row " + at.row() + " column " + column);
                    errors.add(new CompileError(table, at.row(), where + ": '" + value + "' is not " + kind.what()
                            + " (it goes to " + call.group(1) + ")", at.sheet(), at.row(), column));
                }
            }
        }
    }

    /**
     * An error found in line {@code line} (1-based) of the DRL a table generated, pointed at the sheet and row that
     * generated it; the table itself when the line belongs to no row.
     */
    static CompileError atRow(String table, String drl, byte[] bytes, int line, String message) {
        Layout layout = layout(drl, bytes);
        Layout.Row at = line <= 0 || line > layout.rows.length ? null : layout.rows[line - 1];
        if (at == null) {
            return new CompileError(table, 0, message);
        }
        return new CompileError(table, at.row(), (at.sheet() == null ? "" : "sheet '" + at.sheet() + "' ") + "row "
                + at.firstCell() + ": " + message, at.sheet(), at.row(), null);
    }

    /**
     * Which sheet and row generated each line of a table's DRL. Drools compiles the first sheet of a workbook only,
     * so every generated row is on that sheet; {@link #check} refuses a RuleTable on any other.
     */
    private static Layout layout(String drl, byte[] bytes) {
        Workbook wb = bytes == null ? Workbook.NONE : cells(bytes);
        String sheet = wb.sheets().isEmpty() ? null : wb.sheets().get(0);
        String[] lines = drl.split("\n", -1);
        Layout.Row[] rows = new Layout.Row[lines.length];
        Layout.Row current = null;
        for (int i = 0; i < lines.length; i++) {
            Matcher r = RULE_ROW.matcher(lines[i]);
            if (r.find()) {
                current = new Layout.Row(sheet, Integer.parseInt(r.group(2)), r.group(1) + r.group(2));
            }
            rows[i] = current;
        }
        return new Layout(rows, wb);
    }

    /** The sheet and row of each generated line, and the workbook's cells to find a value's column in. */
    private record Layout(Row[] rows, Workbook workbook) {

        /** One table row: its sheet (null when unknown), its 1-based row number and its first cell ({@code B15}). */
        record Row(String sheet, int row, String firstCell) {
        }

        /** The cell of {@code row} that holds {@code value}, or null. */
        Cell cell(Row row, String value) {
            for (Cell c : workbook.cells()) {
                if (c.row() == row.row() - 1 && Objects.equals(row.sheet(), c.sheet())
                        && (c.value().trim().equals(value.trim()) || c.value().contains(value))) {
                    return c;
                }
            }
            return null;
        }
    }

    private static String column(int index) {
        StringBuilder s = new StringBuilder();
        for (int i = index; i >= 0; i = i / 26 - 1) {
            s.insert(0, (char) ('A' + i % 26));
        }
        return s.toString();
    }

    private record Cell(String sheet, int row, int column, String value) {
    }

    /** A workbook's sheet names in order and the non-empty cells of every sheet. */
    private record Workbook(List<String> sheets, List<Cell> cells) {
        static final Workbook NONE = new Workbook(List.of(), List.of());
    }

    /**
     * Refuses a RuleTable on any sheet but the first: Drools compiles the first sheet only, so such a table would
     * validate and deploy while none of its rows ever became a rule.
     */
    private static void checkSheets(String table, Workbook wb, List<CompileError> errors) {
        for (Cell c : wb.cells()) {
            if (!c.sheet().equals(wb.sheets().get(0)) && isRuleTable(c.value())) {
                errors.add(new CompileError(table, c.row() + 1, "sheet '" + c.sheet() + "' row " + (c.row() + 1)
                        + " column " + column(c.column()) + ": a RuleTable on a sheet other than the first ('"
                        + wb.sheets().get(0) + "') is never compiled: move it to a workbook of its own",
                        c.sheet(), c.row() + 1, column(c.column())));
            }
        }
    }

    private static boolean isRuleTable(String value) {
        return value.trim().toLowerCase(Locale.ROOT).startsWith("ruletable");
    }

    /** Every non-empty cell of every sheet, read through Drools' own table parser, one listener per sheet. */
    private static Workbook cells(byte[] bytes) {
        List<String> sheets = WorkbookSheets.names(bytes);
        List<Cell> cells = new ArrayList<>();
        Map<String, List<DataListener>> listeners = new LinkedHashMap<>();
        for (String sheet : sheets) {
            listeners.put(sheet, List.of(new DataListener() {
                @Override
                public void startSheet(String name) {
                }

                @Override
                public void finishSheet() {
                }

                @Override
                public void newRow(int row, int cols) {
                }

                @Override
                public void newCell(int row, int column, String value, int mergedColStart) {
                    if (value != null && !value.isEmpty()) {
                        cells.add(new Cell(sheet, row, column, value));
                    }
                }
            }));
        }
        if (sheets.isEmpty()) {
            return Workbook.NONE;
        }
        try {
            new ExcelParser(listeners).parseFile(new ByteArrayInputStream(bytes));
        } catch (RuntimeException e) {
            // The table compiled already, so this cannot fail in practice; without positions errors name the row.
            return Workbook.NONE;
        }
        return new Workbook(sheets, cells);
    }
}
