package org.shipaudit.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Counts and money of findings over bulk jobs and pre-ship audits, grouped as asked, computed by the database in one
 * portable GROUP BY over the two finding tables (the dimensions were stored with each finding: see
 * {@link FindingDimensions}). Blocking JDBC: worker threads only.
 */
public final class FindingsAnalytics {

    /** Groups answered at most; past it the answer says it was cut (the biggest groups by money come first). */
    public static final int MAX_GROUPS = 5_000;

    private final Database db;

    public FindingsAnalytics(Database db) {
        this.db = db;
    }

    /** The groups, biggest money first, then most findings; and whether more than {@link #MAX_GROUPS} existed. */
    public record Answer(List<AnalyticsGroup> groups, boolean truncated) {
    }

    public Answer run(AnalyticsQuery q) {
        List<Object> args = new ArrayList<>();
        List<String> branches = new ArrayList<>();
        if (q.source() != AnalyticsQuery.Source.PRESHIP) {
            // A finding stored before its dimensions were (schema version 7) counts on the day its job was created.
            StringBuilder b = new StringBuilder("SELECT f.carrier, f.rule_id, f.category, f.severity, f.week_start,"
                    + " f.lane, f.amount, COALESCE(f.currency, j.currency) AS currency"
                    + " FROM job_findings f JOIN jobs j ON j.id = f.job_id WHERE 1 = 1");
            period(b, args, q, "COALESCE(f.ship_date, CAST(j.created_at AS DATE))");
            if (q.jobId() != null) {
                b.append(" AND f.job_id = ?");
                args.add(q.jobId());
            }
            branches.add(b.toString());
        }
        if (q.source() != AnalyticsQuery.Source.INVOICES && q.jobId() == null) {
            StringBuilder b = new StringBuilder("SELECT carrier, rule_id, category, severity, week_start, lane, amount,"
                    + " COALESCE(currency, 'USD') AS currency FROM audit_findings WHERE 1 = 1");
            period(b, args, q, "audited_on");
            branches.add(b.toString());
        }
        if (branches.isEmpty()) {
            return new Answer(List.of(), false);
        }
        String dims = q.groupBy().stream().map(d -> "x." + d.column).collect(Collectors.joining(", "));
        String keys = dims.isEmpty() ? "x.currency" : dims + ", x.currency";
        String sql = "SELECT " + keys + ", COUNT(*) AS n, SUM(CASE WHEN x.amount > 0 THEN x.amount ELSE 0 END) AS money"
                + " FROM (" + String.join(" UNION ALL ", branches) + ") x GROUP BY " + keys
                + " ORDER BY money DESC, n DESC, " + keys + " LIMIT ?";
        args.add(MAX_GROUPS + 1);
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<AnalyticsGroup> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && out.size() < MAX_GROUPS + 1) {
                    Map<String, String> key = new LinkedHashMap<>();
                    int col = 1;
                    for (AnalyticsQuery.Dimension d : q.groupBy()) {
                        Object v = rs.getObject(col++);
                        key.put(d.wireName(), v == null ? null : v.toString());
                    }
                    String currency = rs.getString(col++);
                    long n = rs.getLong(col++);
                    BigDecimal money = rs.getBigDecimal(col);
                    out.add(new AnalyticsGroup(key, n, (money == null ? BigDecimal.ZERO : money).setScale(2),
                            currency == null ? "USD" : currency));
                }
            }
            boolean truncated = out.size() > MAX_GROUPS;
            return new Answer(truncated ? out.subList(0, MAX_GROUPS) : out, truncated);
        } catch (SQLException e) {
            throw new IllegalStateException("analytics: " + e.getMessage(), e);
        }
    }

    private static void period(StringBuilder sql, List<Object> args, AnalyticsQuery q, String dayExpr) {
        if (q.from() != null) {
            sql.append(" AND ").append(dayExpr).append(" >= ?");
            args.add(q.from());
        }
        if (q.to() != null) {
            sql.append(" AND ").append(dayExpr).append(" <= ?");
            args.add(q.to());
        }
    }
}
