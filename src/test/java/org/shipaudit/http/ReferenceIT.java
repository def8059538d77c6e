package org.shipaudit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** The reference look-up routes of API.md over a real port, on the bundled reference sample. */
@ExtendWith(VertxExtension.class)
class ReferenceIT {

    static WebClient client;

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        client = TestServer.sharedClient(vertx);
    }

    static HttpResponse<Buffer> get(String path) {
        return client.get(path).send().await();
    }

    static HttpResponse<Buffer> post(String path, String body) {
        return client.post(path).putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body)).await();
    }

    @Test
    void ranksCottonTShirtsFirstForCottonTShirt() {
        HttpResponse<Buffer> r = get("/v1/reference/tariff/search?q=cotton+t-shirt&limit=5");
        assertEquals(200, r.statusCode(), r.bodyAsString());
        JsonArray results = r.bodyAsJsonObject().getJsonArray("results");
        assertEquals("6109.10", results.getJsonObject(0).getString("code"));
        assertTrue(results.size() <= 5);
        assertFalse(results.getJsonObject(0).getJsonArray("path").isEmpty());
    }

    @Test
    void searchesTheNationalScheduleWhenAsked() {
        HttpResponse<Buffer> r = get("/v1/reference/tariff/search?q=cotton+t-shirt&schedule=HTSUS&limit=3");
        assertEquals(200, r.statusCode(), r.bodyAsString());
        assertTrue(r.bodyAsJsonObject().getJsonArray("results").getJsonObject(0).getString("code").startsWith("6109.10"));
    }

    @Test
    void refusesASearchWithoutWordsABadLimitOrAnUnknownSchedule() {
        HttpResponse<Buffer> r = get("/v1/reference/tariff/search?limit=0&schedule=XX");
        assertEquals(400, r.statusCode());
        assertEquals("application/problem+json", r.getHeader("Content-Type"));
        assertEquals("q limit schedule", TestServer.problemPaths(r));
    }

    @Test
    void refusesASearchInANationalScheduleThatIsNotLoaded() {
        HttpResponse<Buffer> r = get("/v1/reference/tariff/search?q=shirt&schedule=EU_CN");
        assertEquals(400, r.statusCode());
        assertEquals("schedule", TestServer.problemPaths(r));
    }

    @Test
    void answersATariffLineWithItsHierarchy() {
        HttpResponse<Buffer> r = get("/v1/reference/tariff/6109.10");
        assertEquals(200, r.statusCode(), r.bodyAsString());
        JsonObject line = r.bodyAsJsonObject();
        assertEquals("HS", line.getString("schedule"));
        assertEquals("6109.10", line.getString("code"));
        assertTrue(line.getJsonArray("path").size() >= 2, line.encode());
        HttpResponse<Buffer> hts = get("/v1/reference/tariff/6109.10.0012");
        assertEquals(200, hts.statusCode(), hts.bodyAsString());
        assertEquals("HTSUS", hts.bodyAsJsonObject().getString("schedule"));
    }

    @Test
    void answers404ForAnUnknownCodeAnd400ForSomethingThatIsNotACode() {
        assertEquals(404, get("/v1/reference/tariff/0101.99").statusCode());
        HttpResponse<Buffer> bad = get("/v1/reference/tariff/shirt");
        assertEquals(400, bad.statusCode());
        assertEquals("code", TestServer.problemPaths(bad));
    }

    @Test
    void answersTheHazmatEntriesOfAUnNumberWrittenEitherWay() {
        for (String id : new String[] {"UN3480", "3480"}) {
            HttpResponse<Buffer> r = get("/v1/reference/hazmat/" + id);
            assertEquals(200, r.statusCode(), r.bodyAsString());
            JsonObject entry = r.bodyAsJsonObject().getJsonArray("entries").getJsonObject(0);
            assertEquals("UN3480", entry.getString("unNumber"));
            assertEquals("9", entry.getString("hazardClass"));
            assertEquals("Forbidden", entry.getString("passengerAircraftLimit"));
        }
        assertTrue(get("/v1/reference/hazmat/UN1266").bodyAsJsonObject().getJsonArray("entries").size() >= 2);
    }

    @Test
    void answers404ForAnUnknownUnNumberAnd400ForGarbage() {
        assertEquals(404, get("/v1/reference/hazmat/UN0004").statusCode());
        assertEquals(400, get("/v1/reference/hazmat/lithium").statusCode());
    }

    @Test
    void validatesAnAddressAndOffersTheStateThePostalCodeIsIn() {
        HttpResponse<Buffer> ok = post("/v1/reference/addresses/validate",
                "{\"street1\":\"1745 T Street Southeast\",\"city\":\"Washington\",\"state\":\"DC\","
                        + "\"postalCode\":\"20020\",\"country\":\"US\"}");
        assertEquals(200, ok.statusCode(), ok.bodyAsString());
        assertTrue(ok.bodyAsJsonObject().getBoolean("valid"));
        HttpResponse<Buffer> wrong = post("/v1/reference/addresses/validate",
                "{\"city\":\"New York\",\"state\":\"CA\",\"postalCode\":\"10001\",\"country\":\"US\"}");
        assertEquals(200, wrong.statusCode());
        JsonObject v = wrong.bodyAsJsonObject();
        assertFalse(v.getBoolean("valid"));
        assertEquals("state", v.getJsonArray("issues").getJsonObject(0).getString("field"));
        assertEquals("NY", v.getJsonArray("candidates").getJsonObject(0).getString("state"));
    }

    @Test
    void refusesAnAddressThatBreaksTheContractWithEveryPath() {
        HttpResponse<Buffer> r = post("/v1/reference/addresses/validate", "{\"city\": 5, \"zip\": \"10001\"}");
        assertEquals(400, r.statusCode());
        String p = TestServer.problemPaths(r);
        assertTrue(p.contains("country") && p.contains("city") && p.contains("zip"), p);
        assertEquals(400, post("/v1/reference/addresses/validate", "not json").statusCode());
    }
}
