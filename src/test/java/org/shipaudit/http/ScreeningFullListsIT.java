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
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.OfficialData;
import org.shipaudit.cli.ServiceAssembly;
import org.shipaudit.config.AppConfig;
import org.shipaudit.reference.ReferenceImporter;

/**
 * Issue 16's "done when" over HTTP with the three official lists imported (OFAC SDN, UN SC, BIS DPL from
 * ../shared/reference-data/sanctions; skipped without it): each consignee is BLOCKed citing its OFAC entry (list, id,
 * the name or alias that matched, programs), a clearance makes the next audit INFO naming who cleared it and when,
 * and removing the clearance brings the BLOCK back.
 */
@OfficialData
@ExtendWith(VertxExtension.class)
class ScreeningFullListsIT {
    static final Path SANCTIONS = Paths.get("..", "shared", "reference-data", "sanctions");

    @TempDir
    static Path data;
    static ServiceAssembly service;
    static WebClient client;

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(SANCTIONS),
                "the official sanctions lists are not at ../shared/reference-data/sanctions; see reference-data/SOURCES.md");
        AppConfig config = TestServer.config(data, Path.of("rules"), Map.of());
        try (ReferenceImporter importer = ReferenceImporter.open(config.referenceIndexDir())) {
            importer.importPaths(List.of(SANCTIONS));
        }
        service = TestServer.start(config);
        client = TestServer.client(vertx, service);
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.close();
        }
    }

    static JsonObject shipment(String company, String name, String city, String country) {
        return new JsonObject()
                .put("id", "SCR-FULL").put("shipDate", "2026-11-20").put("carrier", "UPS").put("service", "WORLDWIDE_SAVER")
                .put("shipFrom", new JsonObject().put("company", "Example Outfitters").put("city", "Columbus")
                        .put("state", "OH").put("postalCode", "43215").put("country", "US"))
                .put("shipTo", new JsonObject().put("company", company).put("name", name).put("city", city)
                        .put("country", country))
                .put("packages", new JsonArray().add(new JsonObject().put("id", "P1")
                        .put("weight", new JsonObject().put("value", 2).put("unit", "KG"))));
    }

    static JsonObject audit(JsonObject shipment) {
        HttpResponse<Buffer> r = client.post("/v1/audits/shipments").putHeader("Content-Type", "application/json")
                .sendBuffer(shipment.toBuffer()).await();
        assertEquals(200, r.statusCode(), r.bodyAsString());
        return r.bodyAsJsonObject();
    }

    static List<JsonObject> screening(JsonObject result) {
        return result.getJsonArray("findings").stream().map(o -> (JsonObject) o)
                .filter(f -> "SCREENING".equals(f.getString("category"))).toList();
    }

    /** The audit's BLOCK finding on the entry: asserts the verdict and that the entry is the one cited. */
    static JsonObject blockingFinding(JsonObject shipment, String entryId) {
        JsonObject result = audit(shipment);
        assertEquals("BLOCK", result.getString("verdict"), result.encode());
        JsonObject f = screening(result).stream()
                .filter(x -> "SCR-001".equals(x.getString("ruleId")))
                .filter(x -> entryId.equals(x.getJsonObject("evidence").getString("entryId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no SCR-001 on entry " + entryId + " in " + result.encode()));
        assertEquals("BLOCK", f.getString("severity"), f.encode());
        return f;
    }

    @Test
    void blocksTheIslamicRevolutionaryGuardCorpsInDubai() {
        JsonObject f = blockingFinding(shipment("Islamic Revolutionary Guard Corps", null, "Dubai", "AE"), "10391");
        assertEquals("shipTo.company", f.getString("subject"));
        JsonObject ev = f.getJsonObject("evidence");
        assertEquals("OFAC_SDN", ev.getString("list"));
        assertEquals("ISLAMIC REVOLUTIONARY GUARD CORPS", ev.getString("listedName"));
        assertEquals("ISLAMIC REVOLUTIONARY GUARD CORPS (PRIMARY)", ev.getString("matchedName"), ev.encode());
        for (String program : List.of("FTO", "SDGT", "NPWMD", "IRGC", "IFSR")) {
            assertTrue(ev.getString("programs").contains(program), ev.encode());
        }
    }

    @Test
    void blocksBancoNacionalDeCubaInMadrid() {
        JsonObject f = blockingFinding(shipment("Banco Nacional de Cuba", null, "Madrid", "ES"), "306");
        JsonObject ev = f.getJsonObject("evidence");
        assertEquals("OFAC_SDN", ev.getString("list"));
        assertEquals("BANCO NACIONAL DE CUBA", ev.getString("listedName"));
        assertEquals("BANCO NACIONAL DE CUBA (PRIMARY)", ev.getString("matchedName"), ev.encode());
        assertEquals("CUBA", ev.getString("programs"));
    }

    @Test
    void blocksTheNationalBankOfCubaByItsAlias() {
        JsonObject ev = blockingFinding(shipment("National Bank of Cuba", null, "Madrid", "ES"), "306")
                .getJsonObject("evidence");
        assertEquals("BANCO NACIONAL DE CUBA", ev.getString("listedName"));
        assertEquals("NATIONAL BANK OF CUBA (AKA)", ev.getString("matchedName"), ev.encode());
    }

    @Test
    void blocksViktorBoutInBerlin() {
        JsonObject f = blockingFinding(shipment(null, "Viktor Bout", "Berlin", "DE"), "8279");
        assertEquals("shipTo.name", f.getString("subject"));
        JsonObject ev = f.getJsonObject("evidence");
        assertEquals("OFAC_SDN", ev.getString("list"));
        assertEquals("BOUT, Viktor Anatolijevitch", ev.getString("listedName"));
        assertEquals("BOUT, Viktor Anatolijevitch (PRIMARY)", ev.getString("matchedName"), ev.encode());
        assertEquals("DRCONGO", ev.getString("programs"));
    }

    @Test
    void aClearanceMakesTheNextAuditInfoNamingWhoClearedItAndWhenAndItsRemovalBlocksAgain() {
        JsonObject s = shipment(null, "Viktor Bout", "Berlin", "DE");
        blockingFinding(s, "8279");
        HttpResponse<Buffer> c = client.post("/v1/screening/clearances").putHeader("Content-Type", "application/json")
                .sendBuffer(new JsonObject()
                        .put("party", new JsonObject().put("name", "Viktor Bout").put("country", "DE"))
                        .put("list", "OFAC_SDN").put("entryId", "8279")
                        .put("reason", "A Berlin customer of the same name: passport and date of birth checked")
                        .toBuffer()).await();
        assertEquals(201, c.statusCode(), c.bodyAsString());
        JsonObject clearance = c.bodyAsJsonObject();
        String id = clearance.getString("id");
        try {
            JsonObject cleared = audit(s);
            assertTrue(screening(cleared).stream().noneMatch(f -> !"INFO".equals(f.getString("severity"))),
                    "no BLOCK or WARN on the cleared entry (the address packs may still block): " + cleared.encode());
            JsonObject info = screening(cleared).stream()
                    .filter(f -> "8279".equals(f.getJsonObject("evidence").getString("entryId"))).findFirst()
                    .orElseThrow(() -> new AssertionError(cleared.encode()));
            assertEquals("SCR-003", info.getString("ruleId"));
            assertEquals("INFO", info.getString("severity"));
            JsonObject ev = info.getJsonObject("evidence");
            assertEquals(id, ev.getString("clearance"));
            assertEquals("anonymous", ev.getString("clearedBy"), "auth is off in the test server");
            assertTrue(java.time.Instant.parse(ev.getString("clearedAt")).isAfter(java.time.Instant.now().minusSeconds(600)),
                    ev.encode());
            assertTrue(info.getString("message").contains("cleared as a false match by anonymous on "
                    + ev.getString("clearedAt")), info.encode());
            assertTrue(client.get("/v1/screening/clearances").send().await().bodyAsString().contains(id));
        } finally {
            assertEquals(204, client.delete("/v1/screening/clearances/" + id).send().await().statusCode());
        }
        JsonObject again = blockingFinding(s, "8279");
        assertEquals("BOUT, Viktor Anatolijevitch", again.getJsonObject("evidence").getString("listedName"));
        assertTrue(screening(audit(s)).stream().noneMatch(f -> "SCR-003".equals(f.getString("ruleId"))));
    }

    @Test
    void allThreeListsAreLoaded() {
        JsonObject reference = client.get("/health").send().await().bodyAsJsonObject().getJsonObject("reference");
        String text = reference.encode();
        for (String list : List.of("sanctions:OFAC_SDN", "sanctions:UN_SC", "sanctions:BIS_DPL")) {
            assertTrue(text.contains(list), text);
        }
    }
}
