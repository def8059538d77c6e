package org.shipaudit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.multipart.MultipartForm;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.Slow;
import org.shipaudit.cli.ServiceAssembly;

/**
 * A real full disk: the service's data and rules directories on a small tmpfs that the test fills to the last block.
 * An upload and a deploy get 507 problem+json saying the disk is full and leave nothing behind; audits are still
 * answered, the decisions they cannot keep are counted, and /health is DEGRADED (until a restart: H2 closes its
 * database on a failed write); once space is free, files are written again. Skipped, saying why, where a tmpfs cannot
 * be mounted ({@link Tmpfs}).
 */
@Slow("fills a real tmpfs to its last block and waits for H2 to fail and recover")
@ExtendWith(VertxExtension.class)
class DiskFullIT {

    @TempDir
    Path dir;
    Path disk;
    Tmpfs mount;

    @BeforeEach
    void mount() throws Exception {
        mount = Tmpfs.mount(dir.resolve("disk"), "48m");
        disk = mount.dir;
    }

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) {
            mount.close();
        }
    }

    @Test
    void aFullDiskIsNamedAndNothingIsAcknowledgedThatIsNotStored(Vertx vertx) throws Exception {
        Path rules = disk.resolve("rules");
        RulePackLifecycleIT.copy(Path.of("rules/weights"), rules.resolve("weights"));
        Path data = disk.resolve("data");
        try (ServiceAssembly service = TestServer.start(TestServer.config(data, rules, Map.of()))) {
            WebClient client = TestServer.client(vertx, service);
            audit(client, "S-BEFORE");
            awaitStatus(client, "UP");
            List<Path> versionsBefore = list(data.resolve("rule-packs/weights"));
            int historyBefore = history(client);
            Path filler = fill(disk);

            byte[] invoice = Files.readAllBytes(Path.of("src/site/examples/invoice-generic.csv"));
            HttpResponse<Buffer> upload = client.post("/v1/jobs").sendMultipartForm(MultipartForm.create()
                    .binaryFileUpload("file", "invoice.csv", Buffer.buffer(invoice), "text/csv")
                    .attribute("kind", "invoices")).await();
            assertDiskFull(upload);
            assertEquals(List.of(), awaitEmpty(data.resolve("uploads")), "no upload left behind");
            assertEquals(List.of(), list(data.resolve("jobs")), "no job's file kept");

            String drl = Files.readString(rules.resolve("weights/drl/billable-weight.drl"));
            HttpResponse<Buffer> deploy = client.put("/v1/rule-packs/weights").sendMultipartForm(MultipartForm.create()
                    .textFileUpload("drl/billable-weight.drl", "billable-weight.drl", Buffer.buffer(drl + "\n// v2\n"),
                            "text/plain").attribute("message", "on a full disk")).await();
            assertDiskFull(deploy);
            assertEquals(historyBefore, history(client), "no version in the history that was not stored");
            assertEquals(versionsBefore, list(data.resolve("rule-packs/weights")), "no temporary version left");
            assertEquals(drl, Files.readString(rules.resolve("weights/drl/billable-weight.drl")));

            // The database file has free pages of its own: audits are kept until it must grow, then dropped.
            JsonObject degraded = auditUntilDegraded(client);
            assertTrue(degraded.getJsonArray("problems").encode().contains("disk full"), degraded.encode());
            String metrics = client.get("/metrics").send().await().bodyAsString();
            assertTrue(metrics.contains("shipaudit_records_dropped_total{reason=\"disk-full\""), metrics);

            Files.delete(filler);
            // Once space is free, what H2 does varies: the pool's next connection may open the file and write again
            // (the failure episode ends: UP), or H2 may have closed the database for good, or (seen once) open an
            // empty one ("Table audit_trail not found"). The service must not claim health it has not got: UP only
            // if the decision just made is stored and can be read back; otherwise DEGRADED naming the decision records.
            JsonObject after = null;
            boolean stored = false;
            for (int i = 0; i < 100 && !stored; i++) {
                String id = "S-AFTER-" + i;
                audit(client, id);
                Thread.sleep(50);
                after = client.get("/health").send().await().bodyAsJsonObject();
                HttpResponse<Buffer> kept = client.get("/v1/audits?shipmentId=" + id).send().await();
                stored = kept.statusCode() == 200 && !kept.bodyAsJsonObject().getJsonArray("audits").isEmpty();
            }
            if (stored) {
                assertEquals("UP", awaitStatus(client, "UP").getString("status"));
            } else {
                assertEquals("DEGRADED", after.getString("status"), after.encode());
                assertTrue(after.getJsonArray("problems").encode().contains("decision records"), after.encode());
            }
            HttpResponse<Buffer> again = client.put("/v1/rule-packs/weights").sendMultipartForm(MultipartForm.create()
                    .textFileUpload("drl/billable-weight.drl", "billable-weight.drl", Buffer.buffer(drl + "\n// v2\n"),
                            "text/plain").attribute("message", "space freed")).await();
            assertEquals(200, again.statusCode(), again.bodyAsString());
        }
    }

    private static void assertDiskFull(HttpResponse<Buffer> r) {
        assertEquals(507, r.statusCode(), r.bodyAsString());
        assertEquals("application/problem+json", r.getHeader("Content-Type"));
        assertTrue(r.bodyAsJsonObject().getString("detail").contains("disk is full"), r.bodyAsString());
    }

    /** Writes a file until the file system has no block left; answers it. */
    static Path fill(Path disk) throws IOException {
        Path filler = disk.resolve("filler");
        try (OutputStream out = Files.newOutputStream(filler)) {
            byte[] block = new byte[4096];
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            assertTrue(String.valueOf(full.getMessage()).contains("No space left"), full.toString());
        }
        return filler;
    }

    /** The files still in {@code d} after up to five seconds: uploads are removed after the answer has gone out. */
    private static List<Path> awaitEmpty(Path d) throws Exception {
        List<Path> left = list(d);
        for (int i = 0; i < 100 && !left.isEmpty(); i++) {
            Thread.sleep(50);
            left = list(d);
        }
        return left;
    }

    private static List<Path> list(Path d) throws IOException {
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.map(Path::getFileName).sorted().toList();
        }
    }

    private static int history(WebClient client) {
        return client.get("/v1/rule-packs/weights/history").send().await().bodyAsJsonObject().getJsonArray("versions")
                .size();
    }

    private static void audit(WebClient client, String id) {
        HttpResponse<Buffer> r = client.post("/v1/audits/shipments").putHeader("Content-Type", "application/json")
                .sendBuffer(ShipmentAuditIT.shipment("UPS", "GROUND", 3.2, 10, 8, 4).put("id", id).toBuffer()).await();
        assertEquals(200, r.statusCode(), r.bodyAsString() + ": audits are answered on a full disk");
    }

    /** Sends audits until /health is DEGRADED (at most a minute); every audit is answered meanwhile. */
    private static JsonObject auditUntilDegraded(WebClient client) throws InterruptedException {
        long until = System.nanoTime() + 60_000_000_000L;
        for (int i = 0; System.nanoTime() < until; i++) {
            audit(client, "S-FULL-" + i);
            JsonObject h = client.get("/health").send().await().bodyAsJsonObject();
            if (h.getString("status").equals("DEGRADED")) {
                return h;
            }
        }
        throw new AssertionError("health never said DEGRADED on a full disk");
    }

    private static JsonObject awaitStatus(WebClient client, String status) throws InterruptedException {
        JsonObject h = client.get("/health").send().await().bodyAsJsonObject();
        for (int i = 0; i < 400 && !h.getString("status").equals(status); i++) {
            Thread.sleep(25);
            h = client.get("/health").send().await().bodyAsJsonObject();
        }
        assertEquals(status, h.getString("status"), h.encode());
        return h;
    }
}
