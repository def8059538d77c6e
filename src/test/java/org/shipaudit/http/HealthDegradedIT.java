package org.shipaudit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.cli.ServiceAssembly;

/** A database that stops taking the recorder's writes: /health says DEGRADED and why, /metrics counts the loss. */
@ExtendWith(VertxExtension.class)
class HealthDegradedIT {

    @TempDir
    Path data;

    @Test
    void healthIsDegradedWhileDatabaseWritesFailAndUpWhenTheyWorkAgain(Vertx vertx) throws Exception {
        try (ServiceAssembly service = TestServer.start(data)) {
            WebClient client = TestServer.client(vertx, service);
            assertEquals("UP", health(client).getString("status"));

            sql(service, "ALTER TABLE shipped_packages RENAME TO shipped_packages_away");
            audit(client, "S-LOST", "1ZLOST000000001");
            JsonObject degraded = awaitStatus(client, "DEGRADED");
            assertTrue(degraded.getJsonArray("problems").encode().contains("database writes failing: shipment"),
                    degraded.encode());
            // The loss is counted before the failure is marked (WriteHealth.batchLost): DEGRADED implies the count.
            String metrics = client.get("/metrics").send().await().bodyAsString();
            assertTrue(metrics.contains("shipaudit_records_dropped_total{reason=\"database\",what=\"shipment\"} 1.0"),
                    metrics);

            sql(service, "ALTER TABLE shipped_packages_away RENAME TO shipped_packages");
            audit(client, "S-KEPT", "1ZKEPT000000001");
            JsonObject up = awaitStatus(client, "UP");
            assertTrue(!up.containsKey("problems"), up.encode());
        }
    }

    private static void audit(WebClient client, String id, String tracking) {
        JsonObject box = ShipmentAuditIT.shipment("UPS", "GROUND", 3.2, 10, 8, 4).put("id", id);
        box.getJsonArray("packages").getJsonObject(0).put("trackingNumber", tracking);
        HttpResponse<Buffer> r = client.post("/v1/audits/shipments").putHeader("Content-Type", "application/json")
                .sendBuffer(box.toBuffer()).await();
        assertEquals(200, r.statusCode(), r.bodyAsString() + ": the audit is answered whatever the recorder does");
    }

    private static JsonObject health(WebClient client) {
        HttpResponse<Buffer> r = client.get("/health").send().await();
        assertEquals(200, r.statusCode(), "liveness holds while degraded: " + r.bodyAsString());
        return r.bodyAsJsonObject();
    }

    private static JsonObject awaitStatus(WebClient client, String status) throws InterruptedException {
        JsonObject h = health(client);
        for (int i = 0; i < 400 && !h.getString("status").equals(status); i++) {
            Thread.sleep(25);
            h = health(client);
        }
        assertEquals(status, h.getString("status"), h.encode());
        return h;
    }

    private static void sql(ServiceAssembly service, String sql) throws Exception {
        try (Connection c = service.database().connection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
