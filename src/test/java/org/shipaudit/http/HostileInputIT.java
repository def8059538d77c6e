package org.shipaudit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shipaudit.cli.ServiceAssembly;

/**
 * Hostile numbers and escapes over HTTP: every numeric field of the Shipment probed with huge, tiny, negative and
 * malformed values, and every route with bad escapes. Nothing may answer 500; what is out of bounds is a 400 naming
 * the path.
 */
@ExtendWith(VertxExtension.class)
class HostileInputIT {

    static ServiceAssembly service;
    static WebClient client;

    /** Raw JSON numbers (and a few non-numbers), written as text so that NaN, 1e400 and -0 reach the server. */
    static final List<String> VALUES = List.of("1e308", "-1e308", "5e307", "1.7976931348623157E308", "1e400", "-1e400",
            "1e-320", "4.9e-324", "1e-400", "0", "-0", "-0.0", "0.0000001", "-1", "-5e307", "1e19", "-1e19",
            "9223372036854775808", "2147483648", "-2147483649", "123456789012345678901234567890.5",
            "100000", "100001", "10000000", "10000001", "1e12", "1e13", "12.5", "1E+2", "\"NaN\"", "\"Infinity\"",
            "\"1e308\"", "\"12\"", "true", "null", "[]", "{}");

    /** Each numeric field of the contract, as a template of the shipment with {@code $V} where the number goes. */
    static final List<String> FIELDS = List.of(
            "packages[0].weight.value", "packages[0].scaleWeight.value",
            "packages[0].dimensions.length", "packages[0].dimensions.width", "packages[0].dimensions.height",
            "items[0].quantity", "items[0].weight.value",
            "items[0].dangerousGoods.wattHours", "items[0].dangerousGoods.lithiumContentGrams",
            "items[0].dangerousGoods.netQuantity.value");

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        service = TestServer.shared();
        client = TestServer.client(vertx, service);
    }


    /** A shipment with every numeric field set; {@code field} gets {@code value}, the others plausible numbers. */
    static String shipment(String field, String value, String weightUnit, String lengthUnit) {
        String wv = field.equals("packages[0].weight.value") ? value : "12.5";
        String sv = field.equals("packages[0].scaleWeight.value") ? value : "12.5";
        String l = field.equals("packages[0].dimensions.length") ? value : "20";
        String w = field.equals("packages[0].dimensions.width") ? value : "12";
        String h = field.equals("packages[0].dimensions.height") ? value : "10";
        String q = field.equals("items[0].quantity") ? value : "10";
        String iw = field.equals("items[0].weight.value") ? value : "0.2";
        String wh = field.equals("items[0].dangerousGoods.wattHours") ? value : "50";
        String li = field.equals("items[0].dangerousGoods.lithiumContentGrams") ? value : "1";
        String nq = field.equals("items[0].dangerousGoods.netQuantity.value") ? value : "0.5";
        return """
                {"id": "SHP-P", "shipDate": "2026-11-20", "carrier": "UPS", "service": "GROUND",
                 "shipFrom": {"street1": "100 Main St", "city": "Columbus", "state": "OH", "postalCode": "43215", "country": "US"},
                 "shipTo": {"street1": "1745 T Street Southeast", "city": "Washington", "state": "DC", "postalCode": "20020", "country": "US"},
                 "packages": [{"id": "P1", "weight": {"value": %s, "unit": "%s"}, "scaleWeight": {"value": %s, "unit": "%s"},
                   "dimensions": {"length": %s, "width": %s, "height": %s, "unit": "%s"}, "packaging": "BOX"}],
                 "items": [{"sku": "S1", "description": "power bank", "hsCode": "8507.60", "countryOfOrigin": "CN",
                   "quantity": %s, "unitValue": {"amount": "8.50", "currency": "USD"},
                   "weight": {"value": %s, "unit": "%s"}, "packageId": "P1",
                   "dangerousGoods": {"unNumber": "UN3481", "section": "II", "packingInstruction": "967",
                     "wattHours": %s, "lithiumContentGrams": %s, "netQuantity": {"value": %s, "unit": "%s"}}}]}
                """.formatted(wv, weightUnit, sv, weightUnit, l, w, h, lengthUnit, q, iw, weightUnit, wh, li, nq,
                weightUnit);
    }

    static HttpResponse<Buffer> post(String path, String body) {
        return client.post(path).putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body)).await();
    }

    @Test
    void answersNoNumericProbeWithA500() {
        List<String> failures = new ArrayList<>();
        int probes = 0;
        for (String unit : List.of("LB", "KG", "OZ", "G")) {
            for (String field : FIELDS) {
                for (String value : VALUES) {
                    String lengthUnit = unit.equals("LB") || unit.equals("OZ") ? "IN" : "CM";
                    HttpResponse<Buffer> r = post("/v1/audits/shipments", shipment(field, value, unit, lengthUnit));
                    probes++;
                    int s = r.statusCode();
                    boolean problem = s == 200 || "application/problem+json".equals(r.getHeader("Content-Type"));
                    if (s != 200 && s != 400 || !problem) {
                        failures.add(field + "=" + value + " " + unit + " -> " + s + " " + r.bodyAsString());
                    }
                }
            }
        }
        assertTrue(probes >= 400, "only " + probes + " probes");
        assertTrue(failures.isEmpty(), failures.size() + " of " + probes + " probes failed:\n"
                + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
    }

    @Test
    void refusesWeightsBeyondWhatAShipmentCanBeWithThePath() {
        for (String field : List.of("packages[0].weight.value", "packages[0].scaleWeight.value", "items[0].weight.value",
                "items[0].dangerousGoods.netQuantity.value")) {
            assertRefused(shipment(field, "1e308", "KG", "CM"), field);
            assertRefused(shipment(field, "100001", "KG", "CM"), field);
            assertRefused(shipment(field, "-100001", "KG", "CM"), field);
            assertRefused(shipment(field, "220463", "LB", "IN"), field);
        }
    }

    @Test
    void refusesDimensionsQuantitiesAndBatteryFiguresBeyondBounds() {
        assertRefused(shipment("packages[0].dimensions.length", "10001", "KG", "CM"), "packages[0].dimensions.length");
        assertRefused(shipment("packages[0].dimensions.height", "3938", "LB", "IN"), "packages[0].dimensions.height");
        assertRefused(shipment("items[0].quantity", "10000001", "KG", "CM"), "items[0].quantity");
        assertRefused(shipment("items[0].dangerousGoods.wattHours", "1e308", "KG", "CM"), "items[0].dangerousGoods.wattHours");
        assertRefused(shipment("items[0].dangerousGoods.lithiumContentGrams", "1e9", "KG", "CM"),
                "items[0].dangerousGoods.lithiumContentGrams");
    }

    @Test
    void auditsTheLargestWeightAndQuantityTheContractTakes() {
        // 100,000 kg declared and weighed on the package and 10 items of 10,000 kg: at the bound, still an audit with
        // findings (the scale weight governs the limits, so it is at the bound too).
        String body = shipment("packages[0].weight.value", "100000", "KG", "CM")
                .replace("\"scaleWeight\": {\"value\": 12.5", "\"scaleWeight\": {\"value\": 100000")
                .replace("\"value\": 0.2", "\"value\": 10000");
        HttpResponse<Buffer> r = post("/v1/audits/shipments", body);
        assertEquals(200, r.statusCode(), r.bodyAsString());
        assertEquals("BLOCK", r.bodyAsJsonObject().getString("verdict"), r.bodyAsString());
    }

    @Test
    void refusesAnUnitValueBeyondATrillion() {
        String body = shipment("items[0].quantity", "1", "KG", "CM").replace("\"8.50\"", "\"1000000000000.01\"");
        assertRefused(body, "items[0].unitValue.amount");
    }

    static void assertRefused(String body, String path) {
        HttpResponse<Buffer> r = post("/v1/audits/shipments", body);
        assertEquals(400, r.statusCode(), path + ": " + r.bodyAsString());
        assertEquals("application/problem+json", r.getHeader("Content-Type"));
        JsonObject problem = r.bodyAsJsonObject();
        assertTrue(problem.getJsonArray("errors").stream().anyMatch(e -> ((JsonObject) e).getString("path").equals(path)),
                path + " not named in " + problem.encode());
    }

    /** Each route with a malformed percent-escape in its path or its query string. */
    @Test
    void answersBadEscapesOnEveryRouteWith400() {
        List<String> uris = List.of(
                "/v1/reference/tariff/search?q=%ZZ", "/v1/reference/tariff/search?q=cotton&limit=%G1",
                "/v1/reference/tariff/search?q=%C3%28", "/v1/reference/tariff/search?q=cotton%",
                "/v1/reference/tariff/search?q=%E2%82", "/v1/reference/tariff/6109%ZZ", "/v1/reference/tariff/6109?schedule=%ZZ",
                "/v1/reference/hazmat/UN%ZZ", "/v1/reference/hazmat/%", "/v1/rule-packs/%ZZ", "/v1/rule-packs/weights?x=%ZZ",
                "/v1/rule-packs/%ZZ/history", "/v1/rule-packs/weights/versions/%ZZ",
                "/v1/rule-packs/weights/versions/1/files/%ZZ", "/v1/jobs/%ZZ", "/v1/jobs?status=%ZZ",
                "/v1/jobs/%ZZ/findings", "/v1/jobs/%ZZ/report", "/v1/jobs/x/report?format=%ZZ", "/v1/jobs/%ZZ/disputes",
                "/v1/mappings/%ZZ", "/v1/mappings?x=%", "/health?x=%ZZ", "/metrics?x=%ZZ", "/openapi.yaml?%ZZ");
        List<String> failures = new ArrayList<>();
        for (String uri : uris) {
            HttpResponse<Buffer> r = client.get(uri).send().await();
            if (r.statusCode() != 400 || !"application/problem+json".equals(r.getHeader("Content-Type"))) {
                failures.add("GET " + uri + " -> " + r.statusCode() + " " + r.getHeader("Content-Type") + " "
                        + r.bodyAsString());
            }
        }
        for (String uri : List.of("/v1/audits/shipments?x=%ZZ", "/v1/audits/shipments/batch?%", "/v1/rule-packs/%ZZ/rollback",
                "/v1/rule-packs/%ZZ/reload", "/v1/reference/addresses/validate?x=%ZZ")) {
            HttpResponse<Buffer> r = client.post(uri).putHeader("Content-Type", "application/json")
                    .sendBuffer(Buffer.buffer("{}")).await();
            if (r.statusCode() != 400 || !"application/problem+json".equals(r.getHeader("Content-Type"))) {
                failures.add("POST " + uri + " -> " + r.statusCode() + " " + r.bodyAsString());
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void answersBadParametersWith400() {
        for (String uri : List.of("/v1/reference/tariff/search?q=cotton&limit=0", "/v1/reference/tariff/search?q=cotton&limit=1e3",
                "/v1/reference/tariff/search?q=cotton&limit=99999999999", "/v1/reference/tariff/search?q=cotton&schedule=XX",
                "/v1/reference/tariff/search?q=", "/v1/reference/tariff/1?schedule=HS")) {
            HttpResponse<Buffer> r = client.get(uri).send().await();
            assertEquals(400, r.statusCode(), uri + " " + r.bodyAsString());
            assertEquals("application/problem+json", r.getHeader("Content-Type"), uri);
        }
    }
}
