package org.shipaudit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an operator reads from a running service: problem documents that say which request they are about, and
 * Prometheus metrics with latency buckets for requests and audits, the JVM and the process.
 */
@ExtendWith(VertxExtension.class)
class OperationsIT {

    static WebClient client;

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        client = TestServer.client(vertx, TestServer.shared());
    }

    @Test
    void aProblemNamesTheRequestItIsAbout() {
        HttpResponse<Buffer> missing = client.get("/v1/jobs/no-such-job").send().await();
        assertEquals(404, missing.statusCode());
        assertEquals("/v1/jobs/no-such-job", missing.bodyAsJsonObject().getString("instance"), missing.bodyAsString());
        HttpResponse<Buffer> invalid = client.post("/v1/audits/shipments").putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer("{\"id\": 1}")).await();
        assertEquals(400, invalid.statusCode());
        JsonObject p = invalid.bodyAsJsonObject();
        assertEquals("/v1/audits/shipments", p.getString("instance"), p::encode);
        assertTrue(p.getJsonArray("errors").size() > 0, p::encode);
    }

    @Test
    void metricsHaveLatencyBucketsAndTheJvmAndProcess() throws Exception {
        String shipment = Files.readString(Path.of("src/site/examples/shipment.json"));
        assertEquals(200, client.post("/v1/audits/shipments").putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer(shipment)).await().statusCode());
        String metrics = client.get("/metrics").send().await().bodyAsString();
        for (String series : new String[] {
                "shipaudit_http_requests_seconds_bucket{",           // HTTP latency by route
                "shipaudit_audit_evaluation_seconds_bucket{le=\"0.01\"", // one audit, 10 ms bucket
                "shipaudit_audit_evaluation_seconds_count",
                "jvm_memory_used_bytes{", "jvm_gc_", "jvm_threads_live_threads", "process_cpu_usage",
                "process_uptime_seconds", "system_cpu_count",
                "shipaudit_jobs_running", "shipaudit_jobs_progress_ratio"}) {
            assertTrue(metrics.contains(series), "no " + series + " in /metrics");
        }
        assertTrue(metrics.contains("route=\"/v1/audits/shipments\"") && metrics.contains("le=\"0.005\""),
                "the audit route's latency in buckets");
    }
}
