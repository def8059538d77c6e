package org.shipaudit.sheets;

import org.shipaudit.csv.CsvWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.shipaudit.findings.Finding;

/**
 * Writes findings as CSV ({@code GET /v1/jobs/{id}/findings?format=csv}), one line per finding. Columns:
 * {@code rule_id, pack, pack_version, category, severity, subject, row, message, amount, currency, suggestion,
 * evidence}; {@code row} is the sheet row the finding is about ({@link Finding#row}) and {@code evidence} the evidence map as
 * {@code key=value} pairs joined by {@code "; "}. Guarded against formula injection like every CSV we write.
 * Not thread-safe.
 */
public final class FindingsCsvWriter implements Closeable {

    public static final List<String> COLUMNS = List.of("rule_id", "pack", "pack_version", "category", "severity",
            "subject", "row", "message", "amount", "currency", "suggestion", "evidence");

    private final CsvWriter csv;

    public FindingsCsvWriter(Writer out) throws IOException {
        this.csv = new CsvWriter(out);
        csv.row(COLUMNS);
    }

    public void write(Finding f) throws IOException {
        List<String> row = new ArrayList<>(COLUMNS.size());
        long sheetRow = f.rowNumber();
        row.add(f.ruleId());
        row.add(f.pack());
        row.add(f.packVersion());
        row.add(f.category() == null ? null : f.category().name());
        row.add(f.severity() == null ? null : f.severity().name());
        row.add(f.subject());
        row.add(sheetRow < 0 ? null : Long.toString(sheetRow));
        row.add(f.message());
        row.add(f.amount() == null || f.amount().amount() == null ? null : f.amount().amount().toPlainString());
        row.add(f.amount() == null ? null : f.amount().currency());
        row.add(f.suggestion());
        StringBuilder evidence = new StringBuilder();
        for (Map.Entry<String, String> e : f.evidence().entrySet()) {
            if (evidence.length() > 0) {
                evidence.append("; ");
            }
            evidence.append(e.getKey()).append('=').append(e.getValue());
        }
        row.add(evidence.toString());
        csv.row(row);
    }

    public void writeAll(Iterable<Finding> findings) throws IOException {
        for (Finding f : findings) {
            write(f);
        }
    }

    public void flush() throws IOException {
        csv.flush();
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
