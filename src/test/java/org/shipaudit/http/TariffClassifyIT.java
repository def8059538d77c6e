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

/** {@code GET /v1/reference/tariff/classify} and the classification beside the search results, on the bundled sample. */
@ExtendWith(VertxExtension.class)
class TariffClassifyIT {

    static WebClient client;

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        client = TestServer.sharedClient(vertx);
    }

    static HttpResponse<Buffer> get(String path) {
        return client.get(path).send().await();
    }

    @Test
    void classifiesACottonTShirtUnderHeading6109WithItsReasons() {
        HttpResponse<Buffer> r = get("/v1/reference/tariff/classify?q=Hot+sale+men%27s+cotton+knit+t-shirt+black+XL");
        assertEquals(200, r.statusCode(), r.bodyAsString());
        JsonObject body = r.bodyAsJsonObject();
        assertFalse(body.getBoolean("abstained"), body.encodePrettily());
        JsonObject best = body.getJsonArray("headings").getJsonObject(0);
        assertEquals("6109", best.getString("code"), body.encodePrettily());
        assertTrue(best.getDouble("confidence") > 0 && best.getDouble("confidence") <= 1);
        assertTrue(best.getJsonArray("reasons").encode().contains("matched"), best.encode());
        assertTrue(body.getJsonArray("subheadings").getJsonObject(0).getString("code").startsWith("6109."));
        JsonArray discounted = body.getJsonObject("analysis").getJsonArray("discounted");
        assertTrue(discounted.contains("hot") && discounted.contains("black") && discounted.contains("xl"),
                discounted.encode());
        // How sure: chapter 61 holds the largest share of the evidence, and every product noun is tariff language.
        JsonArray chapters = body.getJsonArray("chapters");
        assertEquals("61", chapters.getJsonObject(0).getString("chapter"), chapters.encode());
        double sum = 0;
        for (int i = 0; i < chapters.size(); i++) {
            sum += chapters.getJsonObject(i).getDouble("share");
        }
        assertEquals(1.0, sum, 0.01, chapters.encode());
        assertEquals(1.0, body.getDouble("nounsKnown"), 1e-9, body.encodePrettily());
    }

    @Test
    void readsTheCategoryPathAndAttributesOfAListing() {
        HttpResponse<Buffer> r = get("/v1/reference/tariff/classify?q=Summer+Casual+Tee+Top&category="
                + "Apparel+%3E+T-Shirts&attribute=Material%3A+cotton&attribute=Gender%3A+Men");
        assertEquals(200, r.statusCode(), r.bodyAsString());
        JsonObject body = r.bodyAsJsonObject();
        assertEquals("6109", body.getJsonArray("headings").getJsonObject(0).getString("code"), body.encodePrettily());
        assertTrue(body.getJsonObject("analysis").getJsonArray("materials").contains("cotton"));
    }

    @Test
    void saysTooVagueForWordsThatNameNoGoods() {
        HttpResponse<Buffer> r = get("/v1/reference/tariff/classify?q=gift+set");
        assertEquals(200, r.statusCode(), r.bodyAsString());
        JsonObject body = r.bodyAsJsonObject();
        assertTrue(body.getBoolean("abstained"));
        assertTrue(body.getString("abstention").startsWith("too vague"), body.getString("abstention"));
        assertTrue(body.getJsonArray("headings").isEmpty());
        assertTrue(body.getJsonArray("chapters").isEmpty());
        assertEquals(0.0, body.getDouble("nounsKnown"), 1e-9);
    }

    @Test
    void refusesAMissingQueryAnUnknownScheduleAndAMalformedAttributeNamingEach() {
        HttpResponse<Buffer> r = get("/v1/reference/tariff/classify?schedule=XX&attribute=copper");
        assertEquals(400, r.statusCode());
        assertEquals("application/problem+json", r.getHeader("Content-Type"));
        assertEquals("q schedule attribute[0]", TestServer.problemPaths(r));
    }

    @Test
    void refusesAScheduleThatIsNotLoaded() {
        HttpResponse<Buffer> r = get("/v1/reference/tariff/classify?q=shirt&schedule=EU_CN");
        assertEquals(400, r.statusCode(), r.bodyAsString());
        assertEquals("schedule", TestServer.problemPaths(r));
    }

    @Test
    void theSearchRouteAddsTheClassificationBesideItsResults() {
        HttpResponse<Buffer> r = get("/v1/reference/tariff/search?q=cotton+t-shirt&limit=3");
        assertEquals(200, r.statusCode(), r.bodyAsString());
        JsonObject body = r.bodyAsJsonObject();
        assertEquals("6109.10", body.getJsonArray("results").getJsonObject(0).getString("code"));
        assertEquals("6109", body.getJsonObject("classification").getJsonArray("headings").getJsonObject(0)
                .getString("code"));
    }
}
