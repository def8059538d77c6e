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
    static String authorKey;
    static Buffer shipment;

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        Path keys = dir.resolve("keys.yaml");
        auditorKey = ApiKeys.create(keys, "warehouse", Set.of(Role.AUDITOR));
        financeKey = ApiKeys.create(keys, "finance-team", Set.of(Role.FINANCE));
        authorKey = ApiKeys.create(keys, "compliance-officer", Set.of(Role.RULE_AUTHOR));
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

    /** One screening call as a key sends it (null: no key): its status. */
    int screening(io.vertx.core.http.HttpMethod method, String path, String body, String key) {
        var req = client.request(method, path);
        if (key != null) {
            req.putHeader("Authorization", "Bearer " + key);
        }
        if (body == null) {
            return req.send().await().statusCode();
        }
        return req.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body)).await().statusCode();
    }

    @Test
    void guardsTheScreeningSearchesWithTheAuditorRole() {
        String get = "/v1/screening/search?name=Banco%20Nacional%20de%20Cuba";
        String batch = "{\"queries\": {\"a\": {\"name\": \"Banco Nacional de Cuba\"}}}";
        for (String[] route : new String[][] {{"GET", get, null}, {"POST", "/v1/screening/search", batch},
                {"GET", "/v1/screening/clearances", null}}) {
            var method = io.vertx.core.http.HttpMethod.valueOf(route[0]);
            String what = route[0] + " " + route[1];
            assertEquals(401, screening(method, route[1], route[2], null), what + " without a key");
            assertEquals(401, screening(method, route[1], route[2], "sa_not-a-real-key"), what + " with an unknown key");
            assertEquals(403, screening(method, route[1], route[2], financeKey), what + " with a finance key");
            assertEquals(200, screening(method, route[1], route[2], auditorKey), what + " with an auditor key");
        }
    }

    @Test
    void onlyAComplianceOfficerRecordsAndRemovesClearances() {
        var post = io.vertx.core.http.HttpMethod.POST;
        var delete = io.vertx.core.http.HttpMethod.DELETE;
        String clearance = "{\"party\": {\"company\": \"Banco Nacional de Cuba\", \"country\": \"ES\"}, "
                + "\"list\": \"OFAC_SDN\", \"entryId\": \"306\", \"reason\": \"AuthIT: role check\"}";
        String path = "/v1/screening/clearances";
        assertEquals(401, screening(post, path, clearance, null), "POST without a key");
        assertEquals(403, screening(post, path, clearance, auditorKey), "POST with an auditor key");
        assertEquals(403, screening(post, path, clearance, financeKey), "POST with a finance key");
        var created = client.post(path).putHeader("Content-Type", "application/json")
                .putHeader("Authorization", "Bearer " + authorKey).sendBuffer(Buffer.buffer(clearance)).await();
        assertEquals(201, created.statusCode(), created.bodyAsString());
        String one = path + "/" + created.bodyAsJsonObject().getString("id");
        assertEquals(401, screening(delete, one, null, null), "DELETE without a key");
        assertEquals(403, screening(delete, one, null, auditorKey), "DELETE with an auditor key");
        assertEquals(403, screening(delete, one, null, financeKey), "DELETE with a finance key");
        assertEquals(204, screening(delete, one, null, authorKey), "DELETE with a rule-author key");
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
