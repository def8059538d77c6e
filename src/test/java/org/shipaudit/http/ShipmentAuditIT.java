package org.shipaudit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.shipaudit.cli.ServiceAssembly;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The pre-ship audit API over a real port, on the embedded defaults and the shipped rule packs. */
@ExtendWith(VertxExtension.class)
class ShipmentAuditIT {

    static ServiceAssembly service;
    static WebClient client;

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        service = TestServer.shared();
        client = TestServer.client(vertx, service);
    }


    static JsonObject shipment(String carrier, String service, double lb, double l, double w, double h) {
        return new JsonObject()
                .put("id", "SHP-T").put("shipDate", "2026-11-20").put("carrier", carrier).put("service", service)
                .put("shipFrom", new JsonObject().put("street1", "100 Main St").put("city", "Columbus").put("state", "OH").put("postalCode", "43215")
                        .put("country", "US"))
                .put("shipTo", new JsonObject().put("street1", "1745 T Street Southeast").put("city", "Washington").put("state", "DC").put("postalCode", "20020")
                        .put("country", "US").put("residential", true))
                .put("packages", new JsonArray().add(new JsonObject().put("id", "P1")
                        .put("weight", new JsonObject().put("value", lb).put("unit", "LB"))
                        .put("dimensions", new JsonObject().put("length", l).put("width", w).put("height", h)
                                .put("unit", "IN"))
                        .put("packaging", "BOX")));
    }

    static HttpResponse<Buffer> post(String path, Object body) {
        return client.post(path).putHeader("Content-Type", "application/json")
                .sendBuffer(body instanceof Buffer b ? b : Buffer.buffer(body.toString())).await();
    }

    static JsonObject findingOf(JsonObject result, String ruleId) {
        for (Object f : result.getJsonArray("findings")) {
            if (((JsonObject) f).getString("ruleId").equals(ruleId)) {
                return (JsonObject) f;
            }
        }
        return null;
    }

    @Test
    void auditsTheReadmeExampleAsDocumented() throws Exception {
        HttpResponse<Buffer> r = post("/v1/audits/shipments", Buffer.buffer(Files.readAllBytes(Path.of("src/site/examples/shipment.json"))));
        assertEquals(200, r.statusCode(), r.bodyAsString());
        JsonObject result = r.bodyAsJsonObject();
        assertEquals("SHP-1001", result.getString("shipmentId"));
        assertEquals("WARN", result.getString("verdict"));
        JsonObject dim = findingOf(result, "WGT-020");
        assertEquals("56", dim.getJsonObject("evidence").getString("dimWeightLb"));
        assertEquals("weights", dim.getString("pack"));
        assertEquals(56, result.getJsonArray("billableWeight").getJsonObject(0).getInteger("value"));
        assertEquals("1", result.getJsonObject("rulePacks").getString("weights"));
    }

    @Test
    void blocksA160LbUpsPackage() {
        JsonObject result = post("/v1/audits/shipments", shipment("UPS", "GROUND", 160, 30, 20, 20)).bodyAsJsonObject();
        assertEquals("BLOCK", result.getString("verdict"));
        assertEquals("BLOCK", findingOf(result, "WGT-010").getString("severity"));
    }

    @Test
    void showsABillableWeightOf56LbForA2LbBoxOf24By18By18() {
        JsonObject result = post("/v1/audits/shipments", shipment("UPS", "GROUND", 2, 24, 18, 18)).bodyAsJsonObject();
        assertEquals(56, result.getJsonArray("billableWeight").getJsonObject(0).getInteger("value"));
    }

    @Test
    void warnsOfAdditionalHandlingOnA55LbUpsGroundBox() {
        JsonObject result = post("/v1/audits/shipments", shipment("UPS", "GROUND", 55, 20, 16, 12)).bodyAsJsonObject();
        assertEquals("WARN", result.getString("verdict"));
        JsonObject ahs = findingOf(result, "WGT-031");
        assertTrue(ahs.getString("message").contains("additional handling"), ahs::encode);
        assertTrue(ahs.getJsonObject("evidence").getString("reasons").contains("weight 55 lb over 50 lb"), ahs::encode);
    }

    @Test
    void passesAWellFormedLightParcel() {
        JsonObject result = post("/v1/audits/shipments", shipment("UPS", "GROUND", 8, 12, 10, 6)).bodyAsJsonObject();
        assertEquals("PASS", result.getString("verdict"), result::encode);
        assertEquals(8, result.getJsonArray("billableWeight").getJsonObject(0).getInteger("value"));
    }

    @Test
    void answersABatchInInputOrder() {
        JsonObject a = shipment("UPS", "GROUND", 160, 30, 20, 20).put("id", "A");
        JsonObject b = shipment("UPS", "GROUND", 8, 12, 10, 6).put("id", "B");
        HttpResponse<Buffer> r = post("/v1/audits/shipments/batch", new JsonObject().put("shipments", new JsonArray().add(a).add(b)));
        assertEquals(200, r.statusCode(), r.bodyAsString());
        JsonArray results = r.bodyAsJsonObject().getJsonArray("results");
        assertEquals("A", results.getJsonObject(0).getString("shipmentId"));
        assertEquals("BLOCK", results.getJsonObject(0).getString("verdict"));
        assertEquals("PASS", results.getJsonObject(1).getString("verdict"));
    }

    static JsonObject problem(HttpResponse<Buffer> r, int status) {
        assertEquals(status, r.statusCode(), r.bodyAsString());
        assertEquals("application/problem+json", r.getHeader("Content-Type"));
        return r.bodyAsJsonObject();
    }

    static boolean hasError(JsonObject problem, String path, String text) {
        return problem.getJsonArray("errors").stream().map(JsonObject.class::cast)
                .anyMatch(e -> e.getString("path").equals(path) && e.getString("message").contains(text));
    }

    @Test
    void refusesABodyThatIsNotJson() {
        JsonObject p = problem(post("/v1/audits/shipments", "{not json"), 400);
        assertTrue(p.getJsonArray("errors").getJsonObject(0).getString("message").contains("line 1"), p::encode);
    }

    @Test
    void listsEveryWrongFieldWithItsPathInOneAnswer() {
        JsonObject s = shipment("UPS", "GROUND", 5, 10, 10, 10);
        s.getJsonArray("packages").getJsonObject(0).put("weight", new JsonObject().put("value", "heavy").put("unit", "STONE"));
        s.put("items", new JsonArray().add(new JsonObject().put("quantity", -2)));
        s.put("shipDate", 20261120);
        s.remove("carrier");
        JsonObject p = problem(post("/v1/audits/shipments", s), 400);
        assertTrue(hasError(p, "packages[0].weight.value", "must be a number"), p::encode);
        assertTrue(hasError(p, "packages[0].weight.unit", "LB, KG, OZ, G"), p::encode);
        assertTrue(hasError(p, "items[0].quantity", "at least 1"), p::encode);
        assertTrue(hasError(p, "shipDate", "date"), p::encode);
        assertTrue(hasError(p, "carrier", "required"), p::encode);
    }

    @Test
    void refuses10000PackagesWithOneClearError() {
        JsonObject s = shipment("UPS", "GROUND", 5, 10, 10, 10);
        JsonArray many = new JsonArray();
        for (int i = 0; i < 10_000; i++) {
            many.add(new JsonObject().put("id", "P" + i));
        }
        s.put("packages", many);
        JsonObject p = problem(post("/v1/audits/shipments", s), 400);
        assertEquals(1, p.getJsonArray("errors").size());
        assertTrue(hasError(p, "packages", "at most 500"), p::encode);
    }

    @Test
    void refusesA50MbBodyWith413() {
        Buffer big = Buffer.buffer(new byte[50 * 1024 * 1024]);
        problem(post("/v1/audits/shipments", big), 413);
    }

    @Test
    void refusesAnEmptyBodyAndOtherMediaTypes() {
        problem(post("/v1/audits/shipments", ""), 400);
        HttpResponse<Buffer> r = client.post("/v1/audits/shipments").putHeader("Content-Type", "text/csv")
                .sendBuffer(Buffer.buffer("a,b")).await();
        problem(r, 415);
    }

    @Test
    void refusesACurrencyThatIsNotIso4217() throws Exception {
        JsonObject s = new JsonObject(Files.readString(Path.of("src/site/examples/shipment-us-to-germany.json")));
        s.getJsonArray("items").getJsonObject(0).getJsonObject("unitValue").put("currency", "XYZ");
        JsonObject p = problem(post("/v1/audits/shipments", s), 400);
        assertTrue(hasError(p, "items[0].unitValue.currency", "not an ISO 4217 currency code"), p::encode);
        s.getJsonArray("items").getJsonObject(0).getJsonObject("unitValue").put("currency", "eur");
        assertEquals(200, post("/v1/audits/shipments", s).statusCode());
    }

    @Test
    void refusesABatchOverTheLimit() {
        JsonArray list = new JsonArray();
        for (int i = 0; i < 1001; i++) {
            list.add(new JsonObject());
        }
        JsonObject p = problem(post("/v1/audits/shipments/batch", new JsonObject().put("shipments", list)), 400);
        assertTrue(hasError(p, "shipments", "1 to 1000"), p::encode);
    }

    @Test
    void answersAMalformedBatchShipmentInItsPlaceAndAuditsTheOthers() {
        JsonObject bad = shipment("UPS", "GROUND", 5, 10, 10, 10).put("id", "BAD").put("service", 3);
        HttpResponse<Buffer> r = post("/v1/audits/shipments/batch", new JsonObject().put("shipments",
                new JsonArray().add(shipment("UPS", "GROUND", 5, 10, 10, 10).put("id", "OK")).add(bad)
                        .add(new JsonArray())));
        assertEquals(200, r.statusCode(), r.bodyAsString());
        JsonArray results = r.bodyAsJsonObject().getJsonArray("results");
        assertEquals(3, results.size());
        assertEquals("OK", results.getJsonObject(0).getString("shipmentId"), results::encode);
        assertTrue(results.getJsonObject(0).containsKey("verdict"), results::encode);
        JsonObject errors = results.getJsonObject(1);
        assertEquals("BAD", errors.getString("shipmentId"));
        assertTrue(hasError(errors, "shipments[1].service", "string"), errors::encode);
        assertTrue(errors.getJsonArray("errors").getJsonObject(0).getString("path").startsWith("shipments[1]"));
        assertTrue(results.getJsonObject(2).getJsonArray("errors").getJsonObject(0).getString("path")
                .startsWith("shipments[2]"), results::encode);
    }

    @Test
    void answersUnknownPathsAndMethodsAsProblems() {
        problem(client.get("/v1/nope").send().await(), 404);
        problem(client.get("/v1/audits/shipments").send().await(), 405);
    }

    @Test
    void keepsServingAfterBadInput() {
        post("/v1/audits/shipments", "[[[[");
        post("/v1/audits/shipments", Buffer.buffer(new byte[20 * 1024 * 1024]));
        HttpResponse<Buffer> health = client.get("/health").send().await();
        assertEquals(200, health.statusCode());
        assertEquals("UP", health.bodyAsJsonObject().getString("status"));
        assertEquals("1", health.bodyAsJsonObject().getJsonObject("rulePacks").getString("weights"));
    }

    @Test
    void publishesMetricsAndTheOpenApiDocument() {
        post("/v1/audits/shipments", shipment("UPS", "GROUND", 160, 30, 20, 20));
        String metrics = client.get("/metrics").send().await().bodyAsString();
        assertTrue(metrics.contains("shipaudit_audits_total{verdict=\"BLOCK\"}"), metrics);
        assertTrue(metrics.contains("shipaudit_findings_total{pack=\"weights\",rule=\"WGT-010\""), metrics);
        assertTrue(metrics.contains("shipaudit_http_requests_seconds_count{method=\"POST\",route=\"/v1/audits/shipments\""), metrics);
        assertTrue(metrics.contains("shipaudit_rule_pack_info{pack=\"weights\",version=\"1\"}"), metrics);
        HttpResponse<Buffer> openApi = client.get("/openapi.yaml").send().await();
        assertEquals(200, openApi.statusCode());
        assertTrue(openApi.bodyAsString().contains("/v1/audits/shipments/batch:"));
    }
}
