package org.shipaudit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.cli.ServiceAssembly;
import org.shipaudit.config.ConfigKey;

/**
 * A service with one audit worker and a short queue (two audits, or the floor of 16 and 1 ms of work), flooded: the excess is refused
 * fast with 503, none times out.
 */
@ExtendWith(VertxExtension.class)
class LoadSheddingIT {

    @TempDir
    static Path data;

    record Outcome(int status, long millis, String retryAfter, String contentType) {
    }

    @Test
    void refusesWhatTheQueueCannotHoldWith503AndRetryAfter(Vertx vertx) throws Exception {
        flood(vertx, data.resolve("count"), Map.of(ConfigKey.AUDIT_WORKERS, "1", ConfigKey.AUDIT_MAX_QUEUED, "2",
                ConfigKey.AUDIT_MAX_QUEUE_WAIT, "0"), 20);
    }

    @Test
    void refusesPastTheFloorWhatWouldWaitLongerThanTheQueueWait(Vertx vertx) throws Exception {
        // The count is no bound here (1,000): the floor of 16 waiting audits a worker is always accepted, and past it
        // a 1 ms wait admits nothing more (WorkerTest covers how the time bound prices the work).
        flood(vertx, data.resolve("wait"), Map.of(ConfigKey.AUDIT_WORKERS, "1", ConfigKey.AUDIT_MAX_QUEUED, "1000",
                ConfigKey.AUDIT_MAX_QUEUE_WAIT, "1"), 20);
    }

    private void flood(Vertx vertx, Path dir, Map<ConfigKey, String> settings, int minRefused) throws Exception {
        try (ServiceAssembly service = TestServer.start(TestServer.config(dir, Path.of("rules"), settings))) {
            WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
                    .setDefaultPort(service.port()), new PoolOptions().setHttp1MaxSize(64));
            JsonArray shipments = new JsonArray();
            for (int i = 0; i < 20; i++) {
                shipments.add(ShipmentAuditIT.shipment("UPS", "GROUND", 8 + i % 40, 12, 10, 6).put("id", "S" + i));
            }
            Buffer batch = Buffer.buffer(new JsonObject().put("shipments", shipments).encode());
            // One batch first, so the pool knows what a batch costs (before that, a cold queue of 16 per thread).
            assertEquals(200, client.post("/v1/audits/shipments/batch").putHeader("Content-Type", "application/json")
                    .sendBuffer(batch).await(60, TimeUnit.SECONDS).statusCode());
            List<Future<Outcome>> sent = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                long start = System.nanoTime();
                sent.add(client.post("/v1/audits/shipments/batch").putHeader("Content-Type", "application/json")
                        .timeout(60_000).sendBuffer(batch)
                        .map(r -> new Outcome(r.statusCode(), (System.nanoTime() - start) / 1_000_000,
                                r.getHeader("Retry-After"), r.getHeader("Content-Type"))));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : sent) {
                outcomes.add(f.await(90, TimeUnit.SECONDS)); // a timeout here fails the test: nothing may hang
            }
            List<Outcome> refused = outcomes.stream().filter(o -> o.status() == 503).toList();
            assertTrue(outcomes.stream().allMatch(o -> o.status() == 200 || o.status() == 503), outcomes::toString);
            assertTrue(outcomes.stream().filter(o -> o.status() == 200).count() >= 3, outcomes::toString);
            assertTrue(refused.size() >= minRefused, "only " + refused.size() + " of 40 refused: " + outcomes);
            // Fast: a refusal does not wait for the queue, so each comes back before the last accepted batch is done.
            long lastAccepted = outcomes.stream().filter(o -> o.status() == 200).mapToLong(Outcome::millis).max().orElse(0);
            for (Outcome o : refused) {
                assertEquals("1", o.retryAfter(), o::toString);
                assertEquals("application/problem+json", o.contentType(), o::toString);
                assertTrue(o.millis() < lastAccepted, "a refusal took " + o.millis() + " ms: " + outcomes);
            }
            HttpResponse<Buffer> metrics = client.get("/metrics").send().await();
            assertTrue(metrics.bodyAsString().contains("shipaudit_http_shed_total{pool=\"audit\"}"), metrics.bodyAsString());
            client.close();
        }
    }
}
