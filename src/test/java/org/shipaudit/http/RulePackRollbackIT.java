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
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.auth.ApiKeys;
import org.shipaudit.auth.Role;
import org.shipaudit.cli.ServiceAssembly;
import org.shipaudit.config.ConfigKey;

/**
 * Rollback over HTTP (issue 11): the body is empty, {@code {}} or {@code {"version", "message"}} and nothing else;
 * plain rollbacks walk back through the activations and never toggle; rolling back to the active version or past the
 * first one is a 409; the history says who rolled back, to what and why.
 */
@ExtendWith(VertxExtension.class)
class RulePackRollbackIT {

    @TempDir
    static Path dir;
    static ServiceAssembly service;
    static WebClient client;
    static String author;

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        Path rules = dir.resolve("rules");
        RulePackLifecycleIT.copy(Path.of("rules/weights"), rules.resolve("weights"));
        Path keys = dir.resolve("keys.yaml");
        author = ApiKeys.create(keys, "alice", Set.of(Role.RULE_AUTHOR));
        service = TestServer.start(TestServer.config(dir.resolve("data"), rules,
                Map.of(ConfigKey.AUTH_ENABLED, "true", ConfigKey.AUTH_KEYS_FILE, keys.toString())));
        client = TestServer.client(vertx, service);
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    static HttpResponse<Buffer> rollback(String body) {
        return client.post("/v1/rule-packs/weights/rollback").putHeader("Authorization", "Bearer " + author)
                .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body)).await();
    }

    static void deploy(String threshold) {
        String drl = RulePackLifecycleIT.TEAM_LIFT_DRL.replace("weightLb > 40", "weightLb > " + threshold);
        HttpResponse<Buffer> r = client.put("/v1/rule-packs/weights").putHeader("Authorization", "Bearer " + author)
                .sendMultipartForm(RulePackLifecycleIT.candidate(drl, RulePackLifecycleIT.FIRES,
                        RulePackLifecycleIT.SILENT)).await();
        assertEquals(200, r.statusCode(), r.bodyAsString());
    }

    static String active() {
        return client.get("/v1/rule-packs/weights").putHeader("Authorization", "Bearer " + author).send().await()
                .bodyAsJsonObject().getString("version");
    }

    static void assertRefused(int status, String body, String field) {
        HttpResponse<Buffer> r = rollback(body);
        assertEquals(status, r.statusCode(), body + " -> " + r.bodyAsString());
        assertEquals("application/problem+json", r.getHeader("Content-Type"));
        if (field != null) {
            JsonArray errors = r.bodyAsJsonObject().getJsonArray("errors");
            assertEquals(field, errors.getJsonObject(0).getString("path"), r.bodyAsString());
        }
    }

    @Test
    void refusesBodiesThatAreNotEmptyOrAVersionAndMessage() {
        String before = active();
        assertRefused(400, "{\"versio\": \"1\"}", "versio");
        assertRefused(400, "[]", "");
        assertRefused(400, "\"1\"", "");
        assertRefused(400, "{\"version\": null}", "version");
        assertRefused(400, "{\"version\": 1}", "version");
        assertRefused(400, "{\"version\": \"\"}", "version");
        assertRefused(400, "{\"version\": \"1\", \"message\": 7}", "message");
        assertRefused(400, "{\"version\": ", null);
        assertEquals(before, active(), "no refused rollback changed the active version");
    }

    @Test
    void walksBackThroughTheActivationsAndNeverToggles() {
        deploy("41");
        deploy("42");
        assertEquals("3", active());

        HttpResponse<Buffer> same = rollback("{\"version\": \"3\"}");
        assertEquals(409, same.statusCode(), same.bodyAsString());
        assertTrue(same.bodyAsJsonObject().getString("detail").contains("already active"), same.bodyAsString());
        assertEquals(404, rollback("{\"version\": \"99\"}").statusCode());

        HttpResponse<Buffer> first = rollback("{\"message\": \"threshold 42 too high\"}");
        assertEquals(200, first.statusCode(), first.bodyAsString());
        assertEquals("2", first.bodyAsJsonObject().getString("version"));
        assertEquals("2", active());

        HttpResponse<Buffer> second = rollback("{}");
        assertEquals(200, second.statusCode(), second.bodyAsString());
        assertEquals("1", second.bodyAsJsonObject().getString("version"), "a second rollback walks back, not to 3");

        HttpResponse<Buffer> past = rollback("");
        assertEquals(409, past.statusCode(), past.bodyAsString());
        assertTrue(past.bodyAsJsonObject().getString("detail").contains("no earlier version"), past.bodyAsString());
        assertEquals("1", active());

        // Rolling forward to a version rolled back from, then back again, returns to where it came from.
        assertEquals(200, rollback("{\"version\": \"3\", \"message\": \"forward again\"}").statusCode());
        assertEquals("3", active());
        assertEquals("1", rollback("{}").bodyAsJsonObject().getString("version"));

        JsonArray versions = client.get("/v1/rule-packs/weights/history").putHeader("Authorization", "Bearer " + author)
                .send().await().bodyAsJsonObject().getJsonArray("versions");
        JsonObject forward = versions.getJsonObject(1);
        assertEquals("rollback", forward.getString("action"));
        assertEquals("3", forward.getString("version"));
        assertEquals("1", forward.getString("previousVersion"));
        assertEquals("alice", forward.getString("author"));
        assertEquals("forward again", forward.getString("message"));
        JsonObject firstBack = versions.getJsonObject(3);
        assertEquals("2", firstBack.getString("version"));
        assertEquals("3", firstBack.getString("previousVersion"));
        assertEquals("threshold 42 too high", firstBack.getString("message"));
        assertEquals("rolled back from version 2", versions.getJsonObject(2).getString("message"));
    }
}
