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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import org.shipaudit.cli.ServiceAssembly;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pre-ship packs over HTTP on the shipped packs and the bundled reference sample: the reference look-ups reach
 * the rules (enrichment), and the README's US-to-Germany example gets exactly the findings a trade compliance
 * officer expects.
 */
@ExtendWith(VertxExtension.class)
class PreShipAuditIT {

    static ServiceAssembly service;
    static WebClient client;

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        service = TestServer.shared();
        client = TestServer.client(vertx, service);
    }


    static JsonObject audit(JsonObject shipment) {
        HttpResponse<Buffer> r = client.post("/v1/audits/shipments").putHeader("Content-Type", "application/json")
                .sendBuffer(shipment.toBuffer()).await();
        assertEquals(200, r.statusCode(), r.bodyAsString());
        return r.bodyAsJsonObject();
    }

    static JsonObject example() throws Exception {
        return new JsonObject(Files.readString(Path.of("src/site/examples/shipment-us-to-germany.json")));
    }

    static TreeSet<String> ruleIds(JsonObject result) {
        TreeSet<String> ids = new TreeSet<>();
        result.getJsonArray("findings").forEach(f -> ids.add(((JsonObject) f).getString("ruleId")));
        return ids;
    }

    static JsonObject finding(JsonObject result, String ruleId) {
        for (Object f : result.getJsonArray("findings")) {
            if (((JsonObject) f).getString("ruleId").equals(ruleId)) {
                return (JsonObject) f;
            }
        }
        return null;
    }

    @Test
    void auditsTheUsToGermanyExampleAsATradeComplianceOfficerWould() throws Exception {
        JsonObject result = audit(example());
        // Clean classification, origins, values, Incoterms, a Section II lithium item by air within limits and valid
        // addresses: nothing to fix. What the officer wants on record: no EEI, so the NOEEI 30.37(a) legend; and the
        // receiver pays German import VAT whatever the value. The USD 324 cannot be judged against the EUR 150 duty
        // de minimis: the bundled sample's ECB rates (2022-2023 days) hold none for the 2026 ship date (TRD-016);
        // with the ECB's current file imported it is converted and judged (CurrencyConversionAuditTest).
        assertEquals(new TreeSet<>(java.util.List.of("TRD-012", "TRD-014", "TRD-016")), ruleIds(result),
                result.encodePrettily());
        assertEquals("PASS", result.getString("verdict"));
        assertEquals("INFO", finding(result, "TRD-016").getString("severity"));
        assertEquals("NOEEI 30.37(a)", finding(result, "TRD-014").getJsonObject("evidence").getString("legend"));
        assertEquals("EU", finding(result, "TRD-012").getJsonObject("evidence").getString("region"));
        assertEquals("INFO", finding(result, "TRD-012").getString("severity"));
    }

    @Test
    void warnsWhenTheLithiumItemOfTheExampleIsNotDeclared() throws Exception {
        JsonObject shipment = example();
        shipment.getJsonArray("items").getJsonObject(2).putNull("dangerousGoods");
        JsonObject result = audit(shipment);
        JsonObject hidden = finding(result, "HAZ-030");
        assertNotNull(hidden, result.encodePrettily());
        assertEquals("items[2].dangerousGoods", hidden.getString("subject"));
        // Batteries in equipment (UN3481), not batteries alone (UN3480): the term table's "unless" words see to it.
        assertEquals("UN3481", hidden.getJsonObject("evidence").getString("likelyUnNumber"));
        assertEquals(1, result.getJsonArray("findings").stream()
                .filter(f -> ((JsonObject) f).getString("ruleId").equals("HAZ-030")).count(), result.encodePrettily());
    }

    @Test
    void blocksTheExampleWhenTheHeadphonesAreDeclaredAsBatteriesAloneOnAnAirService() throws Exception {
        JsonObject shipment = example();
        shipment.getJsonArray("items").getJsonObject(2).getJsonObject("dangerousGoods")
                .put("unNumber", "UN3480").put("packingInstruction", "965");
        JsonObject result = audit(shipment);
        assertEquals("BLOCK", result.getString("verdict"));
        // The Hazardous Materials Table entry (bundled sample) says UN3480 is forbidden on passenger aircraft.
        JsonObject air = finding(result, "HAZ-006");
        assertNotNull(air, result.encodePrettily());
        assertEquals("Forbidden", air.getJsonObject("evidence").getString("passengerAircraftLimit"));
    }

    @Test
    void offersTheStateAPostalCodeIsInFromTheReferenceData() throws Exception {
        JsonObject shipment = example();
        shipment.put("shipTo", new JsonObject().put("street1", "350 Fifth Avenue").put("city", "New York")
                .put("state", "CA").put("postalCode", "10001").put("country", "US"));
        shipment.put("service", "GROUND").remove("customs");
        JsonObject result = audit(shipment);
        JsonObject state = finding(result, "ADR-006");
        assertNotNull(state, result.encodePrettily());
        assertEquals("shipTo.state", state.getString("subject"));
        assertTrue(state.getJsonObject("evidence").getString("candidates").contains("NY"), state.encode());
        assertTrue(state.getString("message").contains("bundled sample"), state.getString("message"));
    }

    @Test
    void blocksAShipmentToHavana() throws Exception {
        JsonObject shipment = example();
        shipment.put("shipTo", new JsonObject().put("street1", "Calle 23 No. 101").put("city", "La Habana")
                .put("postalCode", "10400").put("country", "CU"));
        JsonObject result = audit(shipment);
        assertEquals("BLOCK", result.getString("verdict"));
        assertEquals("shipTo.country", finding(result, "TRD-001").getString("subject"));
        JsonArray findings = result.getJsonArray("findings");
        assertEquals("BLOCK", findings.getJsonObject(0).getString("severity"));
    }
}
