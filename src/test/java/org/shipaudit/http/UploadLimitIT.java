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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.cli.ServiceAssembly;
import org.shipaudit.config.ConfigKey;

/**
 * An upload over jobs.max-upload (a 2 GB invoice in production; 1 MB here so the test is quick: the limit is the same
 * code whatever its size) is refused with 413 and a message naming the limit, nothing of it is kept, and the service
 * goes on answering and accepting files within the limit.
 */
@ExtendWith(VertxExtension.class)
class UploadLimitIT {

    @TempDir
    static Path data;
    static ServiceAssembly service;
    static WebClient client;

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        service = TestServer.start(TestServer.config(data, Path.of("rules"),
                Map.of(ConfigKey.JOBS_MAX_UPLOAD, String.valueOf(1 << 20))));
        client = TestServer.client(vertx, service);
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    @Test
    void anUploadOverTheLimitIs413AndTheServiceStaysHealthy() throws Exception {
        Buffer big = Buffer.buffer(Files.readString(Path.of("src/site/examples/invoice-generic.csv")));
        while (big.length() < 3 << 20) {
            big.appendString("INV-2026-46,2026-11-16,UPS,A1B2C3,1Z999AA10000009999,2026-11-09,,GROUND,5,,12 Elm St,"
                    + "Columbus,OH,43215,US,Y,4.2,5,LB,12,10,6,FREIGHT,Ground,11.85,USD\n");
        }
        HttpResponse<Buffer> r = client.post("/v1/jobs").sendMultipartForm(MultipartForm.create()
                .binaryFileUpload("file", "huge.csv", big, "text/csv").attribute("kind", "invoices")).await();
        assertEquals(413, r.statusCode(), r.bodyAsString());
        JsonObject problem = r.bodyAsJsonObject();
        assertTrue(problem.getString("detail").contains("jobs.max-upload"), problem::encode);
        assertEquals(0, client.get("/v1/jobs").send().await().bodyAsJsonObject().getJsonArray("jobs").size(),
                "no job was created for the refused upload");

        assertEquals(200, client.get("/health").send().await().statusCode());
        HttpResponse<Buffer> small = client.post("/v1/jobs").sendMultipartForm(MultipartForm.create()
                .binaryFileUpload("file", "w46.csv", Buffer.buffer(Files.readAllBytes(Path.of("src/site/examples/invoice-generic.csv"))),
                        "text/csv").attribute("kind", "invoices")).await();
        assertEquals(202, small.statusCode(), small.bodyAsString());
    }
}
