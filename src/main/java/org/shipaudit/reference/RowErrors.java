package org.shipaudit.reference;

/**
 * Rows of an imported file skipped with their reason: the first ones by row number, the rest counted under one reason,
 * so one bad line in a 25,000-row list is named and a file of bad lines does not flood the summary.
 */
final class RowErrors {

    /** Rows named one by one in the summary; beyond that they are counted under one reason. */
    static final int NAMED_ROW_ERRORS = 20;

    private final ImportRun run;
    private int named;

    RowErrors(ImportRun run) {
        this.run = run;
    }

    void add(long row, String reason) {
        add("row " + row, reason);
    }

    /** @param where "row 12", "line 40": how the file's format numbers its records */
    void add(String where, String reason) {
        if (named < NAMED_ROW_ERRORS) {
            named++;
            run.skip(where + ": " + reason);
        } else {
            run.skip("further unreadable rows (the first " + NAMED_ROW_ERRORS + " are listed)");
        }
    }
}
