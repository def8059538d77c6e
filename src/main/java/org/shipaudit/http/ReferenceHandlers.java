package org.shipaudit.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.shipaudit.json.InvalidInputException;
import org.shipaudit.json.Mappers;
import org.shipaudit.json.Violation;
import org.shipaudit.model.api.Address;
import org.shipaudit.model.api.ShipmentSchema;
import org.shipaudit.reference.ClassifyRequest;
import org.shipaudit.reference.HazmatEntry;
import org.shipaudit.reference.TariffClassification;
import org.shipaudit.reference.ReferenceIndex;
import org.shipaudit.reference.TariffLine;

/**
 * The reference look-ups of API.md: tariff search and lines, dangerous-goods entries, address validation. Every
 * look-up runs on the reference worker pool (Lucene does blocking I/O); the event loop only parses the request line.
 */
final class ReferenceHandlers {

    static final int MAX_LIMIT = 50;
    private static final List<String> SCHEDULES = List.of("HS", "HTSUS", "EU_CN");

    private final ReferenceIndex reference;
    private final Worker pool;
    private final ObjectMapper json = Mappers.json();

    ReferenceHandlers(ReferenceIndex reference, Worker pool) {
        this.reference = reference;
        this.pool = pool;
    }

    /** GET /v1/reference/tariff/search?q=&limit=&schedule= */
    void searchTariff(RoutingContext ctx) {
        String q = ctx.request().getParam("q");
        String limitParam = ctx.request().getParam("limit");
        String scheduleParam = ctx.request().getParam("schedule");
        List<Violation> violations = new java.util.ArrayList<>();
        if (q == null || q.isBlank()) {
            violations.add(new Violation("q", "is required: words describing the goods, or a code"));
        } else if (q.length() > 500) {
            violations.add(new Violation("q", "must be at most 500 characters"));
        }
        int limit = 10;
        if (limitParam != null) {
            try {
                limit = Integer.parseInt(limitParam.trim());
                if (limit < 1 || limit > MAX_LIMIT) {
                    violations.add(new Violation("limit", "must be 1 to " + MAX_LIMIT + ", got " + limit));
                }
            } catch (NumberFormatException e) {
                violations.add(new Violation("limit", "must be an integer, got '" + limitParam + "'"));
            }
        }
        String schedule = scheduleParam == null || scheduleParam.isBlank() ? "HS"
                : scheduleParam.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (!SCHEDULES.contains(schedule)) {
            violations.add(new Violation("schedule", "must be one of " + String.join(", ", SCHEDULES) + ", got '"
                    + scheduleParam + "'"));
        }
        if (!violations.isEmpty()) {
            Problems.fail(ctx, new InvalidInputException("the search request is invalid", violations));
            return;
        }
        int n = limit;
        pool.submit(() -> {
            if (!reference.coverage().has("tariff:" + schedule)) {
                throw new InvalidInputException("schedule not loaded", List.of(new Violation("schedule", schedule
                        + " is not loaded; loaded: " + String.join(", ", loadedSchedules()))));
            }
            List<Map<String, Object>> results = reference.searchTariff(q, schedule, n).stream()
                    .map(ReferenceHandlers::line).toList();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("results", results);
            // The classifier's headings for the same words (a code answers its line only): what the goods most
            // likely are, with a confidence and why, beside the ranked lines.
            if (!q.trim().matches("[0-9][0-9. ]*")) {
                body.put("classification", classification(reference.classifyTariff(ClassifyRequest.of(q, schedule))));
            }
            return Buffer.buffer(json.writeValueAsBytes(body));
        }).onSuccess(b -> Responses.json(ctx, 200, b)).onFailure(e -> Problems.fail(ctx, e));
    }

    /**
     * GET /v1/reference/tariff/classify?q=&schedule=&category=&attribute=: the likeliest headings and subheadings
     * for a description with confidences and reasons, or why it is too vague. {@code category} is the listing's
     * category path ("Jewelry > Pendants"), {@code attribute} repeats as "Name: value" ("Material: copper").
     */
    void classifyTariff(RoutingContext ctx) {
        String q = ctx.request().getParam("q");
        String scheduleParam = ctx.request().getParam("schedule");
        String categoryParam = ctx.request().getParam("category");
        List<String> attributeParams = ctx.request().params().getAll("attribute");
        List<Violation> violations = new java.util.ArrayList<>();
        if (q == null || q.isBlank()) {
            violations.add(new Violation("q", "is required: words describing the goods"));
        } else if (q.length() > 500) {
            violations.add(new Violation("q", "must be at most 500 characters"));
        }
        String schedule = scheduleParam == null || scheduleParam.isBlank() ? "HS"
                : scheduleParam.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (!SCHEDULES.contains(schedule)) {
            violations.add(new Violation("schedule", "must be one of " + String.join(", ", SCHEDULES) + ", got '"
                    + scheduleParam + "'"));
        }
        List<String> category = List.of();
        if (categoryParam != null && !categoryParam.isBlank()) {
            if (categoryParam.length() > 500) {
                violations.add(new Violation("category", "must be at most 500 characters"));
            } else {
                category = java.util.Arrays.stream(categoryParam.split("\\s*[>/|]\\s*")).map(String::trim)
                        .filter(c -> !c.isEmpty()).toList();
            }
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        if (attributeParams.size() > 30) {
            violations.add(new Violation("attribute", "at most 30 attributes, got " + attributeParams.size()));
        }
        for (int i = 0; i < Math.min(30, attributeParams.size()); i++) {
            String a = attributeParams.get(i);
            int colon = a.indexOf(':');
            if (colon <= 0 || colon == a.length() - 1 || a.length() > 200) {
                violations.add(new Violation("attribute[" + i + "]", "must be 'Name: value' of at most 200 characters"
                        + " (Material: copper), got '" + (a.length() > 60 ? a.substring(0, 60) + "..." : a) + "'"));
            } else {
                attributes.put(a.substring(0, colon).trim(), a.substring(colon + 1).trim());
            }
        }
        if (!violations.isEmpty()) {
            Problems.fail(ctx, new InvalidInputException("the classification request is invalid", violations));
            return;
        }
        ClassifyRequest request = new ClassifyRequest(q, category, attributes, schedule);
        pool.submit(() -> {
            if (!reference.coverage().has("tariff:" + schedule)) {
                throw new InvalidInputException("schedule not loaded", List.of(new Violation("schedule", schedule
                        + " is not loaded; loaded: " + String.join(", ", loadedSchedules()))));
            }
            TariffClassification c = reference.classifyTariff(request);
            Map<String, Object> body = classification(c);
            body.put("analysis", c.analysis());
            body.put("line", c.line() == null ? null : line(c.line()));
            return Buffer.buffer(json.writeValueAsBytes(body));
        }).onSuccess(b -> Responses.json(ctx, 200, b)).onFailure(e -> Problems.fail(ctx, e));
    }

    private static Map<String, Object> classification(TariffClassification c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schedule", c.schedule());
        m.put("abstained", !c.answered());
        m.put("abstention", c.abstention());
        m.put("headings", c.headings());
        m.put("subheadings", c.subheadings());
        // How sure the answer is, as HSC-006 reads it: every chapter's share of the evidence, and how much of the
        // description's product nouns any indexed text knows (below 1 the answer rests on the other words).
        m.put("chapters", c.chapters());
        m.put("nounsKnown", c.nounsKnown());
        return m;
    }

    /** GET /v1/reference/tariff/{code}[?schedule=]: one line with its hierarchy, 404 when unknown. */
    void tariffLine(RoutingContext ctx) {
        String code = ctx.pathParam("code");
        String scheduleParam = ctx.request().getParam("schedule");
        String digits = code == null ? "" : code.replaceAll("[.\\s]", "");
        if (!digits.matches("\\d{2,10}")) {
            Problems.fail(ctx, new InvalidInputException("not a tariff code", List.of(new Violation("code",
                    "must be 2 to 10 digits, dots optional (6109.10.0012), got '" + code + "'"))));
            return;
        }
        String schedule = scheduleParam == null || scheduleParam.isBlank() ? null
                : scheduleParam.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (schedule != null && !SCHEDULES.contains(schedule)) {
            Problems.fail(ctx, new InvalidInputException("unknown schedule", List.of(new Violation("schedule",
                    "must be one of " + String.join(", ", SCHEDULES)))));
            return;
        }
        pool.submit(() -> {
            Optional<TariffLine> line = schedule == null ? reference.tariff(digits) : reference.tariff(schedule, digits);
            return line.map(l -> {
                try {
                    return Buffer.buffer(json.writeValueAsBytes(line(l)));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }).orElse(null);
        }).onSuccess(b -> {
            if (b == null) {
                Problems.send(ctx, Problem.of(404, "not-found", "Not found", "no tariff line " + code
                        + (schedule == null ? "" : " in " + schedule) + " in the loaded schedules"));
            } else {
                Responses.json(ctx, 200, b);
            }
        }).onFailure(e -> Problems.fail(ctx, e));
    }

    /** GET /v1/reference/hazmat/{unNumber}: the Hazardous Materials Table entries, 404 when none. */
    void hazmat(RoutingContext ctx) {
        String id = ctx.pathParam("unNumber");
        String norm = id == null ? "" : id.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        if (!norm.matches("(UN|NA|ID)?\\d{4}")) {
            Problems.fail(ctx, new InvalidInputException("not a UN number", List.of(new Violation("unNumber",
                    "must be UN, NA or ID followed by 4 digits (UN3480), or 4 digits, got '" + id + "'"))));
            return;
        }
        pool.submit(() -> {
            List<HazmatEntry> entries = reference.hazmat(norm);
            if (entries.isEmpty()) {
                return null;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("unNumber", entries.get(0).unNumber());
            body.put("entries", entries);
            body.put("sampleDataOnly", reference.coverage().source("hazmat").map(s -> s.bundled()).orElse(false));
            return Buffer.buffer(json.writeValueAsBytes(body));
        }).onSuccess(b -> {
            if (b == null) {
                Problems.send(ctx, Problem.of(404, "not-found", "Not found", "no Hazardous Materials Table entry for "
                        + id + " in the loaded data"));
            } else {
                Responses.json(ctx, 200, b);
            }
        }).onFailure(e -> Problems.fail(ctx, e));
    }

    /** POST /v1/reference/addresses/validate with an Address (the contract's Address schema). */
    void validateAddress(RoutingContext ctx) {
        Buffer body = ctx.body().buffer();
        pool.submit(() -> {
            if (body == null || body.length() == 0) {
                throw new InvalidInputException("the body is empty", List.of(new Violation("", "expected an Address")));
            }
            JsonNode node = json.readTree(body.getBytes());
            List<Violation> violations = ShipmentSchema.ADDRESS.validate(node);
            if (!violations.isEmpty()) {
                throw new InvalidInputException("the address breaks the contract", violations);
            }
            Address address = json.treeToValue(node, Address.class);
            return Buffer.buffer(json.writeValueAsBytes(reference.validateAddress(address)));
        }).onSuccess(b -> Responses.json(ctx, 200, b)).onFailure(e -> Problems.fail(ctx, e));
    }

    private List<String> loadedSchedules() {
        return SCHEDULES.stream().filter(s -> reference.coverage().has("tariff:" + s)).toList();
    }

    private static Map<String, Object> line(TariffLine l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schedule", l.schedule());
        m.put("code", l.code());
        m.put("description", l.description());
        m.put("level", l.level());
        m.put("path", l.path());
        m.put("parentCode", l.parentCode());
        Map<String, String> duty = new LinkedHashMap<>();
        duty.put("general", l.dutyGeneral());
        duty.put("special", l.dutySpecial());
        duty.put("column2", l.dutyColumn2());
        m.put("duty", duty);
        m.put("units", l.units());
        m.put("score", l.score());
        return m;
    }
}
