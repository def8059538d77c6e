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
 * The consignees of issue 16 audited over HTTP with the three official lists imported (from
 * ../shared/reference-data/sanctions; skipped without it): each is BLOCKed citing its OFAC entry.
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

    static JsonObject blockingFinding(String company, String name, String city, String country) {
        JsonObject shipment = new JsonObject()
                .put("id", "SCR-FULL").put("shipDate", "2026-11-20").put("carrier", "UPS").put("service", "WORLDWIDE_SAVER")
                .put("shipFrom", new JsonObject().put("company", "Example Outfitters").put("city", "Columbus")
                        .put("state", "OH").put("postalCode", "43215").put("country", "US"))
                .put("shipTo", new JsonObject().put("company", company).put("name", name).put("city", city)
                        .put("country", country))
                .put("packages", new JsonArray().add(new JsonObject().put("id", "P1")
                        .put("weight", new JsonObject().put("value", 2).put("unit", "KG"))));
        HttpResponse<Buffer> r = client.post("/v1/audits/shipments").putHeader("Content-Type", "application/json")
                .sendBuffer(shipment.toBuffer()).await();
        assertEquals(200, r.statusCode(), r.bodyAsString());
        JsonObject result = r.bodyAsJsonObject();
        assertEquals("BLOCK", result.getString("verdict"), result.encode());
        return result.getJsonArray("findings").stream().map(o -> (JsonObject) o)
                .filter(f -> "SCR-001".equals(f.getString("ruleId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no SCR-001 in " + result.encode()));
    }

    @Test
    void blocksTheIslamicRevolutionaryGuardCorpsInDubai() {
        JsonObject ev = blockingFinding("Islamic Revolutionary Guard Corps", null, "Dubai", "AE").getJsonObject("evidence");
        assertEquals("OFAC_SDN", ev.getString("list"));
        assertEquals("10391", ev.getString("entryId"));
        assertTrue(ev.getString("programs").contains("IRGC"));
    }

    @Test
    void blocksBancoNacionalDeCubaInMadrid() {
        JsonObject ev = blockingFinding("Banco Nacional de Cuba", null, "Madrid", "ES").getJsonObject("evidence");
        assertEquals("306", ev.getString("entryId"));
        assertEquals("CUBA", ev.getString("programs"));
    }

    @Test
    void blocksViktorBoutInBerlin() {
        JsonObject f = blockingFinding(null, "Viktor Bout", "Berlin", "DE");
        assertEquals("shipTo.name", f.getString("subject"));
        assertEquals("8279", f.getJsonObject("evidence").getString("entryId"));
        assertEquals("BOUT, Viktor Anatolijevitch", f.getJsonObject("evidence").getString("listedName"));
    }
}
