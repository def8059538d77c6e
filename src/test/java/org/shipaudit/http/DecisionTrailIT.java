package org.shipaudit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shipaudit.cli.ServiceAssembly;

/** The decision trail over a real port: every pre-ship decision is kept and read back by id and by shipment. */
@ExtendWith(VertxExtension.class)
class DecisionTrailIT {

    static ServiceAssembly service;
    static WebClient client;

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        service = TestServer.shared();
        client = TestServer.client(vertx, service);
    }


    static JsonObject audit(String path, JsonObject body) {
        HttpResponse<Buffer> r = client.post(path).putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer(body.encode())).await();
        assertEquals(200, r.statusCode(), r.bodyAsString());
        return r.bodyAsJsonObject();
    }

    /** The kept decision; the trail is written in the background, so it may take a moment to appear. */
    static JsonObject kept(String auditId) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            HttpResponse<Buffer> r = client.get("/v1/audits/" + auditId).send().await();
            if (r.statusCode() == 200) {
                return r.bodyAsJsonObject();
            }
            assertEquals(404, r.statusCode(), r.bodyAsString());
            Thread.sleep(25);
        }
        throw new AssertionError("decision " + auditId + " was not kept within five seconds");
    }

    static HttpResponse<Buffer> get(String uri) {
        return client.get(uri).send().await();
    }

    @Test
    void keepsAPassWithTheShipmentAsSentItsPackVersionsAndTheCaller() throws Exception {
        JsonObject sent = ShipmentAuditIT.shipment("UPS", "GROUND", 8, 12, 10, 6).put("id", "TRAIL-PASS");
        JsonObject result = audit("/v1/audits/shipments", sent);
        assertEquals("PASS", result.getString("verdict"), result::encode);
        String id = result.getString("auditId");
        assertNotNull(id, result::encode);

        JsonObject kept = kept(id);
        assertEquals(id, kept.getString("auditId"));
        assertEquals("TRAIL-PASS", kept.getString("shipmentId"));
        assertEquals("PASS", kept.getString("verdict"));
        assertEquals(result.getJsonObject("rulePacks"), kept.getJsonObject("rulePacks"));
        assertEquals(result.getString("auditedAt"), kept.getString("auditedAt"));
        assertEquals(result.getJsonArray("findings"), kept.getJsonArray("findings"));
        assertEquals("anonymous", kept.getString("caller"), "authentication is off in this test");
        assertEquals(sent, kept.getJsonObject("shipment"), "the shipment exactly as sent");
    }

    @Test
    void listsTheDecisionsOfAShipmentNewestFirstIncludingThoseOfABatch() throws Exception {
        JsonObject heavy = ShipmentAuditIT.shipment("UPS", "GROUND", 160, 30, 20, 20).put("id", "TRAIL-LIST");
        String first = audit("/v1/audits/shipments", heavy).getString("auditId");
        JsonObject batch = audit("/v1/audits/shipments/batch", new JsonObject().put("shipments", new JsonArray()
                .add(heavy).add(ShipmentAuditIT.shipment("UPS", "GROUND", 8, 12, 10, 6).put("id", "TRAIL-OTHER"))));
        String second = batch.getJsonArray("results").getJsonObject(0).getString("auditId");
        assertTrue(!first.equals(second), "each audit is its own decision");
        kept(first);
        kept(second);

        JsonArray audits = get("/v1/audits?shipmentId=TRAIL-LIST").bodyAsJsonObject().getJsonArray("audits");
        assertEquals(2, audits.size(), audits::encode);
        assertEquals(second, audits.getJsonObject(0).getString("auditId"), "newest first");
        assertEquals(first, audits.getJsonObject(1).getString("auditId"));
        assertEquals("BLOCK", audits.getJsonObject(0).getString("verdict"));
        assertTrue(!audits.getJsonObject(0).containsKey("shipment"), "lists leave the shipment out");

        assertEquals(0, get("/v1/audits?shipmentId=TRAIL-LIST&verdict=PASS").bodyAsJsonObject()
                .getJsonArray("audits").size());
        assertEquals(1, get("/v1/audits?shipmentId=TRAIL-LIST&limit=1").bodyAsJsonObject()
                .getJsonArray("audits").size());
        assertEquals(0, get("/v1/audits?shipmentId=TRAIL-LIST&to=2020-01-01").bodyAsJsonObject()
                .getJsonArray("audits").size());
        assertEquals(2, get("/v1/audits?shipmentId=TRAIL-LIST&from=2020-01-01&verdict=block").bodyAsJsonObject()
                .getJsonArray("audits").size());
    }

    @Test
    void metricsCountTheDecisionsKeptAndNoneDropped() throws Exception {
        kept(audit("/v1/audits/shipments", ShipmentAuditIT.shipment("UPS", "GROUND", 8, 12, 10, 6)
                .put("id", "TRAIL-METRICS")).getString("auditId"));
        String metrics = get("/metrics").bodyAsString();
        java.util.regex.Matcher kept = java.util.regex.Pattern.compile("(?m)^shipaudit_decisions_recorded_total\\S* (\\S+)$")
                .matcher(metrics);
        assertTrue(kept.find(), metrics);
        assertTrue(Double.parseDouble(kept.group(1)) >= 1, kept.group());
        assertTrue(metrics.contains("shipaudit_decisions_dropped_total 0.0"), "nothing dropped");
    }

    @Test
    void anUnknownAuditIdIs404() {
        HttpResponse<Buffer> r = get("/v1/audits/a-00000000-0000-0000-0000-000000000000");
        assertEquals(404, r.statusCode());
        assertEquals("application/problem+json", r.getHeader("Content-Type"));
        assertTrue(r.bodyAsJsonObject().getString("detail").contains("a-00000000"), r.bodyAsString());
    }

    @Test
    void badDatesVerdictsAndLimitsAre400NamingTheParameter() {
        HttpResponse<Buffer> r = get("/v1/audits?from=02/12/2026&verdict=MAYBE&limit=0&shipmentld=S1");
        assertEquals(400, r.statusCode(), r.bodyAsString());
        assertEquals("application/problem+json", r.getHeader("Content-Type"));
        String body = r.bodyAsString();
        for (String field : new String[] {"\"from\"", "\"verdict\"", "\"limit\"", "\"shipmentld\""}) {
            assertTrue(body.contains(field), field + " named in " + body);
        }
        assertEquals(400, get("/v1/audits?from=2026-12-02&to=2026-12-01").statusCode(), "to before from");
    }
}
