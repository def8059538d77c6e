package org.shipaudit.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import org.shipaudit.audit.ShipmentAuditor;
import org.shipaudit.findings.AuditResult;
import org.shipaudit.auth.Principal;
import org.shipaudit.store.AuditRecord;
import org.shipaudit.store.DecisionTrail;
import org.shipaudit.store.SentJson;
import org.shipaudit.store.ShipmentRecorder;
import org.shipaudit.json.InvalidInputException;
import org.shipaudit.json.Mappers;
import org.shipaudit.json.Violation;
import org.shipaudit.model.api.Shipment;
import org.shipaudit.model.api.ShipmentSchema;

/**
 * POST /v1/audits/shipments and /batch. Parsing, validation, evaluation and serialisation all run on the audit worker
 * pool; the event loop only hands the body over and writes the answer. Packages that carry a tracking number are
 * queued for recording (no I/O on the audit path), so the invoice audit can later judge the carrier's corrections;
 * every decision is queued for the decision trail the same way, with the shipment as sent and the caller.
 */
final class AuditHandlers {

    private final ShipmentAuditor auditor;
    private final ShipmentRecorder recorder;
    private final DecisionTrail trail;
    private final Worker worker;
    private final int maxBatch;
    private final io.micrometer.core.instrument.Timer auditTime;
    private final ObjectMapper json = Mappers.json();

    AuditHandlers(ShipmentAuditor auditor, ShipmentRecorder recorder, DecisionTrail trail, Worker worker,
                  int maxBatch, io.micrometer.core.instrument.Timer auditTime) {
        this.auditTime = auditTime;
        this.auditor = auditor;
        this.recorder = recorder;
        this.trail = trail;
        this.worker = worker;
        this.maxBatch = maxBatch;
    }

    void single(RoutingContext ctx) {
        Buffer body = ctx.body().buffer();
        String caller = caller(ctx);
        worker.submit(body == null ? 1 : body.length(), () -> {
            byte[] received = bytes(body, "a Shipment object");
            JsonNode node = parse(received, "a Shipment object");
            Shipment shipment = ShipmentSchema.read(node, "");
            AuditResult result = timed(shipment);
            recorder.record(shipment, "audit " + shipment.id());
            byte[] answer = json.writeValueAsBytes(result);
            // The trail keeps the body and the answer as these very bytes: nothing serialised twice on the audit path.
            trail.record(new AuditRecord(SentJson.asReceived(received), shipment, result, answer, caller));
            return Buffer.buffer(answer);
        }).onSuccess(out -> Responses.json(ctx, 200, out)).onFailure(e -> Problems.fail(ctx, e));
    }

    void batch(RoutingContext ctx) {
        Buffer body = ctx.body().buffer();
        String caller = caller(ctx);
        worker.submit(body == null ? 1 : body.length(), () -> { // sized in bytes: a batch of 500 weighs as 500 audits
            String expected = "{\"shipments\": [Shipment, ...]}";
            JsonNode array = readBatch(parse(bytes(body, expected), expected));
            // Each place is serialised on its own and the answer assembled from the pieces, so a result's bytes are
            // both its part of the answer and its decision in the trail.
            List<byte[]> results = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                Shipment s;
                try {
                    s = ShipmentSchema.read(array.get(i), "shipments[" + i + "]");
                } catch (InvalidInputException e) {
                    // One shipment that breaks the contract is answered in its place; the others are still audited.
                    JsonNode id = array.get(i).path("id");
                    results.add(json.writeValueAsBytes(new ShipmentErrors(id.isTextual() ? id.asText() : null,
                            e.violations())));
                    continue;
                }
                AuditResult result = timed(s);
                byte[] answer = json.writeValueAsBytes(result);
                results.add(answer);
                recorder.record(s, "audit " + s.id());
                trail.record(new AuditRecord(SentJson.parsed(array.get(i)), s, result, answer, caller));
            }
            return BatchResults.answer(results);
        }).onSuccess(out -> Responses.json(ctx, 200, out)).onFailure(e -> Problems.fail(ctx, e));
    }

    private AuditResult timed(Shipment shipment) {
        long start = System.nanoTime();
        try {
            return auditor.audit(shipment);
        } finally {
            auditTime.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    /** The API key's name, as the trail records who asked ({@code anonymous} with authentication off). */
    static String caller(RoutingContext ctx) {
        Principal who = ctx.get(Authenticator.PRINCIPAL);
        return who == null ? Principal.ANONYMOUS.name() : who.name();
    }

    /** The shipments array of a readable batch; only a body that is not a batch at all is refused whole (400). */
    private JsonNode readBatch(JsonNode root) {
        List<Violation> violations = new ArrayList<>();
        JsonNode array = root.get("shipments");
        if (!root.isObject()) {
            throw new InvalidInputException("the body must be an object", List.of(new Violation("", "must be an object "
                    + "{\"shipments\": [...]}")));
        }
        root.fieldNames().forEachRemaining(f -> {
            if (!f.equals("shipments")) {
                violations.add(new Violation(f, "unknown field"));
            }
        });
        if (array == null || !array.isArray()) {
            violations.add(new Violation("shipments", "is required and must be an array"));
        } else if (array.isEmpty() || array.size() > maxBatch) {
            violations.add(new Violation("shipments", "must have 1 to " + maxBatch + " elements, got " + array.size()
                    + (array.size() > maxBatch ? "; send larger volumes as a job" : "")));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException("the batch breaks the contract", violations);
        }
        return array;
    }

    private static byte[] bytes(Buffer body, String expected) {
        if (body == null || body.length() == 0) {
            throw new InvalidInputException("the body is empty", List.of(new Violation("", "expected " + expected)));
        }
        return body.getBytes();
    }

    private JsonNode parse(byte[] body, String expected) throws java.io.IOException {
        JsonNode node = json.readTree(body);
        if (node == null || node.isMissingNode()) {
            throw new InvalidInputException("the body is empty", List.of(new Violation("", "expected " + expected)));
        }
        return node;
    }

    /**
     * The batch answer of API.md, {@code {"results": [...]}}, each place an AuditResult or a {@link ShipmentErrors}:
     * the same bytes as the mapper writes for the whole, put together from the places serialised one by one.
     */
    static final class BatchResults {
        private static final byte[] OPEN = "{\"results\":[".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        private static final byte[] CLOSE = "]}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        private BatchResults() {
        }

        static Buffer answer(List<byte[]> places) {
            int size = OPEN.length + CLOSE.length + Math.max(0, places.size() - 1);
            for (byte[] p : places) {
                size += p.length;
            }
            Buffer out = Buffer.buffer(size).appendBytes(OPEN);
            for (int i = 0; i < places.size(); i++) {
                if (i > 0) {
                    out.appendByte((byte) ',');
                }
                out.appendBytes(places.get(i));
            }
            return out.appendBytes(CLOSE);
        }
    }

    /** A batch shipment that breaks the contract, answered in its place (API.md). */
    record ShipmentErrors(String shipmentId, List<Violation> errors) {
    }
}
