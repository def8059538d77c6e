package org.shipaudit.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.shipaudit.auth.Principal;
import org.shipaudit.json.InvalidInputException;
import org.shipaudit.json.Mappers;
import org.shipaudit.json.Violation;
import org.shipaudit.reference.ReferenceIndex;
import org.shipaudit.reference.screening.EntryType;
import org.shipaudit.reference.screening.SanctionsList;
import org.shipaudit.reference.screening.ScreeningHit;
import org.shipaudit.reference.screening.ScreeningQuery;
import org.shipaudit.reference.screening.ScreeningThresholds;
import org.shipaudit.screening.PartyScreening;
import org.shipaudit.store.Clearance;
import org.shipaudit.store.ClearanceStore;

/**
 * Restricted-party screening routes of API.md: search one name (GET) or many (POST), and the clearances a
 * compliance officer records for false matches. Searches and database calls run on the reference worker pool.
 */
final class ScreeningHandlers {
    static final int MAX_LIMIT = 50;
    static final int MAX_QUERIES = 1000;
    static final int MAX_NAME = 256;

    private final ReferenceIndex reference;
    private final ClearanceStore clearances;
    private final ScreeningThresholds thresholds;
    private final Worker pool;
    private final ObjectMapper json = Mappers.json();

    ScreeningHandlers(ReferenceIndex reference, ClearanceStore clearances, ScreeningThresholds thresholds,
                      Worker pool) {
        this.reference = reference;
        this.clearances = clearances;
        this.thresholds = thresholds;
        this.pool = pool;
    }

    /** GET /v1/screening/search?name=&country=&city=&type=&minScore=&limit= */
    void search(RoutingContext ctx) {
        List<Violation> v = new ArrayList<>();
        var r = ctx.request();
        ScreeningQuery q = query("", r.getParam("name"), r.getParam("country"), r.getParam("city"), r.getParam("type"),
                r.getParam("minScore"), r.getParam("limit"), v);
        if (!v.isEmpty()) {
            Problems.fail(ctx, new InvalidInputException("the screening search is invalid", v));
            return;
        }
        pool.submit(() -> Buffer.buffer(json.writeValueAsBytes(Map.of("results", hits(q)))))
                .onSuccess(b -> Responses.json(ctx, 200, b)).onFailure(e -> Problems.fail(ctx, e));
    }

    /** POST /v1/screening/search {"queries": {"key": {"name", "country", "city", "type", "minScore", "limit"}}} */
    void searchMany(RoutingContext ctx) {
        Buffer body = ctx.body().buffer();
        pool.submit(() -> {
            JsonNode root = readBody(body, "expected {\"queries\": {\"key\": {\"name\": ..., \"country\": ...}}}");
            JsonNode queries = root.get("queries");
            List<Violation> v = new ArrayList<>();
            if (queries == null || !queries.isObject() || queries.isEmpty()) {
                throw new InvalidInputException("no queries", List.of(new Violation("queries",
                        "is required: an object of 1 to " + MAX_QUERIES + " named queries")));
            }
            if (queries.size() > MAX_QUERIES) {
                throw new InvalidInputException("too many queries", List.of(new Violation("queries",
                        "at most " + MAX_QUERIES + " per request, got " + queries.size())));
            }
            Map<String, ScreeningQuery> parsed = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = queries.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode n = e.getValue();
                String path = "queries." + e.getKey();
                if (!n.isObject()) {
                    v.add(new Violation(path, "must be an object with a name"));
                    continue;
                }
                for (Iterator<String> f = n.fieldNames(); f.hasNext(); ) {
                    String field = f.next();
                    if (!Set.of("name", "country", "city", "type", "minScore", "limit").contains(field)) {
                        v.add(new Violation(path + "." + field, "is not a query field (name, country, city, type, "
                                + "minScore, limit)"));
                    }
                }
                parsed.put(e.getKey(), query(path + ".", text(n, "name"), text(n, "country"), text(n, "city"),
                        text(n, "type"), text(n, "minScore"), text(n, "limit"), v));
            }
            if (!v.isEmpty()) {
                throw new InvalidInputException("the screening queries are invalid", v);
            }
            Map<String, Object> results = new LinkedHashMap<>();
            parsed.forEach((k, q) -> results.put(k, hits(q)));
            return Buffer.buffer(json.writeValueAsBytes(Map.of("results", results)));
        }).onSuccess(b -> Responses.json(ctx, 200, b)).onFailure(e -> Problems.fail(ctx, e));
    }

    /** POST /v1/screening/clearances {"party": {...}, "list": "OFAC_SDN", "entryId": "306", "reason": "..."} */
    void addClearance(RoutingContext ctx) {
        Buffer body = ctx.body().buffer();
        Principal who = ctx.get(Authenticator.PRINCIPAL);
        pool.submit(() -> {
            JsonNode root = readBody(body, "expected {\"party\": {\"name\": ...}, \"list\", \"entryId\", \"reason\"}");
            List<Violation> v = new ArrayList<>();
            JsonNode party = root.get("party");
            String name = party == null ? null : text(party, "name");
            String company = party == null ? null : text(party, "company");
            String country = party == null ? null : text(party, "country");
            if (party == null || !party.isObject()) {
                v.add(new Violation("party", "is required: the party as screened, with its name or company"));
            } else if (blank(name) && blank(company)) {
                v.add(new Violation("party.name", "a name or a company is required"));
            } else if (PartyScreening.partyKey(blank(name) ? company : name).isEmpty()) {
                v.add(new Violation(blank(name) ? "party.company" : "party.name", "must contain letters or digits"));
            }
            if (country != null && !country.matches("[A-Za-z]{2}")) {
                v.add(new Violation("party.country", "must be an ISO 3166-1 alpha-2 code such as DE"));
            }
            SanctionsList list = SanctionsList.parse(text(root, "list"));
            if (list == null) {
                v.add(new Violation("list", "must be one of OFAC_SDN, UN_SC, BIS_DPL"));
            }
            String entryId = text(root, "entryId");
            if (blank(entryId) || entryId.length() > 64) {
                v.add(new Violation("entryId", "is required: the list's entry id (1 to 64 characters)"));
            }
            String reason = text(root, "reason");
            if (blank(reason) || reason.length() > 2000) {
                v.add(new Violation("reason", "is required: why the party is not the listed one (up to 2,000 characters)"));
            }
            for (Iterator<String> f = root.fieldNames(); f.hasNext(); ) {
                String field = f.next();
                if (!Set.of("party", "list", "entryId", "reason").contains(field)) {
                    v.add(new Violation(field, "is not a clearance field (party, list, entryId, reason)"));
                }
            }
            if (!v.isEmpty()) {
                throw new InvalidInputException("the clearance is invalid", v);
            }
            if (!reference.hasScreeningEntry(list, entryId.strip())) {
                throw new InvalidInputException("no such entry", List.of(new Violation("entryId", list.name()
                        + " has no entry '" + entryId + "' in the loaded edition")));
            }
            String key = PartyScreening.partyKey(blank(name) ? company : name);
            Clearance c = clearances.add(key, country == null ? "" : country.toUpperCase(Locale.ROOT),
                    json.writeValueAsString(party), list.name(), entryId.strip(), reason.strip(), who.name());
            return Buffer.buffer(json.writeValueAsBytes(view(c)));
        }).onSuccess(b -> Responses.json(ctx, 201, b)).onFailure(e -> Problems.fail(ctx, e));
    }

    /** GET /v1/screening/clearances[?removed=true] */
    void listClearances(RoutingContext ctx) {
        boolean removed = "true".equalsIgnoreCase(ctx.request().getParam("removed"));
        pool.submit(() -> Buffer.buffer(json.writeValueAsBytes(Map.of("clearances",
                clearances.list(removed).stream().map(ScreeningHandlers::view).toList()))))
                .onSuccess(b -> Responses.json(ctx, 200, b)).onFailure(e -> Problems.fail(ctx, e));
    }

    /** DELETE /v1/screening/clearances/{id}: 204, or 404 when no active clearance has the id. */
    void removeClearance(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Principal who = ctx.get(Authenticator.PRINCIPAL);
        pool.submit(() -> clearances.remove(id, who.name())).onSuccess(done -> {
            if (done) {
                ctx.response().setStatusCode(204).end();
            } else {
                Problems.send(ctx, Problem.of(404, "not-found", "Not found", "no active clearance " + id));
            }
        }).onFailure(e -> Problems.fail(ctx, e));
    }

    private List<Map<String, Object>> hits(ScreeningQuery q) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ScreeningHit h : reference.screen(q)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("list", h.list().name());
            m.put("entryId", h.entryId());
            m.put("name", h.name());
            m.put("matchedName", h.matchedName());
            m.put("matchedQuality", h.matchedQuality().name());
            m.put("score", h.score());
            ScreeningThresholds.MatchLevel level = thresholds.level(h);
            m.put("level", level == null ? null : level.name());
            m.put("type", h.type().label());
            m.put("programs", h.programs());
            m.put("addresses", h.addresses());
            m.put("countries", h.countries());
            m.put("identifiers", h.identifiers());
            m.put("remarks", h.remarks());
            m.put("reasons", h.reasons());
            m.put("listedOn", h.listedOn() == null ? null : h.listedOn().toString());
            m.put("expires", h.expires() == null ? null : h.expires().toString());
            out.add(m);
        }
        return out;
    }

    private ScreeningQuery query(String prefix, String name, String country, String city, String type,
                                 String minScore, String limit, List<Violation> v) {
        if (blank(name)) {
            v.add(new Violation(prefix + "name", "is required: the person or company to screen"));
        } else if (name.length() > MAX_NAME) {
            v.add(new Violation(prefix + "name", "must be at most " + MAX_NAME + " characters"));
        }
        if (country != null && !country.isBlank() && !country.strip().matches("[A-Za-z]{2}")) {
            v.add(new Violation(prefix + "country", "must be an ISO 3166-1 alpha-2 code such as DE, got '" + country + "'"));
        }
        Set<EntryType> types = ScreeningQuery.PARTIES;
        if (type != null && !type.isBlank()) {
            EntryType t = EntryType.parse(type);
            if (t == null) {
                v.add(new Violation(prefix + "type", "must be individual, entity, vessel or aircraft, got '" + type + "'"));
            } else {
                types = Set.of(t);
            }
        }
        double min = thresholds.possible();
        if (minScore != null && !minScore.isBlank()) {
            try {
                min = Double.parseDouble(minScore.strip());
                if (!(min >= 0 && min <= 1)) {
                    v.add(new Violation(prefix + "minScore", "must be between 0 and 1, got " + minScore));
                }
            } catch (NumberFormatException e) {
                v.add(new Violation(prefix + "minScore", "must be a number between 0 and 1, got '" + minScore + "'"));
            }
        }
        int n = 10;
        if (limit != null && !limit.isBlank()) {
            try {
                n = Integer.parseInt(limit.strip());
                if (n < 1 || n > MAX_LIMIT) {
                    v.add(new Violation(prefix + "limit", "must be 1 to " + MAX_LIMIT + ", got " + n));
                }
            } catch (NumberFormatException e) {
                v.add(new Violation(prefix + "limit", "must be an integer, got '" + limit + "'"));
            }
        }
        return new ScreeningQuery(name, country == null || country.isBlank() ? null : country.strip(), city, null,
                types, LocalDate.now(ZoneOffset.UTC), min, n);
    }

    private JsonNode readBody(Buffer body, String expected) {
        if (body == null || body.length() == 0) {
            throw new InvalidInputException("the body is empty", List.of(new Violation("", expected)));
        }
        JsonNode root;
        try {
            root = json.readTree(body.getBytes());
        } catch (java.io.IOException e) {
            throw new InvalidInputException("the body is not JSON", List.of(new Violation("", expected)));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("the body is not a JSON object", List.of(new Violation("", expected)));
        }
        return root;
    }

    private static Map<String, Object> view(Clearance c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        try {
            m.put("party", Mappers.json().readTree(c.partyJson()));
        } catch (java.io.IOException e) {
            m.put("party", c.partyJson());
        }
        m.put("list", c.list());
        m.put("entryId", c.entryId());
        m.put("reason", c.reason());
        m.put("clearedBy", c.clearedBy());
        m.put("clearedAt", c.clearedAt().toString());
        if (c.removedAt() != null) {
            m.put("removedBy", c.removedBy());
            m.put("removedAt", c.removedAt().toString());
        }
        return m;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
