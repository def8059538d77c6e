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
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Restricted-party screening over a real port on the bundled sample lists: pre-ship audits BLOCK the listed parties,
 * the search routes answer as API.md says, and a cleared false match is INFO on the next audit.
 */
@ExtendWith(VertxExtension.class)
class ScreeningIT {

    static WebClient client;

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        client = TestServer.sharedClient(vertx);
    }

    static HttpResponse<Buffer> post(String path, String body) {
        return client.post(path).putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body)).await();
    }

    /** A parcel from Columbus to the given consignee, with further parties as JSON (or none). */
    static String shipment(String company, String name, String city, String country, String parties) {
        return new JsonObject()
                .put("id", "SCR-IT").put("shipDate", "2026-11-20").put("carrier", "UPS").put("service", "WORLDWIDE_SAVER")
                .put("shipFrom", new JsonObject().put("company", "Example Outfitters").put("street1", "100 Main St")
                        .put("city", "Columbus").put("state", "OH").put("postalCode", "43215").put("country", "US"))
                .put("shipTo", new JsonObject().put("company", company).put("name", name).put("street1", "1 Main Road")
                        .put("city", city).put("country", country))
                .put("packages", new JsonArray().add(new JsonObject().put("id", "P1")
                        .put("weight", new JsonObject().put("value", 2).put("unit", "KG"))))
                .put("parties", parties == null ? new JsonArray() : new JsonArray(parties))
                .encode();
    }

    static List<JsonObject> screening(JsonObject result) {
        return result.getJsonArray("findings").stream().map(o -> (JsonObject) o)
                .filter(f -> "SCREENING".equals(f.getString("category"))).collect(Collectors.toList());
    }

    static JsonObject audit(String shipment) {
        HttpResponse<Buffer> r = post("/v1/audits/shipments", shipment);
        assertEquals(200, r.statusCode(), r.bodyAsString());
        return r.bodyAsJsonObject();
    }

    @Test
    void blocksTheIrgcInDubaiCitingItsEntry() {
        JsonObject result = audit(shipment("Islamic Revolutionary Guard Corps", null, "Dubai", "AE", null));
        assertEquals("BLOCK", result.getString("verdict"));
        JsonObject f = screening(result).get(0);
        assertEquals("SCR-001", f.getString("ruleId"), f.encode());
        assertEquals("shipTo.company", f.getString("subject"));
        JsonObject ev = f.getJsonObject("evidence");
        assertEquals("OFAC_SDN", ev.getString("list"));
        assertEquals("10391", ev.getString("entryId"));
        assertTrue(ev.getString("programs").contains("IRGC"));
    }

    @Test
    void blocksBancoNacionalDeCubaInMadridAndViktorBoutInBerlinAsFurtherParties() {
        String parties = new JsonArray()
                .add(new JsonObject().put("role", "BUYER").put("company", "Banco Nacional de Cuba").put("city", "Madrid")
                        .put("country", "ES"))
                .add(new JsonObject().put("role", "ULTIMATE_CONSIGNEE").put("name", "Viktor Bout").put("city", "Berlin")
                        .put("country", "DE")).encode();
        JsonObject result = audit(shipment("Example Retail GmbH", null, "Berlin", "DE", parties));
        assertEquals("BLOCK", result.getString("verdict"));
        List<JsonObject> f = screening(result);
        assertTrue(f.stream().anyMatch(x -> x.getString("subject").equals("parties[0].company")
                && x.getJsonObject("evidence").getString("entryId").equals("306")), f.toString());
        assertTrue(f.stream().anyMatch(x -> x.getString("subject").equals("parties[1].name")
                && x.getJsonObject("evidence").getString("entryId").equals("8279")), f.toString());
    }

    @Test
    void screensThePartiesOfAShipmentsSheetNamingRowAndColumn() throws Exception {
        String csv = "shipment_id,ship_date,carrier,service,ship_from_company,ship_from_country,ship_to_company,"
                + "ship_to_city,ship_to_country,weight,weight_unit,party1_role,party1_company,party1_city,party1_country,"
                + "ultimate_consignee_name,ultimate_consignee_country\n"
                + "S-SHEET-1,2026-11-20,UPS,WORLDWIDE_SAVER,Example Outfitters,US,Example Retail GmbH,Berlin,DE,2,KG,"
                + "Buyer,Banco Nacional de Cuba,Madrid,ES,Viktor Bout,DE\n"
                + "S-SHEET-2,2026-11-20,UPS,WORLDWIDE_SAVER,Example Outfitters,US,Example Retail GmbH,Berlin,DE,2,KG,"
                + "Customer,Anna Schmidt GmbH,Berlin,DE,,\n"
                + "S-SHEET-3,2026-11-20,UPS,WORLDWIDE_SAVER,Example Outfitters,US,Example Retail GmbH,Berlin,DE,2,KG,"
                + ",,,,Anna Schmidt,DE\n";
        HttpResponse<Buffer> r = client.post("/v1/jobs").sendMultipartForm(io.vertx.ext.web.multipart.MultipartForm
                .create().binaryFileUpload("file", "labels.csv", Buffer.buffer(csv), "text/csv")
                .attribute("kind", "shipments")).await();
        assertEquals(202, r.statusCode(), r.bodyAsString());
        JsonObject job = TestServer.awaitDone(client, r.bodyAsJsonObject().getString("id"));
        assertEquals("DONE", job.getString("status"), job::encode);
        assertEquals(3, job.getLong("rowsDone"));
        List<JsonObject> errors = job.getJsonArray("errors").stream().map(o -> (JsonObject) o).toList();
        assertEquals(1, errors.size(), errors::toString);
        assertEquals(3, errors.get(0).getLong("row"));
        assertEquals("party1_role", errors.get(0).getString("column"));
        assertTrue(errors.get(0).getString("message").contains("got 'CUSTOMER'"), errors::toString);
        List<JsonObject> findings = client.get("/v1/jobs/" + job.getString("id") + "/findings").send().await()
                .bodyAsJsonObject().getJsonArray("findings").stream().map(o -> (JsonObject) o)
                .filter(f -> "SCREENING".equals(f.getString("category"))).toList();
        JsonObject bank = findings.stream().filter(f -> f.getString("subject").equals("rows[2].parties[0].company"))
                .findFirst().orElseThrow(() -> new AssertionError(findings.toString()));
        assertEquals("SCR-001", bank.getString("ruleId"));
        assertEquals("306", bank.getJsonObject("evidence").getString("entryId"));
        assertEquals("party1_company", bank.getJsonObject("evidence").getString("column"));
        assertEquals("S-SHEET-1", bank.getJsonObject("evidence").getString("shipmentId"));
        assertEquals("BLOCK", bank.getJsonObject("evidence").getString("verdict"));
        JsonObject bout = findings.stream().filter(f -> f.getString("subject").equals("rows[2].parties[1].name"))
                .findFirst().orElseThrow(() -> new AssertionError(findings.toString()));
        assertEquals("8279", bout.getJsonObject("evidence").getString("entryId"));
        assertEquals("ultimate_consignee_name", bout.getJsonObject("evidence").getString("column"));
        assertTrue(findings.stream().noneMatch(f -> f.getString("subject").startsWith("rows[4]")), findings::toString);
    }

    @Test
    void anOrdinaryConsigneeHasNoScreeningFinding() {
        assertTrue(screening(audit(shipment("Example Retail GmbH", "Anna Schmidt", "Berlin", "DE", null))).isEmpty());
    }

    @Test
    void aClearedFalseMatchIsInfoOnTheNextAuditNamingWhoClearedIt() {
        String s = shipment("Example Front Trading", null, "Dubai", "AE", null);
        List<JsonObject> before = screening(audit(s));
        assertTrue(before.stream().anyMatch(f -> !f.getString("severity").equals("INFO")
                && f.getJsonObject("evidence").getString("entryId").equals("90001")), before.toString());
        HttpResponse<Buffer> c = post("/v1/screening/clearances", new JsonObject()
                .put("party", new JsonObject().put("company", "Example Front Trading").put("country", "AE"))
                .put("list", "OFAC_SDN").put("entryId", "90001")
                .put("reason", "Different company: trade licence 12345 checked on 2026-11-19").encode());
        assertEquals(201, c.statusCode(), c.bodyAsString());
        String id = c.bodyAsJsonObject().getString("id");
        List<JsonObject> after = screening(audit(s));
        JsonObject info = after.stream().filter(f -> f.getJsonObject("evidence").getString("entryId").equals("90001"))
                .findFirst().orElseThrow();
        assertEquals("SCR-003", info.getString("ruleId"));
        assertEquals("INFO", info.getString("severity"));
        assertTrue(info.getString("message").contains("cleared as a false match by anonymous"), info.encode());
        assertTrue(client.get("/v1/screening/clearances").send().await().bodyAsString().contains(id));
        assertEquals(204, client.delete("/v1/screening/clearances/" + id).send().await().statusCode());
        assertEquals(404, client.delete("/v1/screening/clearances/" + id).send().await().statusCode());
        assertTrue(screening(audit(s)).stream().noneMatch(f -> f.getString("severity").equals("INFO")));
    }

    @Test
    void searchesOneNameAndManyAtOnce() {
        JsonObject one = client.get("/v1/screening/search?name=National+Bank+of+Cuba&country=ES&limit=3").send().await()
                .bodyAsJsonObject();
        JsonObject hit = one.getJsonArray("results").getJsonObject(0);
        assertEquals("306", hit.getString("entryId"));
        assertEquals("BANCO NACIONAL DE CUBA", hit.getString("name"));
        assertEquals("NATIONAL BANK OF CUBA", hit.getString("matchedName"));
        assertEquals("entity", hit.getString("type"));
        HttpResponse<Buffer> many = post("/v1/screening/search", "{\"queries\": {\"a\": {\"name\": \"Viktor Bout\"},"
                + " \"b\": {\"name\": \"Anna Schmidt\", \"country\": \"DE\"}}}");
        assertEquals(200, many.statusCode(), many.bodyAsString());
        JsonObject results = many.bodyAsJsonObject().getJsonObject("results");
        assertEquals("8279", results.getJsonArray("a").getJsonObject(0).getString("entryId"));
        assertTrue(results.getJsonArray("b").isEmpty());
    }

    @Test
    void badSearchesAndClearancesGetProblemsNamingTheField() {
        HttpResponse<Buffer> r = client.get("/v1/screening/search?country=Germany").send().await();
        assertEquals(400, r.statusCode());
        assertTrue(r.getHeader("Content-Type").startsWith("application/problem+json"));
        assertTrue(r.bodyAsString().contains("name") && r.bodyAsString().contains("country"), r.bodyAsString());
        assertEquals(400, client.get("/v1/screening/search?name=x&type=ship").send().await().statusCode());
        assertEquals(400, post("/v1/screening/search", "{\"queries\": {}}").statusCode());
        assertEquals(400, post("/v1/screening/search", "not json").statusCode());
        HttpResponse<Buffer> c = post("/v1/screening/clearances", "{\"party\": {\"name\": \"A\"}, \"list\": \"OFAC_SDN\","
                + " \"entryId\": \"nope\", \"reason\": \"x\"}");
        assertEquals(400, c.statusCode());
        assertTrue(c.bodyAsString().contains("entryId"), c.bodyAsString());
        assertEquals(400, post("/v1/screening/clearances", "{\"list\": \"EU\"}").statusCode());
    }

    @Test
    void healthShowsEachListsEditionAndCount() {
        String health = client.get("/health").send().await().bodyAsString();
        assertTrue(health.contains("sanctions:OFAC_SDN") && health.contains("sanctions:UN_SC")
                && health.contains("sanctions:BIS_DPL"), health);
    }
}
