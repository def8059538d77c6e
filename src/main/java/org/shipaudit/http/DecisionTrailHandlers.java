package org.shipaudit.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.shipaudit.findings.Verdict;
import org.shipaudit.json.InvalidInputException;
import org.shipaudit.json.Mappers;
import org.shipaudit.json.Violation;
import org.shipaudit.store.AuditQuery;
import org.shipaudit.store.AuditTrailStore;
import org.shipaudit.store.StoredAudit;

/**
 * GET /v1/audits/{auditId} and GET /v1/audits: the decision trail read back. A decision is answered as its
 * AuditResult, verbatim, with {@code caller} and (for one decision) the {@code shipment} as sent. The query is
 * validated on the event loop (cheap), the database is read on the jobs worker pool, away from the audits.
 */
final class DecisionTrailHandlers {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;
    private static final Set<String> PARAMETERS = Set.of("shipmentId", "from", "to", "verdict", "limit");

    private final AuditTrailStore store;
    private final Worker worker;
    private final ObjectMapper json = Mappers.json();

    DecisionTrailHandlers(AuditTrailStore store, Worker worker) {
        this.store = store;
        this.worker = worker;
    }

    void get(RoutingContext ctx) {
        String id = ctx.pathParam("auditId");
        if (id.equals("shipments")) {
            // The audit route's own path, asked with GET: a wrong method (405), not an unknown decision.
            ctx.response().putHeader("Allow", "POST");
            ctx.fail(405);
            return;
        }
        worker.submit(() -> {
            java.util.Optional<StoredAudit> a = store.find(id);
            if (a.isEmpty()) {
                return null;
            }
            ObjectNode out = answer(a.get());
            out.set("shipment", read(a.get().shipmentJson()));
            return Buffer.buffer(write(out));
        }).onSuccess(found -> {
            if (found != null) {
                Responses.json(ctx, 200, found);
            } else {
                Problems.send(ctx, Problem.of(404, "not-found", "Not found", "no pre-ship decision " + id
                        + " is kept (unknown, or older than audit.retention-days)"));
            }
        }).onFailure(e -> Problems.fail(ctx, e));
    }

    void list(RoutingContext ctx) {
        AuditQuery query;
        try {
            query = query(ctx.queryParams());
        } catch (InvalidInputException e) {
            Problems.fail(ctx, e);
            return;
        }
        worker.submit(() -> {
            ArrayNode audits = json.createArrayNode();
            for (StoredAudit a : store.list(query)) {
                audits.add(answer(a));
            }
            ObjectNode out = json.createObjectNode();
            out.set("audits", audits);
            return Buffer.buffer(write(out));
        }).onSuccess(out -> Responses.json(ctx, 200, out)).onFailure(e -> Problems.fail(ctx, e));
    }

    /** The list's filters, or every problem with them at once (400). */
    static AuditQuery query(MultiMap params) {
        List<Violation> problems = new ArrayList<>();
        for (String name : params.names()) {
            if (!PARAMETERS.contains(name)) {
                problems.add(new Violation(name, "unknown parameter; expected one of shipmentId, from, to, verdict, limit"));
            } else if (params.getAll(name).size() > 1) {
                problems.add(new Violation(name, "given more than once"));
            }
        }
        String shipmentId = params.get("shipmentId");
        if (shipmentId != null && (shipmentId.isBlank() || shipmentId.length() > 128)) {
            problems.add(new Violation("shipmentId", "must be 1 to 128 characters"));
        }
        Instant from = time(params.get("from"), "from", false, problems);
        Instant to = time(params.get("to"), "to", true, problems);
        if (from != null && to != null && !from.isBefore(to)) {
            problems.add(new Violation("to", "must be after from"));
        }
        Verdict verdict = null;
        String v = params.get("verdict");
        if (v != null) {
            try {
                verdict = Verdict.valueOf(v.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new Violation("verdict", "must be PASS, WARN or BLOCK, got '" + v + "'"));
            }
        }
        int limit = DEFAULT_LIMIT;
        String l = params.get("limit");
        if (l != null) {
            try {
                limit = Integer.parseInt(l.trim());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                problems.add(new Violation("limit", "must be a whole number from 1 to " + MAX_LIMIT + ", got '" + l + "'"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("the query of the decision trail is not valid", problems);
        }
        return new AuditQuery(shipmentId == null ? null : shipmentId.trim(), from, to, verdict, limit);
    }

    /**
     * An instant ({@code 2026-12-02T10:00:00Z}) or a UTC date ({@code 2026-12-02}); a date as {@code to} includes the
     * whole day, as a person asking "to 2 December" means.
     */
    private static Instant time(String text, String name, boolean endOfDay, List<Violation> problems) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        try {
            if (t.length() == 10) {
                LocalDate day = LocalDate.parse(t);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return java.time.OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new Violation(name, "must be a date (2026-12-02) or a time with offset "
                    + "(2026-12-02T10:00:00Z), got '" + text + "'"));
            return null;
        }
    }

    private ObjectNode answer(StoredAudit a) throws java.io.IOException {
        ObjectNode out = (ObjectNode) read(a.resultJson());
        out.put("caller", a.caller());
        return out;
    }

    private JsonNode read(String text) throws java.io.IOException {
        return json.readTree(text);
    }

    private byte[] write(JsonNode node) throws java.io.IOException {
        return json.writeValueAsBytes(node);
    }
}
