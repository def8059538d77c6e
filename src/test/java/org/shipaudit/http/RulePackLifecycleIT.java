package org.shipaudit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.multipart.MultipartForm;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.shipaudit.cli.ServiceAssembly;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.auth.ApiKeys;
import org.shipaudit.auth.Role;
import org.shipaudit.config.ConfigKey;

/**
 * The whole life of a rule change over HTTP (issue "rule authoring"): a broken candidate is refused with its line, a
 * candidate that breaks a scenario is refused naming it, a good one deploys while audits run without one failing, the
 * next audit shows the new version and finding, rollback restores the old behaviour, history lists both.
 */
@ExtendWith(VertxExtension.class)
class RulePackLifecycleIT {

    @TempDir
    static Path dir;
    static ServiceAssembly service;
    static WebClient client;
    static String author;
    static String auditor;

    static final String TEAM_LIFT_DRL = """
            // Pack: weights. WGT-040: packages heavy enough to need a team-lift label in the warehouse.
            package org.shipaudit.rules.weights;

            import org.shipaudit.model.Parcel;
            import org.shipaudit.findings.Severity;
            import org.shipaudit.findings.Category;
            import org.shipaudit.rules.Findings;

            // Source: warehouse safety policy (test)
            rule "WGT-040 Package needs a team-lift label"
            when
                $p : Parcel( weightUsable, weightLb > 40 )
            then
                Findings.raise(drools, Severity.WARN, Category.WEIGHT, $p.getSubject(),
                        "Package " + $p.getId() + " weighs over 40 lb: label it team lift").insert();
            end
            """;

    static final String FIRES = """
            description: A 45 lb box needs a team-lift label
            given:
              shipment:
                id: S
                shipDate: "2026-11-20"
                carrier: UPS
                service: GROUND
                shipFrom: {country: US}
                shipTo: {country: US}
                packages:
                  - {id: P1, weight: {value: 45, unit: LB}, dimensions: {length: 20, width: 16, height: 12, unit: IN}}
            expect:
              - {rule: WGT-040, subject: "packages[0]", severity: WARN}
            """;

    static final String SILENT = FIRES.replace("A 45 lb box needs", "A 35 lb box does not need")
            .replace("value: 45", "value: 35").replace("expect:\n  - {rule: WGT-040, subject: \"packages[0]\", severity: WARN}",
                    "silent: [WGT-040]");

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        Path rules = dir.resolve("rules");
        copy(Path.of("rules/weights"), rules.resolve("weights"));
        Path keys = dir.resolve("keys.yaml");
        author = ApiKeys.create(keys, "alice", Set.of(Role.RULE_AUTHOR));
        auditor = ApiKeys.create(keys, "warehouse", Set.of(Role.AUDITOR));
        service = TestServer.start(TestServer.config(dir.resolve("data"), rules,
                Map.of(ConfigKey.AUTH_ENABLED, "true", ConfigKey.AUTH_KEYS_FILE, keys.toString())));
        client = TestServer.client(vertx, service);
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    static void copy(Path from, Path to) throws Exception {
        try (var walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    static MultipartForm candidate(String drl, String fires, String silent) {
        MultipartForm form = MultipartForm.create()
                .textFileUpload("drl/team-lift.drl", "team-lift.drl", Buffer.buffer(drl), "text/plain")
                .attribute("message", "Team-lift labels over 40 lb (safety review 2026-11)");
        if (fires != null) {
            form.textFileUpload("scenarios/WGT-040-team-lift-45-lb.fires.yaml", "f.yaml", Buffer.buffer(fires), "text/yaml");
        }
        if (silent != null) {
            form.textFileUpload("scenarios/WGT-040-team-lift-35-lb.silent.yaml", "s.yaml", Buffer.buffer(silent), "text/yaml");
        }
        return form;
    }

    static HttpResponse<Buffer> deploy(String key, MultipartForm form) {
        return client.put("/v1/rule-packs/weights").putHeader("Authorization", "Bearer " + key)
                .sendMultipartForm(form).await();
    }

    static JsonObject audit(double lb) {
        JsonObject s = ShipmentAuditIT.shipment("UPS", "GROUND", lb, 20, 16, 12);
        HttpResponse<Buffer> r = client.post("/v1/audits/shipments").putHeader("Authorization", "Bearer " + auditor)
                .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(s.encode())).await();
        assertEquals(200, r.statusCode(), r.bodyAsString());
        return r.bodyAsJsonObject();
    }

    @Test
    void walksTheWholeLifeOfAChange() throws Exception {
        // 1. A candidate that does not compile is refused with file and line; version 1 stays active.
        HttpResponse<Buffer> broken = deploy(author, candidate(
                TEAM_LIFT_DRL.replace("weightLb > 40", "weightLbs > 40"), FIRES, SILENT));
        assertEquals(422, broken.statusCode(), broken.bodyAsString());
        JsonObject err = broken.bodyAsJsonObject().getJsonObject("report").getJsonArray("errors").getJsonObject(0);
        assertEquals("drl/team-lift.drl", err.getString("file"));
        assertEquals(12, err.getInteger("line"), err::encode);

        // 2. A candidate that compiles but breaks a scenario is refused naming the scenario.
        HttpResponse<Buffer> failing = deploy(author, candidate(TEAM_LIFT_DRL.replace("weightLb > 40", "weightLb > 50"),
                FIRES, SILENT));
        assertEquals(422, failing.statusCode(), failing.bodyAsString());
        JsonObject scenarios = failing.bodyAsJsonObject().getJsonObject("report").getJsonObject("scenarios");
        assertEquals(1, scenarios.getInteger("failed"));
        assertEquals("scenarios/WGT-040-team-lift-45-lb.fires.yaml",
                scenarios.getJsonArray("failures").getJsonObject(0).getString("file"));

        // A candidate without a silent scenario for its new rule is refused for coverage.
        HttpResponse<Buffer> uncovered = deploy(author, candidate(TEAM_LIFT_DRL, FIRES, null));
        assertEquals(422, uncovered.statusCode());
        assertEquals(new JsonArray().add("WGT-040"), uncovered.bodyAsJsonObject().getJsonObject("report")
                .getJsonObject("coverage").getJsonArray("rulesNeverSilent"));

        // An auditor may not deploy.
        assertEquals(403, deploy(auditor, candidate(TEAM_LIFT_DRL, FIRES, SILENT)).statusCode());
        assertNull(findingOf(audit(45), "WGT-040"), "nothing refused became active");

        // 3. A good candidate deploys while audits run continuously; none fails.
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger audits = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        Thread load = new Thread(() -> {
            while (running.get()) {
                try {
                    JsonObject r = audit(45);
                    String v = r.getJsonObject("rulePacks").getString("weights");
                    boolean hasNew = findingOf(r, "WGT-040") != null;
                    if (hasNew != v.equals("2")) {
                        failures.incrementAndGet(); // a result mixing versions
                    }
                    audits.incrementAndGet();
                } catch (Throwable t) {
                    failures.incrementAndGet();
                }
            }
        });
        load.start();
        Thread.sleep(300);
        HttpResponse<Buffer> good = deploy(author, candidate(TEAM_LIFT_DRL, FIRES, SILENT));
        Thread.sleep(300);
        running.set(false);
        load.join();
        assertEquals(200, good.statusCode(), good.bodyAsString());
        assertEquals("2", good.bodyAsJsonObject().getString("version"));
        assertEquals("alice", good.bodyAsJsonObject().getString("author"));
        assertEquals(0, failures.get(), "audits failed or mixed versions during the deploy");
        assertTrue(audits.get() > 5, "audits ran during the deploy: " + audits.get());

        JsonObject after = audit(45);
        assertEquals("2", after.getJsonObject("rulePacks").getString("weights"));
        JsonObject teamLift = findingOf(after, "WGT-040");
        assertNotNull(teamLift, after::encode);
        assertEquals("2", teamLift.getString("packVersion"));
        assertTrue(Files.exists(dir.resolve("rules/weights/drl/team-lift.drl")), "deployed files are in the rules dir");

        // The exact rule text of version 2 can be fetched.
        HttpResponse<Buffer> text = client.get("/v1/rule-packs/weights/versions/2/files/drl/team-lift.drl")
                .putHeader("Authorization", "Bearer " + auditor).send().await();
        assertEquals(TEAM_LIFT_DRL, text.bodyAsString());

        // 4. Rollback restores the old behaviour.
        HttpResponse<Buffer> rollback = client.post("/v1/rule-packs/weights/rollback")
                .putHeader("Authorization", "Bearer " + author).putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer("{\"message\": \"labels not printed yet\"}")).await();
        assertEquals(200, rollback.statusCode(), rollback.bodyAsString());
        assertEquals("1", rollback.bodyAsJsonObject().getString("version"));
        JsonObject rolledBack = audit(45);
        assertNull(findingOf(rolledBack, "WGT-040"));
        assertEquals("1", rolledBack.getJsonObject("rulePacks").getString("weights"));
        assertTrue(!Files.exists(dir.resolve("rules/weights/drl/team-lift.drl")), "the rules dir follows the rollback");

        // 5. History lists both, newest first, with author and message.
        JsonObject history = client.get("/v1/rule-packs/weights/history").putHeader("Authorization", "Bearer " + author)
                .send().await().bodyAsJsonObject();
        assertEquals("1", history.getString("active"));
        JsonArray versions = history.getJsonArray("versions");
        assertEquals("rollback", versions.getJsonObject(0).getString("action"));
        assertEquals("labels not printed yet", versions.getJsonObject(0).getString("message"));
        assertEquals("deploy", versions.getJsonObject(1).getString("action"));
        assertEquals("2", versions.getJsonObject(1).getString("version"));
        assertEquals("alice", versions.getJsonObject(1).getString("author"));
        assertEquals("Team-lift labels over 40 lb (safety review 2026-11)", versions.getJsonObject(1).getString("message"));
        assertEquals(64, versions.getJsonObject(1).getString("contentHash").length());
        assertEquals("initial", versions.getJsonObject(versions.size() - 1).getString("action"));
    }

    @Test
    void validatesACandidateWithoutActivatingIt() {
        HttpResponse<Buffer> r = client.post("/v1/rule-packs/weights/validate").putHeader("Authorization", "Bearer " + author)
                .sendMultipartForm(candidate(TEAM_LIFT_DRL, FIRES, SILENT)).await();
        assertEquals(200, r.statusCode(), r.bodyAsString());
        JsonObject report = r.bodyAsJsonObject();
        assertTrue(report.getBoolean("valid"), report::encode);
        assertTrue(report.getJsonObject("scenarios").getInteger("passed") >= 32);
        assertTrue(report.getJsonObject("tables").getString("tables/carrier-limits.xlsx").contains("rule \"Limits: UPS"));
        JsonObject list = client.get("/v1/rule-packs").putHeader("Authorization", "Bearer " + auditor).send().await()
                .bodyAsJsonArray().getJsonObject(0);
        assertEquals("weights", list.getString("name"));
        assertTrue(list.getInteger("rules") >= 12);
    }

    @Test
    void refusesCandidatesThatAreNotPackFiles() {
        MultipartForm form = MultipartForm.create().textFileUpload("../../etc/passwd", "x", Buffer.buffer("x"), "text/plain");
        HttpResponse<Buffer> r = client.post("/v1/rule-packs/weights/validate").putHeader("Authorization", "Bearer " + author)
                .sendMultipartForm(form).await();
        assertEquals(400, r.statusCode(), r.bodyAsString());
        HttpResponse<Buffer> json = client.put("/v1/rule-packs/weights").putHeader("Authorization", "Bearer " + author)
                .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer("{}")).await();
        assertEquals(415, json.statusCode());
        assertEquals(404, client.get("/v1/rule-packs/nosuch").putHeader("Authorization", "Bearer " + auditor)
                .send().await().statusCode());
    }

    static JsonObject findingOf(JsonObject result, String rule) {
        return ShipmentAuditIT.findingOf(result, rule);
    }
}
