package org.shipaudit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.multipart.MultipartForm;
import io.vertx.junit5.VertxExtension;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.cli.ServiceAssembly;

/**
 * A deploy replaces a pack version; nothing may keep the old one (its KieBase, its generated classes, their class
 * loader) once the audits that started on it are done, or every deploy leaks heap and metaspace. The whole service runs
 * (HTTP audits through the session pools, metrics, the decision trail), since any of them could hold a version.
 */
@ExtendWith(VertxExtension.class)
class DeployLeakIT {

    static final int DEPLOYS = 6;

    @TempDir
    Path dir;

    /** The test run shares compiled packs across services (RulePackCompiler); that cache would hold every version. */
    private static final String SHARE = "shipaudit.rules.share-compiled";
    private static String shared;

    @org.junit.jupiter.api.BeforeAll
    static void compileEachVersionOnItsOwn() {
        shared = System.getProperty(SHARE);
        System.setProperty(SHARE, "false");
    }

    @org.junit.jupiter.api.AfterAll
    static void shareAgain() {
        if (shared == null) {
            System.clearProperty(SHARE);
        } else {
            System.setProperty(SHARE, shared);
        }
    }

    @Test
    void replacedPackVersionsBecomeUnreachable(Vertx vertx) throws Exception {
        Path rules = dir.resolve("rules");
        RulePackLifecycleIT.copy(Path.of("rules/weights"), rules.resolve("weights"));
        String drl = Files.readString(rules.resolve("weights/drl/billable-weight.drl"));
        List<WeakReference<Object>> replaced = new ArrayList<>();
        try (ServiceAssembly service = TestServer.start(TestServer.config(dir.resolve("data"), rules, Map.of()))) {
            WebClient client = TestServer.client(vertx, service);
            for (int d = 1; d <= DEPLOYS; d++) {
                for (int a = 0; a < 20; a++) {
                    HttpResponse<Buffer> r = client.post("/v1/audits/shipments").putHeader("Content-Type", "application/json")
                            .sendBuffer(Buffer.buffer(ShipmentAuditIT.shipment("UPS", "GROUND", 10 + a, 20, 16, 12).encode()))
                            .await();
                    assertEquals(200, r.statusCode(), r.bodyAsString());
                }
                Object kieBase = service.packs().active("weights").kieBase();
                replaced.add(new WeakReference<>(kieBase));
                // The loader of the classes Drools generated for this version: metaspace comes back only with it.
                replaced.add(new WeakReference<>(kieBase.getClass().getMethod("getRootClassLoader").invoke(kieBase)));
                kieBase = null;
                HttpResponse<Buffer> deployed = client.put("/v1/rule-packs/weights").sendMultipartForm(MultipartForm.create()
                        .textFileUpload("drl/billable-weight.drl", "billable-weight.drl",
                                Buffer.buffer(drl + "\n// deploy " + d + "\n"), "text/plain")
                        .attribute("message", "deploy " + d)).await();
                assertEquals(200, deployed.statusCode(), deployed.bodyAsString());
            }
            // When this fails, `jcmd <pid> GC.heap_dump` during the wait shows what holds the old versions.
            long alive = awaitCollected(replaced);
            assertEquals(0, alive, "of the KieBases and class loaders of " + DEPLOYS
                    + " replaced versions of the pack, " + alive + " are still reachable");
        }
    }

    /** Collects until every reference is cleared or ten seconds have passed; answers how many are still set. */
    static long awaitCollected(List<WeakReference<Object>> refs) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        long alive;
        do {
            System.gc();
            Thread.sleep(50);
            alive = refs.stream().filter(r -> r.get() != null).count();
        } while (alive > 0 && System.nanoTime() < deadline);
        return alive;
    }
}
