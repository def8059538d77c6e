package org.shipaudit.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds decision-table rows that conflict: two rows of one table that constrain the same columns, agree on every
 * equality, insert the same kind of fact and whose validity periods intersect, so both apply to the same shipment. A row that refines another (a
 * service row under an all-services row) constrains more columns and is not reported: that is intended layering.
 * Works on the DRL the table compiles to, so it needs no spreadsheet code of its own.
 */
final class TableOverlapCheck {

    private static final Pattern RULE = Pattern.compile(
            "// rule values at ([A-Z]+\\d+)[^\\n]*\\n\\s*rule \"([^\"]*)\"\\s*when(.*?)then\\s*([^\\n]*)", Pattern.DOTALL);
    private static final Pattern EQUALS = Pattern.compile("(\\w+)\\s*==\\s*(\"[^\"]*\"|[\\w.]+)");
    private static final Pattern FROM = Pattern.compile("onOrAfter\\(\"([^\"]+)\"\\)");
    private static final Pattern TO = Pattern.compile("onOrBefore\\(\"([^\"]+)\"\\)");

    private TableOverlapCheck() {
    }

    /**
     * @param produces what the row inserts: its first action with literals blanked, so rows that insert different
     *                 kinds of fact (an additional-handling row and a large-package row) never conflict
     */
    record Row(String cell, String name, Map<String, String> equalities, LocalDate from, LocalDate to, String produces) {
        boolean conflictsWith(Row o) {
            return equalities.equals(o.equalities) && produces.equals(o.produces)
                    && (from == null || o.to == null || !o.to.isBefore(from))
                    && (o.from == null || to == null || !to.isBefore(o.from));
        }
    }

    static List<String> warnings(Map<String, String> generatedDrl) {
        List<String> warnings = new ArrayList<>();
        generatedDrl.forEach((table, drl) -> {
            List<Row> rows = new ArrayList<>();
            Matcher m = RULE.matcher(drl);
            while (m.find()) {
                Map<String, String> eq = new LinkedHashMap<>();
                Matcher e = EQUALS.matcher(m.group(3));
                while (e.find()) {
                    eq.put(e.group(1), e.group(2));
                }
                String produces = m.group(4).replaceAll("\"[^\"]*\"", "\"\"").replaceAll("\\b\\d+(\\.\\d+)?\\b", "0");
                rows.add(new Row(m.group(1), m.group(2), eq, date(FROM, m.group(3)), date(TO, m.group(3)), produces));
            }
            for (int i = 0; i < rows.size(); i++) {
                for (int j = i + 1; j < rows.size(); j++) {
                    if (rows.get(i).conflictsWith(rows.get(j))) {
                        warnings.add(table + ": rows " + rows.get(i).cell() + " (\"" + rows.get(i).name() + "\") and "
                                + rows.get(j).cell() + " (\"" + rows.get(j).name() + "\") apply to the same shipments "
                                + rows.get(i).equalities() + " in overlapping periods; rules then use the strictest");
                    }
                }
            }
        });
        return warnings;
    }

    private static LocalDate date(Pattern p, String lhs) {
        Matcher m = p.matcher(lhs);
        try {
            return m.find() ? LocalDate.parse(m.group(1).trim()) : null;
        } catch (java.time.format.DateTimeParseException e) {
            return null; // a bad date is a compile error elsewhere, not an overlap
        }
    }
}
