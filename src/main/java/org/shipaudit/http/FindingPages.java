package org.shipaudit.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.shipaudit.findings.Category;
import org.shipaudit.findings.Severity;
import org.shipaudit.jobs.FindingFilter;
import org.shipaudit.jobs.JobStore;
import org.shipaudit.json.InvalidInputException;
import org.shipaudit.json.Violation;

/**
 * The paged form of GET /v1/jobs/{id}/findings: {@code limit}, {@code offset}, filters {@code rule}, {@code severity},
 * {@code category}, {@code carrier}, and {@code sort} ({@code row}, {@code amount}, {@code rule}, {@code severity},
 * {@code category}, {@code carrier}; a leading {@code -} sorts descending). The answer keeps {@code findings} and adds
 * {@code total}, {@code offset}, {@code limit}; each finding adds its sheet {@code row} and {@code carrier}.
 */
final class FindingPages {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private static final Set<String> PAGED = Set.of("limit", "offset", "rule", "severity", "category", "carrier", "sort");
    private static final Set<String> ALL = Set.of("limit", "offset", "rule", "severity", "category", "carrier", "sort",
            "format");

    private FindingPages() {
    }

    /** The filter, or null when no paging parameter was given (the whole list, as before); 400 on any problem. */
    static FindingFilter filter(MultiMap params) {
        List<Violation> problems = new ArrayList<>();
        boolean paged = false;
        for (String name : params.names()) {
            if (!ALL.contains(name)) {
                problems.add(new Violation(name, "unknown parameter; expected one of format, limit, offset, rule,"
                        + " severity, category, carrier, sort"));
            } else if (params.getAll(name).size() > 1) {
                problems.add(new Violation(name, "given more than once"));
            }
            paged |= PAGED.contains(name);
        }
        if (paged && "csv".equalsIgnoreCase(params.get("format"))) {
            problems.add(new Violation("format", "the CSV is the whole list; page the JSON form only"));
        }
        int limit = (int) number(params.get("limit"), "limit", 1, MAX_LIMIT, DEFAULT_LIMIT, problems);
        long offset = number(params.get("offset"), "offset", 0, Long.MAX_VALUE / 2, 0, problems);
        String rule = params.get("rule");
        if (rule != null && !rule.trim().matches("[A-Za-z]{2,5}-\\d{1,4}")) {
            problems.add(new Violation("rule", "must be a rule id such as WGT-012, got '" + rule + "'"));
        }
        Severity severity = null;
        String sev = params.get("severity");
        if (sev != null) {
            try {
                severity = Severity.valueOf(sev.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new Violation("severity", "must be BLOCK, WARN or INFO, got '" + sev + "'"));
            }
        }
        Category category = null;
        String cat = params.get("category");
        if (cat != null) {
            try {
                category = Category.valueOf(cat.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new Violation("category", "unknown category '" + cat + "'"));
            }
        }
        String carrier = params.get("carrier");
        if (carrier != null && (carrier.isBlank() || carrier.length() > 32)) {
            problems.add(new Violation("carrier", "must be 1 to 32 characters"));
        }
        FindingFilter.Sort sort = FindingFilter.Sort.ROW;
        boolean descending = false;
        String so = params.get("sort");
        if (so != null) {
            String key = so.trim();
            descending = key.startsWith("-");
            try {
                sort = FindingFilter.Sort.valueOf((descending ? key.substring(1) : key).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new Violation("sort", "must be row, amount, rule, severity, category or carrier,"
                        + " with a leading - for descending; got '" + so + "'"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("the findings query is not valid", problems);
        }
        if (!paged) {
            return null;
        }
        return new FindingFilter(rule == null ? null : rule.trim().toUpperCase(Locale.ROOT), severity, category,
                carrier == null ? null : carrier.trim().toUpperCase(Locale.ROOT), sort, descending, limit, offset);
    }

    static ObjectNode body(ObjectMapper json, FindingFilter filter, JobStore.FindingPage page) {
        ObjectNode out = json.createObjectNode();
        ArrayNode list = out.putArray("findings");
        for (JobStore.StoredFinding f : page.findings()) {
            ObjectNode n = json.valueToTree(f.finding());
            n.put("row", f.row());
            n.put("carrier", f.carrier());
            list.add(n);
        }
        out.put("total", page.total());
        out.put("offset", filter.offset());
        out.put("limit", filter.limit());
        return out;
    }

    private static long number(String text, String name, long min, long max, long dflt, List<Violation> problems) {
        if (text == null) {
            return dflt;
        }
        try {
            long v = Long.parseLong(text.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new Violation(name, "must be a whole number from " + min + " to " + max + ", got '" + text + "'"));
        return dflt;
    }
}
