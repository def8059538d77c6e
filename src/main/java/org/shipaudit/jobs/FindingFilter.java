package org.shipaudit.jobs;

import org.shipaudit.findings.Category;
import org.shipaudit.findings.Severity;

/**
 * A page of a job's findings as asked on GET /v1/jobs/{id}/findings: optional filters (null: any), a sort key and
 * direction, and the page window. Built by the HTTP layer from validated query parameters.
 */
public record FindingFilter(String rule, Severity severity, Category category, String carrier, Sort sort,
                            boolean descending, int limit, long offset) {

    /** The keys a page may be sorted by (severity from BLOCK to INFO); the row (then the finding's sequence) breaks ties so pages never overlap. */
    public enum Sort {
        ROW("row_no"), AMOUNT("amount"), RULE("rule_id"), SEVERITY("CASE severity WHEN 'BLOCK' THEN 0 WHEN 'WARN' THEN 1 ELSE 2 END"), CATEGORY("category"),
        CARRIER("carrier");

        private final String column;

        Sort(String column) {
            this.column = column;
        }

        String orderBy(boolean descending) {
            String dir = descending ? " DESC" : " ASC";
            // NULLs sort as the smallest value on both H2 and PostgreSQL when stated.
            String nulls = descending ? " NULLS LAST" : " NULLS FIRST";
            return this == ROW ? "row_no" + dir + ", seq" + dir : column + dir + nulls + ", row_no, seq";
        }

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
