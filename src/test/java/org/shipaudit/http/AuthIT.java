package org.shipaudit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.shipaudit.cli.ServiceAssembly;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.auth.ApiKeys;
import org.shipaudit.auth.Role;
import org.shipaudit.config.ConfigKey;

/** With auth enabled: 401 without a valid key, 403 without the role, 200 with it. */
@ExtendWith(VertxExtension.class)
class AuthIT {

    @TempDir
    static Path dir;
    static ServiceAssembly service;
    static WebClient client;
    static String auditorKey;
    static String financeKey;
    static Buffer shipment;

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        Path keys = dir.resolve("keys.yaml");
        auditorKey = ApiKeys.create(keys, "warehouse", Set.of(Role.AUDITOR));
        financeKey = ApiKeys.create(keys, "finance-team", Set.of(Role.FINANCE));
        service = TestServer.start(TestServer.config(dir, Path.of("rules"),
                Map.of(ConfigKey.AUTH_ENABLED, "true", ConfigKey.AUTH_KEYS_FILE, keys.toString())));
        client = TestServer.client(vertx, service);
        shipment = Buffer.buffer(Files.readAllBytes(Path.of("src/site/examples/shipment.json")));
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    int statusWith(String key) {
        var req = client.post("/v1/audits/shipments").putHeader("Content-Type", "application/json");
        if (key != null) {
            req.putHeader("Authorization", "Bearer " + key);
        }
        return req.sendBuffer(shipment).await().statusCode();
    }

    @Test
    void refusesARequestWithoutAKey() {
        assertEquals(401, statusWith(null));
    }

    @Test
    void refusesAnUnknownKey() {
        assertEquals(401, statusWith("sa_not-a-real-key"));
    }

    @Test
    void refusesAKeyWithoutTheAuditorRole() {
        assertEquals(403, statusWith(financeKey));
    }

    @Test
    void auditsWithAnAuditorKey() {
        assertEquals(200, statusWith(auditorKey));
    }

    @Test
    void guardsReferenceLookUpsWithTheAuditorRole() {
        String path = "/v1/reference/hazmat/UN3480";
        assertEquals(401, client.get(path).send().await().statusCode());
        assertEquals(403, client.get(path).putHeader("Authorization", "Bearer " + financeKey).send().await().statusCode());
        assertEquals(200, client.get(path).putHeader("Authorization", "Bearer " + auditorKey).send().await().statusCode());
    }

    @Test
    void theDecisionTrailNamesTheCallerAndIsReadWithTheAuditorRole() throws Exception {
        String id = client.post("/v1/audits/shipments").putHeader("Content-Type", "application/json")
                .putHeader("Authorization", "Bearer " + auditorKey).sendBuffer(shipment).await()
                .bodyAsJsonObject().getString("auditId");
        String path = "/v1/audits/" + id;
        assertEquals(401, client.get(path).send().await().statusCode());
        assertEquals(403, client.get(path).putHeader("Authorization", "Bearer " + financeKey).send().await().statusCode());
        assertEquals(403, client.get("/v1/audits").putHeader("Authorization", "Bearer " + financeKey).send().await()
                .statusCode());
        for (int i = 0; i < 200; i++) {
            var r = client.get(path).putHeader("Authorization", "Bearer " + auditorKey).send().await();
            if (r.statusCode() == 200) {
                assertEquals("warehouse", r.bodyAsJsonObject().getString("caller"), "the API key's name");
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("decision " + id + " was not kept within five seconds");
    }

    @Test
    void leavesHealthOpenForProbes() {
        assertEquals(200, client.get("/health").send().await().statusCode());
    }

    int statusEventually(String key, int expected) throws InterruptedException {
        int status = 0;
        for (int i = 0; i < 100 && (status = statusWith(key)) != expected; i++) {
            Thread.sleep(50);
        }
        return status;
    }

    @Test
    void takesAddedAndRevokedKeysWithoutARestart() throws Exception {
        Path keys = dir.resolve("keys.yaml");
        String late = ApiKeys.create(keys, "late-arrival", Set.of(Role.AUDITOR));
        assertEquals(200, statusEventually(late, 200), "a key added while running is accepted");
        ApiKeys.revoke(keys, "late-arrival");
        assertEquals(401, statusEventually(late, 401), "a key revoked while running is refused");
        assertEquals(200, statusWith(auditorKey));
    }
}
