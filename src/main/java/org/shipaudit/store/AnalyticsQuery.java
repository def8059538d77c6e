package org.shipaudit.store;

import java.time.LocalDate;
import java.util.List;

/**
 * What GET /v1/analytics/findings asks: the dimensions to group by (in order), an inclusive period of days, which
 * findings (invoice jobs, pre-ship audits or both) and optionally one job.
 */
public record AnalyticsQuery(List<Dimension> groupBy, LocalDate from, LocalDate to, Source source, String jobId) {

    public AnalyticsQuery {
        groupBy = List.copyOf(groupBy);
    }

    /** A grouping dimension, with the column that holds it in both finding tables. */
    public enum Dimension {
        CARRIER("carrier"), RULE("rule_id"), CATEGORY("category"), WEEK("week_start"), LANE("lane"),
        SEVERITY("severity");

        final String column;

        Dimension(String column) {
            this.column = column;
        }

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Where the findings come from: bulk jobs (invoices, chargebacks, shipments), pre-ship audits, or both. */
    public enum Source {
        INVOICES, PRESHIP, ALL
    }
}
