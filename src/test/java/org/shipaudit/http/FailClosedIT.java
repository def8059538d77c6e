package org.shipaudit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.cli.ServiceAssembly;

/**
 * A pack whose rules throw or loop on some inputs fails closed: the pre-ship audit answers 200 with a SYSTEM finding
 * at BLOCK naming pack, version, rule and reason, /metrics counts it, other shipments are still judged, and an invoice
 * job whose batch the pack could not judge finishes with a row error on each of its rows.
 */
@ExtendWith(VertxExtension.class)
class FailClosedIT {

    static final String DRL = """
            package org.shipaudit.rules.fragile;
            import java.math.BigDecimal;
            import org.shipaudit.model.AuditContext;
            import org.shipaudit.model.ChargeLine;
            import org.shipaudit.findings.Severity;
            import org.shipaudit.findings.Category;
            import org.shipaudit.rules.Findings;

            declare Tick
                n : int
            end

            // Source: test
            rule "FRG-001 A ratio that divides by zero on shipment S-BOOM"
            when
                $c : AuditContext(key == "S-BOOM")
            then
                Findings.raise(drools, Severity.WARN, Category.DATA, "shipment",
                        "ratio " + BigDecimal.ONE.divide(BigDecimal.ZERO)).insert();
            end

            // Source: test
            rule "FRG-002 Ticks that never end on shipment S-LOOP"
            when
                AuditContext(key == "S-LOOP")
                $t : Tick()
            then
                insert(new Tick($t.getN() + 1));
            end

            // Source: test
            rule "FRG-003 The first tick on shipment S-LOOP"
            when
                AuditContext(key == "S-LOOP")
            then
                insert(new Tick(0));
            end

            // Source: test
            rule "FRG-004 Every other shipment is noted"
            when
                $c : AuditContext(key != "S-BOOM", key != "S-LOOP")
            then
                Findings.raise(drools, Severity.INFO, Category.DATA, "shipment", "noted").insert();
            end

            // Source: test
            rule "FRG-005 A charge ratio that divides by zero on invoice INV-2026-46"
            when
                $l : ChargeLine(invoiceNumber == "INV-2026-46")
            then
                Findings.raise(drools, Severity.WARN, Category.RATE, "rows[" + $l.row() + "]",
                        "ratio " + BigDecimal.ONE.divide(BigDecimal.ZERO)).insert();
            end
            """;

    @TempDir
    static Path data;
    @TempDir
    static Path rules;
    static ServiceAssembly service;
    static WebClient client;

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        Path pack = rules.resolve("fragile");
        Files.createDirectories(pack.resolve("drl"));
        Files.writeString(pack.resolve("pack.yaml"), "name: fragile\nversion: \"1\"\nappliesTo: [shipments, invoices]\n");
        Files.writeString(pack.resolve("drl/fragile.drl"), DRL);
        // A generous deadline: the loop must meet the firing limit even on a cold, busy JVM (the deadline has its own
        // test in PackEvaluatorLimitsTest).
        service = TestServer.start(TestServer.config(data, rules,
                Map.of(org.shipaudit.config.ConfigKey.RULES_PRESHIP_DEADLINE, "20000")));
        client = TestServer.client(vertx, service);
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    static JsonObject audit(String id) throws Exception {
        JsonObject shipment = new JsonObject(Files.readString(Path.of("src/site/examples/shipment.json"))).put("id", id);
        HttpResponse<Buffer> r = client.post("/v1/audits/shipments").putHeader("Content-Type", "application/json")
                .sendBuffer(shipment.toBuffer()).await();
        assertEquals(200, r.statusCode(), r.bodyAsString());
        return r.bodyAsJsonObject();
    }

    static JsonObject onlyFinding(JsonObject result) {
        JsonArray findings = result.getJsonArray("findings");
        assertEquals(1, findings.size(), result::encodePrettily);
        return findings.getJsonObject(0);
    }

    @Test
    void aThrowingRuleBlocksTheShipmentWithASystemFindingAndIsCounted() throws Exception {
        JsonObject result = audit("S-BOOM");
        assertEquals("BLOCK", result.getString("verdict"), result::encodePrettily);
        JsonObject f = onlyFinding(result);
        assertEquals("SYSTEM", f.getString("category"));
        assertEquals("BLOCK", f.getString("severity"));
        assertEquals("fragile", f.getString("pack"));
        assertEquals("1", f.getString("packVersion"));
        assertEquals("FRG-001", f.getString("ruleId"));
        assertEquals("pack fragile could not judge this shipment: rule FRG-001 threw ArithmeticException",
                f.getString("message"));
        assertEquals("THREW", f.getJsonObject("evidence").getString("reason"));
        assertFalse(f.encode().contains("Division"), "the exception's message is never echoed: " + f.encode());

        String metrics = client.get("/metrics").send().await().bodyAsString();
        assertTrue(metrics.matches("(?s).*\\nshipaudit_pack_failures_total\\{pack=\"fragile\",reason=\"THREW\","
                + "rule=\"FRG-001\"} [1-9].*"), metrics);
    }

    @Test
    void aLoopingRuleBlocksTheShipmentAtTheFiringLimitAndOtherShipmentsAreStillJudged() throws Exception {
        for (int i = 0; i < 3; i++) {
            JsonObject f = onlyFinding(audit("S-LOOP"));
            assertEquals("SYSTEM", f.getString("category"));
            assertEquals("pack fragile could not judge this shipment: rule FRG-002 hit the firing limit",
                    f.getString("message"));
            JsonObject ok = audit("S-OK-" + i);
            assertEquals("PASS", ok.getString("verdict"), ok::encodePrettily);
            assertEquals("FRG-004", onlyFinding(ok).getString("ruleId"));
        }
    }

    @Test
    void anInvoiceJobWhoseBatchThePackCannotJudgeFinishesWithRowErrors() throws Exception {
        MultipartForm form = MultipartForm.create().binaryFileUpload("file", "ups-week-46.csv",
                Buffer.buffer(Files.readAllBytes(Path.of("src/site/examples/invoice-generic.csv"))), "text/csv")
                .attribute("kind", "invoices");
        HttpResponse<Buffer> r = client.post("/v1/jobs").sendMultipartForm(form).await();
        assertEquals(202, r.statusCode(), r.bodyAsString());
        JsonObject job = TestServer.awaitDone(client, r.bodyAsJsonObject().getString("id"));
        assertEquals("DONE", job.getString("status"), job::encode);
        assertEquals(13, job.getLong("rowsDone"));
        String message = "pack fragile could not judge this row: rule FRG-005 threw ArithmeticException";
        long failedRows = job.getJsonArray("errors").stream().map(JsonObject.class::cast)
                .filter(e -> message.equals(e.getString("message"))).count();
        assertEquals(13, failedRows, job::encodePrettily);
    }
}
