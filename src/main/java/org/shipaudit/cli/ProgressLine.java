package org.shipaudit.cli;

import java.io.PrintWriter;

/**
 * A progress line on stderr, rewritten in place ({@code \r}) at most twice a second, for the offline commands that
 * can run for minutes: {@code 12,000 shipments (25.0 %), 6,000 shipments/s, 6 s left}. Standard output keeps only the
 * results, so a pipe into another program is not disturbed; {@code --quiet} prints nothing.
 */
final class ProgressLine {

    private static final long EVERY_NANOS = 500_000_000L;

    private final PrintWriter err;
    private final boolean quiet;
    private final String unit;
    private final long started = System.nanoTime();
    private long lastPrinted = started;
    private boolean printed;

    ProgressLine(PrintWriter err, boolean quiet, String unit) {
        this.err = err;
        this.quiet = quiet;
        this.unit = unit;
    }

    /**
     * @param done     units done so far
     * @param fraction share of the work done, 0 to 1, or a negative number when unknown
     * @param what     what is being worked on (a file name), or null
     */
    synchronized void update(long done, double fraction, String what) {
        long now = System.nanoTime();
        if (quiet || now - lastPrinted < EVERY_NANOS) {
            return;
        }
        lastPrinted = now;
        printed = true;
        err.print("\r" + line(done, fraction, (now - started) / 1e9, unit, what) + "   ");
        err.flush();
    }

    /** The final count, on a line of its own; printed even when the work took less than the first update. */
    synchronized void finish(long done) {
        if (quiet) {
            return;
        }
        err.println((printed ? "\r" : "") + line(done, 1.0, (System.nanoTime() - started) / 1e9, unit, null) + "   ");
        err.flush();
    }

    static String line(long done, double fraction, double seconds, String unit, String what) {
        StringBuilder b = new StringBuilder("  ");
        if (what != null) {
            b.append(what).append(": ");
        }
        b.append(String.format("%,d %s", done, unit));
        if (fraction >= 0 && fraction < 1) {
            b.append(String.format(" (%.1f %%)", 100 * fraction));
        }
        double rate = done / Math.max(seconds, 1e-3);
        b.append(String.format(", %,.0f %s/s", rate, unit));
        if (fraction > 0 && fraction < 1) {
            b.append(String.format(", %,d s left", (long) Math.ceil(seconds * (1 - fraction) / fraction)));
        } else if (fraction >= 1) {
            b.append(String.format(", %.1f s", seconds));
        }
        return b.toString();
    }
}
