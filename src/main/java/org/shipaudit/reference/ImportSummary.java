package org.shipaudit.reference;

import java.time.Duration;
import java.util.Map;

/**
 * What one import did: rows read from the file, documents indexed, rows skipped by reason (reason -> count).
 *
 * <p>{@code source} is the index source id it replaced (e.g. "tariff:HTSUS", or "postal" for a file holding many
 * countries). {@code rowsRead} counts data rows, not the header. {@code error} is null on success; a failed file
 * is rolled back as a whole, so the index keeps the previous edition of that source.
 */
public record ImportSummary(
        String file,
        String format,
        String source,
        String edition,
        long rowsRead,
        long rowsIndexed,
        Map<String, Long> skipped,
        Duration took,
        String error) {

    /** True when the file was imported; false when it was rejected ({@link #error} says why) and nothing changed. */
    public boolean ok() {
        return error == null;
    }

    /** Total rows skipped, whatever the reason. */
    public long rowsSkipped() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    /** One line for a console: file, counts, reasons, time. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        s.append(String.format("%-48s %-18s read %,d, indexed %,d, skipped %,d", file, format, rowsRead, rowsIndexed,
                rowsSkipped()));
        if (!skipped.isEmpty()) {
            s.append(" ").append(skipped);
        }
        s.append(String.format(", %.2f s", took.toMillis() / 1000.0));
        if (error != null) {
            s.append("  FAILED: ").append(error);
        }
        return s.toString();
    }
}
