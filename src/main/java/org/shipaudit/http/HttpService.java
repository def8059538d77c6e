package org.shipaudit.http;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.WorkerExecutor;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.shipaudit.audit.ShipmentAuditor;
import org.shipaudit.rules.EvaluationPolicy;
import org.shipaudit.store.DecisionTrail;
import org.shipaudit.store.ShipmentRecorder;
import org.shipaudit.audit.ShipmentEnricher;
import org.shipaudit.auth.ApiKeys;
import org.shipaudit.config.AppConfig;
import org.shipaudit.jobs.JobService;
import org.shipaudit.process.Fatal;
import org.shipaudit.reference.ReferenceIndex;
import org.shipaudit.rules.RulePackService;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops the HTTP service: Vert.x with Micrometer metrics, the audit worker pool, one API verticle per
 * core. {@link #start} completes only once the port is listening.
 */
public final class HttpService implements AutoCloseable {

    /** Audits that may always wait per worker, however long they are priced (see {@link Worker}). */
    static final int QUEUE_FLOOR_PER_WORKER = 16;
    /**
     * The body of one single-shipment audit as the audit pool's floor counts it, generously: API.md's example is
     * 0.95 KB of compact JSON (1.16 KB as printed there). 16 audits' worth per worker is then 32 KB, and a batch
     * larger than that waits in the queue only while its price says it fits in the wait.
     */
    static final int FLOOR_BYTES_PER_AUDIT = 2048;


    /** Rule-pack operations (validate, deploy, rollback, reload, reads) that can run at once. */
    static final int RULES_THREADS = 4;

    private final Vertx vertx;
    private final int port;

    private HttpService(Vertx vertx, int port) {
        this.vertx = vertx;
        this.port = port;
    }

    public static Future<HttpService> start(AppConfig config, RulePackService packs, ReferenceIndex reference,
                                           ShipmentRecorder recorder, DecisionTrail trail,
                                           org.shipaudit.store.FindingsAnalytics analytics, JobService jobs,
                                           ApiKeys keys,
                                           EvaluationPolicy policy,
                                           org.shipaudit.store.ClearanceStore clearances,
                                           org.shipaudit.screening.PartyScreening screening,
                                           org.shipaudit.cluster.ClusterStatus cluster) {
        Uploads.prepare(config.dataDir().resolve("uploads"));
        AppMetrics metrics = new AppMetrics();
        metrics.watchFailures(policy.failures());
        metrics.watchPacks(packs.registry());
        metrics.watchRecorder(recorder);
        metrics.watchTrail(trail);
        metrics.watchJobs(jobs);
        Vertx vertx = Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions()
                        .setEnabled(true)
                        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
                        .setLabels(EnumSet.of(Label.HTTP_ROUTE, Label.HTTP_METHOD, Label.HTTP_CODE, Label.POOL_TYPE, Label.POOL_NAME))))
                .withMetrics(new MicrometerMetricsFactory(metrics.registry()))
                .build();
        // Vert.x catches what a handler throws and reports it here; an OutOfMemoryError must end the process.
        vertx.exceptionHandler(e -> {
            Fatal.haltIfFatal(e, "an event loop");
            LoggerFactory.getLogger(HttpService.class).error("unhandled failure on an event loop", e);
        });
        // Audits are CPU-bound: one thread per configured worker; a long rule evaluation is reported after 10 s.
        WorkerExecutor pool = vertx.createSharedWorkerExecutor("shipaudit-audit", config.auditWorkers(), 10,
                TimeUnit.SECONDS);
        // Rule compiles and disk writes, off the audit pool. Several threads: a slow validate of one pack must not
        // queue the validates and deploys of others (RulePackService serialises changes per pack, the version store
        // per call); scenario runs inside are bounded by ScenarioRunner's own pool.
        WorkerExecutor rulesPool = vertx.createSharedWorkerExecutor("shipaudit-rules", RULES_THREADS, 5,
                TimeUnit.MINUTES);
        WorkerExecutor referencePool = vertx.createSharedWorkerExecutor("shipaudit-reference",
                Math.max(2, config.auditWorkers()), 10, TimeUnit.SECONDS);
        ShipmentAuditor auditor = new ShipmentAuditor(packs.registry(), Clock.systemUTC(), metrics::recordAudit,
                reference == null ? null : new ShipmentEnricher(reference, screening, config.exchangeRateMaxAgeDays()),
                policy);
        // Job routes touch the database and move uploads: a small pool of their own.
        WorkerExecutor jobsPool = vertx.createSharedWorkerExecutor("shipaudit-jobs", 2, 60, TimeUnit.SECONDS);
        ServiceContext services = new ServiceContext(config, packs, reference, auditor, recorder, trail, analytics, jobs, keys, metrics,
                new Worker("audit", pool, config.auditWorkers(),
                        (long) QUEUE_FLOOR_PER_WORKER * FLOOR_BYTES_PER_AUDIT * config.auditWorkers(),
                        config.auditMaxQueued(), config.auditMaxQueueWait(), metrics),
                new Worker("rules", rulesPool, 64, metrics),
                // Look-ups and /health read Lucene: bounded like audits, so a flood of searches is refused, not queued.
                new Worker("reference", referencePool, Math.max(2, config.auditWorkers()),
                        QUEUE_FLOOR_PER_WORKER * Math.max(2, config.auditWorkers()), config.auditMaxQueued(),
                        config.auditMaxQueueWait(), metrics),
                new Worker("jobs", jobsPool, 256, metrics),
                clearances, screening == null ? new org.shipaudit.reference.screening.ScreeningThresholds(
                        config.screening().strong(), config.screening().possible()) : screening.thresholds(),
                cluster);
        // An import made by the CLI (another process) becomes visible without a restart.
        vertx.setPeriodic(5_000, id -> referencePool.executeBlocking(reference::refreshIfChanged, false)
                .onFailure(e -> LoggerFactory.getLogger(HttpService.class).warn("reference refresh failed: {}", e.toString())));
        int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
        // Every instance listens on the configured port; Vert.x shares one server socket between them (port 0 too).
        List<ApiVerticle> verticles = new CopyOnWriteArrayList<>();
        return vertx.deployVerticle(() -> {
                    ApiVerticle v = new ApiVerticle(services, config.httpPort());
                    verticles.add(v);
                    return v;
                }, new DeploymentOptions().setInstances(instances))
                .map(id -> new HttpService(vertx, verticles.get(0).actualPort()))
                .recover(err -> {
                    LoggerFactory.getLogger(HttpService.class).error("HTTP service failed to start: {}", err.toString());
                    vertx.close(); // not awaited: this callback runs on one of the event loops being closed
                    return Future.failedFuture(err);
                });
    }

    public int port() {
        return port;
    }

    public Future<Void> stop() {
        // Closing Vert.x closes the servers, the verticles and the worker pools it created.
        return vertx.close();
    }

    @Override
    public void close() throws Exception {
        stop().await(30, TimeUnit.SECONDS);
    }
}
