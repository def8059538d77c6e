package org.shipaudit.http;

import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.shipaudit.cli.ServiceAssembly;
import org.shipaudit.config.AppConfig;
import org.shipaudit.config.ConfigKey;
import org.shipaudit.config.ConfigLoader;

/** Starts the service as {@code serve} does (one assembly), on 127.0.0.1, a free port and a given data directory. */
final class TestServer {

    private TestServer() {
    }

    static AppConfig config(Path dataDir, Path rulesDir, Map<ConfigKey, String> extra) {
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.HTTP_PORT, "0");
        flags.put(ConfigKey.HTTP_HOST, "127.0.0.1");
        flags.put(ConfigKey.DATA_DIR, dataDir.toString());
        flags.put(ConfigKey.RULES_DIR, rulesDir.toString());
        flags.putAll(extra);
        return ConfigLoader.load(null, Map.of(), flags);
    }

    static ServiceAssembly start(AppConfig config) throws Exception {
        return ServiceAssembly.start(config);
    }

    /** The service on its embedded defaults and the shipped rules, writing to {@code data}. */
    static ServiceAssembly start(Path data) throws Exception {
        return start(config(data, Path.of("rules"), Map.of()));
    }

    private static ServiceAssembly shared;

    /**
     * One service on the shipped packs and the embedded defaults, started on first use and stopped when the test JVM
     * exits, for the IT classes that neither change packs nor need a configuration or a data directory of their own:
     * a service start costs seconds (12 packs compiled, the reference sample imported), once instead of once a class.
     * Such classes must not close it, and must not depend on what other classes have audited or uploaded before.
     */
    static synchronized ServiceAssembly shared() throws Exception {
        if (shared == null) {
            Path data = java.nio.file.Files.createTempDirectory("shipaudit-shared-it");
            ServiceAssembly service = start(data);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    service.close();
                } catch (Exception e) {
                    System.err.println("shared test service did not stop cleanly: " + e);
                }
                try {
                    org.shipaudit.store.FileTrees.deleteTree(data);
                } catch (java.io.IOException e) {
                    System.err.println("shared test service left " + data + ": " + e);
                }
            }, "shared-test-service-stop"));
            shared = service;
        }
        return shared;
    }

    /** The job once it is no longer queued or running (polls for up to ten seconds). */
    static io.vertx.core.json.JsonObject awaitDone(WebClient client, String id) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            io.vertx.core.json.JsonObject job = client.get("/v1/jobs/" + id).send().await().bodyAsJsonObject();
            if (!job.getString("status").equals("QUEUED") && !job.getString("status").equals("RUNNING")) {
                return job;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("job " + id + " did not finish");
    }

    /** A client of the {@link #shared} service, on the test class's Vert.x. */
    static WebClient sharedClient(Vertx vertx) throws Exception {
        return client(vertx, shared());
    }

    /** The {@code path} of each entry of a problem's {@code errors}, space-separated: which fields it names. */
    static String problemPaths(io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> r) {
        StringBuilder b = new StringBuilder();
        for (Object e : r.bodyAsJsonObject().getJsonArray("errors", new io.vertx.core.json.JsonArray())) {
            b.append(((io.vertx.core.json.JsonObject) e).getString("path")).append(' ');
        }
        return b.toString().trim();
    }

    /** A client whose relative requests go to the running service. */
    static WebClient client(Vertx vertx, ServiceAssembly service) {
        return WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(service.port()));
    }
}
