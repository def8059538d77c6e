package org.shipaudit.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.shipaudit.json.InvalidInputException;
import org.shipaudit.json.Mappers;
import org.shipaudit.json.Violation;
import org.shipaudit.store.AnalyticsGroup;
import org.shipaudit.store.AnalyticsQuery;
import org.shipaudit.store.AnalyticsQuery.Dimension;
import org.shipaudit.store.AnalyticsQuery.Source;
import org.shipaudit.store.FindingsAnalytics;

/**
 * GET /v1/analytics/findings (API.md "Analytics"): counts and money of findings over jobs and pre-ship audits, grouped
 * by carrier, rule, category, week, lane (and severity), as JSON or {@code ?format=csv}. The query is checked on the
 * event loop; the database groups on the jobs worker.
 */
final class AnalyticsHandlers {

    private static final Set<String> PARAMETERS = Set.of("groupBy", "from", "to", "source", "job", "format");

    private final FindingsAnalytics analytics;
    private final Worker worker;
    private final ObjectMapper json = Mappers.json();

    AnalyticsHandlers(FindingsAnalytics analytics, Worker worker) {
        this.analytics = analytics;
        this.worker = worker;
    }

    void findings(RoutingContext ctx) {
        AnalyticsQuery query;
        boolean csv;
        try {
            query = query(ctx.queryParams());
            String format = ctx.queryParams().get("format");
            csv = "csv".equalsIgnoreCase(format);
            if (format != null && !csv && !"json".equalsIgnoreCase(format)) {
                throw new InvalidInputException("the analytics query is not valid",
                        List.of(new Violation("format", "must be json or csv, got '" + format + "'")));
            }
        } catch (InvalidInputException e) {
            Problems.fail(ctx, e);
            return;
        }
        worker.submit(() -> analytics.run(query)).onSuccess(answer -> {
            try {
                if (csv) {
                    ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
                            .putHeader("Content-Disposition", "attachment; filename=\"findings-analytics.csv\"")
                            .end(csv(query, answer.groups()));
                } else {
                    Responses.json(ctx, 200, Buffer.buffer(json.writeValueAsBytes(body(query, answer))));
                }
            } catch (Exception e) {
                Problems.fail(ctx, e);
            }
        }).onFailure(e -> Problems.fail(ctx, e));
    }

    private ObjectNode body(AnalyticsQuery q, FindingsAnalytics.Answer answer) {
        ObjectNode out = json.createObjectNode();
        ArrayNode by = out.putArray("groupBy");
        q.groupBy().forEach(d -> by.add(d.wireName()));
        out.put("from", q.from() == null ? null : q.from().toString());
        out.put("to", q.to() == null ? null : q.to().toString());
        out.put("source", q.source().name().toLowerCase(Locale.ROOT));
        if (q.jobId() != null) {
            out.put("job", q.jobId());
        }
        ArrayNode groups = out.putArray("groups");
        long findings = 0;
        Map<String, BigDecimal> totals = new TreeMap<>();
        for (AnalyticsGroup g : answer.groups()) {
            ObjectNode n = groups.addObject();
            g.key().forEach(n::put);
            n.put("findings", g.findings());
            n.putObject("amount").put("amount", g.amount().toPlainString()).put("currency", g.currency());
            findings += g.findings();
            totals.merge(g.currency(), g.amount(), BigDecimal::add);
        }
        ObjectNode total = out.putObject("total");
        total.put("findings", findings);
        ArrayNode amounts = total.putArray("amounts");
        totals.forEach((cur, amt) -> amounts.addObject().put("amount", amt.toPlainString()).put("currency", cur));
        out.put("truncated", answer.truncated());
        return out;
    }

    private static String csv(AnalyticsQuery q, List<AnalyticsGroup> groups) {
        StringBuilder out = new StringBuilder();
        for (Dimension d : q.groupBy()) {
            out.append(d.wireName()).append(',');
        }
        out.append("findings,amount,currency\r\n");
        for (AnalyticsGroup g : groups) {
            for (Dimension d : q.groupBy()) {
                out.append(cell(g.key().get(d.wireName()))).append(',');
            }
            out.append(g.findings()).append(',').append(g.amount().toPlainString()).append(',')
                    .append(cell(g.currency())).append("\r\n");
        }
        return out.toString();
    }

    /** RFC 4180 quoting, and a leading = + - @ defused so a spreadsheet never runs a rule id as a formula. */
    static String cell(String v) {
        if (v == null) {
            return "";
        }
        String s = !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** The query, or every problem with it at once (400). */
    static AnalyticsQuery query(MultiMap params) {
        List<Violation> problems = new ArrayList<>();
        for (String name : params.names()) {
            if (!PARAMETERS.contains(name)) {
                problems.add(new Violation(name, "unknown parameter; expected one of groupBy, from, to, source, job, format"));
            } else if (params.getAll(name).size() > 1) {
                problems.add(new Violation(name, "given more than once"));
            }
        }
        LinkedHashSet<Dimension> groupBy = new LinkedHashSet<>();
        String g = params.get("groupBy");
        if (g != null && !g.isBlank()) {
            for (String part : g.split(",")) {
                String p = part.trim();
                try {
                    if (!groupBy.add(Dimension.valueOf(p.toUpperCase(Locale.ROOT)))) {
                        problems.add(new Violation("groupBy", "'" + p + "' is named twice"));
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(new Violation("groupBy", "unknown dimension '" + p
                            + "'; expected carrier, rule, category, week, lane or severity"));
                }
            }
        }
        LocalDate from = date(params.get("from"), "from", problems);
        LocalDate to = date(params.get("to"), "to", problems);
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(new Violation("to", "must not be before from"));
        }
        Source source = Source.ALL;
        String s = params.get("source");
        if (s != null) {
            try {
                source = Source.valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new Violation("source", "must be invoices, preship or all, got '" + s + "'"));
            }
        }
        String job = params.get("job");
        if (job != null && (job.isBlank() || job.length() > 40)) {
            problems.add(new Violation("job", "must be a job id of 1 to 40 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("the analytics query is not valid", problems);
        }
        return new AnalyticsQuery(List.copyOf(groupBy), from, to, source, job == null ? null : job.trim());
    }

    /** Days are whole UTC dates; {@code to} includes its day. */
    private static LocalDate date(String text, String name, List<Violation> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            problems.add(new Violation(name, "must be a date such as 2026-12-02, got '" + text + "'"));
            return null;
        }
    }
}
