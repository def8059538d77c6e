package org.shipaudit.sheets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.shipaudit.model.RowError;
import org.shipaudit.model.lookup.ServiceCatalog;

/**
 * Reads typed values from the cells of one row by column index, recording a row error (row, column name, reason)
 * for a value that is present but unreadable. A missing column (index -1) or a blank cell is null, not an error.
 */
final class Cells {
    private final List<String> names;
    private final boolean decimalComma;
    private final Map<String, String> services = new java.util.HashMap<>();
    private long row;
    private List<String> cells;
    private List<RowError> errors;

    Cells(List<String> names, boolean decimalComma) {
        this.names = names;
        this.decimalComma = decimalComma;
    }

    void at(long row, List<String> cells, List<RowError> errors) {
        this.row = row;
        this.cells = cells;
        this.errors = errors;
    }

    String name(int col) {
        return col < names.size() && !names.get(col).isBlank() ? names.get(col) : "column " + (col + 1);
    }

    /** The trimmed text, null when blank or absent. */
    String text(int col) {
        if (col < 0 || col >= cells.size()) {
            return null;
        }
        String s = cells.get(col);
        if (s == null) {
            return null;
        }
        s = s.strip();
        return s.isEmpty() ? null : s;
    }

    BigDecimal amount(int col) {
        String s = text(col);
        if (s == null) {
            return null;
        }
        BigDecimal d = Values.amount(s, decimalComma);
        if (d == null) {
            error(col, "not an amount: '" + clip(s) + "'");
        }
        return d;
    }

    Double number(int col) {
        String s = text(col);
        if (s == null) {
            return null;
        }
        Double d = Values.number(s, decimalComma);
        if (d == null) {
            error(col, "not a number: '" + clip(s) + "'");
        }
        return d;
    }

    LocalDate date(int col) {
        LocalDateTime t = dateTime(col);
        return t == null ? null : t.toLocalDate();
    }

    LocalDateTime dateTime(int col) {
        String s = text(col);
        if (s == null) {
            return null;
        }
        LocalDateTime t = Values.dateTime(s);
        if (t == null) {
            error(col, "not a date: '" + clip(s) + "' (use 2026-11-20, 11/20/2026 or 20-Nov-2026)");
        }
        return t;
    }

    Boolean flag(int col) {
        String s = text(col);
        if (s == null) {
            return null;
        }
        Boolean b = Values.flag(s);
        if (b == null) {
            error(col, "not a yes/no value: '" + clip(s) + "' (use Y or N)");
        }
        return b;
    }

    /** A weight in pounds, the unit read from {@code unitCol} (pounds when absent). */
    Double pounds(int col, int unitCol) {
        Double v = number(col);
        if (v == null) {
            return null;
        }
        Double lb = Values.pounds(v, text(unitCol));
        if (lb == null) {
            error(unitCol, "not a weight unit: '" + clip(text(unitCol)) + "' (use LB or KG)");
        }
        return lb;
    }

    /** A length in inches, the unit read from {@code unitCol} (inches when absent). */
    Double inches(int col, int unitCol) {
        Double v = number(col);
        return v == null ? null : inches(v, unitCol);
    }

    Double inches(double v, int unitCol) {
        Double in = Values.inches(v, text(unitCol));
        if (in == null) {
            error(unitCol, "not a length unit: '" + clip(text(unitCol)) + "' (use IN or CM)");
        }
        return in;
    }

    /** The canonical service code, cached: a sheet uses a handful of service names. */
    String service(String name) {
        if (name == null) {
            return null;
        }
        return services.computeIfAbsent(name, ServiceCatalog::canonical);
    }

    void error(int col, String message) {
        errors.add(new RowError(row, col < 0 ? null : name(col), message));
    }

    void error(String column, String message) {
        errors.add(new RowError(row, column, message));
    }

    private static String clip(String s) {
        return s == null ? "" : s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
