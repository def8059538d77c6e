package org.shipaudit.rules;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private static final Pattern RULE_ROW = Pattern.compile("// rule values at ([A-Z]+)(\\d+)");

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
                || method.endsWith("OnOrBefore")) {
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
        Map<Integer, List<Cell>> rows = bytes == null ? Map.of() : cells(bytes);
        String[] lines = drl.split("\n", -1);
        String rowCell = null;
        for (String line : lines) {
            Matcher r = RULE_ROW.matcher(line);
            if (r.find()) {
                rowCell = r.group(1) + r.group(2);
                continue;
            }
            if (rowCell == null) {
                continue;
            }
            Matcher call = CALL.matcher(line);
            while (call.find()) {
                Kind kind = kindOf(call.group(1));
                String value = call.group(2);
                if (kind != null && !kind.valid().test(value)) {
                    int row = Integer.parseInt(rowCell.replaceAll("[A-Z]", ""));
                    errors.add(new CompileError(table, row, where(rows.get(row - 1), rowCell, value) + ": '" + value
                            + "' is not " + kind.what() + " (it goes to " + call.group(1) + ")"));
                }
            }
        }
    }

    private static String where(List<Cell> row, String rowCell, String value) {
        if (row != null) {
            for (Cell c : row) {
                if (c.value().trim().equals(value.trim()) || c.value().contains(value)) {
                    return (c.sheet() == null ? "" : "sheet '" + c.sheet() + "' ") + "row " + (c.row() + 1)
                            + " column " + column(c.column());
                }
            }
        }
        return "row " + rowCell;
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

    /** Every non-empty cell of the workbook, by zero-based row, read through Drools' own table parser. */
    private static Map<Integer, List<Cell>> cells(byte[] bytes) {
        Map<Integer, List<Cell>> rows = new HashMap<>();
        DataListener listener = new DataListener() {
            private String sheet;

            @Override
            public void startSheet(String name) {
                sheet = name;
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
                    rows.computeIfAbsent(row, k -> new ArrayList<>()).add(new Cell(sheet, row, column, value));
                }
            }
        };
        try {
            new ExcelParser(listener).parseFile(new ByteArrayInputStream(bytes));
        } catch (RuntimeException e) {
            // The table compiled already, so this cannot fail in practice; without positions errors name the row.
            return Map.of();
        }
        return rows;
    }
}
