package org.shipaudit.cli;

import org.shipaudit.model.AuditKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.shipaudit.audit.CatalogAuditor;
import org.shipaudit.audit.CatalogEnricher;
import org.shipaudit.audit.ChargebackAuditor;
import org.shipaudit.audit.InvoiceAuditor;
import org.shipaudit.audit.InvoiceEnricher;
import org.shipaudit.audit.ShipmentAuditor;
import org.shipaudit.audit.ShipmentEnricher;
import org.shipaudit.auth.ApiKeys;
import org.shipaudit.config.AppConfig;
import org.shipaudit.config.ConfigException;
import org.shipaudit.config.ConfigKey;
import org.shipaudit.http.HttpService;
import org.shipaudit.jobs.CatalogJobProcessor;
import org.shipaudit.jobs.ChargebackJobProcessor;
import org.shipaudit.jobs.InvoiceJobProcessor;
import org.shipaudit.jobs.JobService;
import org.shipaudit.jobs.JobStore;
import org.shipaudit.jobs.MappingStore;
import org.shipaudit.jobs.ShipmentJobProcessor;
import org.shipaudit.reference.ImportSummary;
import org.shipaudit.reference.ReferenceImporter;
import org.shipaudit.reference.ReferenceIndex;
import org.shipaudit.rules.RulePackService;
import org.shipaudit.rules.EvaluationPolicy;
import org.shipaudit.store.DataDirLock;
import org.shipaudit.store.Database;
import org.shipaudit.store.AuditTrailStore;
import org.shipaudit.store.ClearanceStore;
import org.shipaudit.screening.PartyScreening;
import org.shipaudit.reference.screening.ScreeningThresholds;
import org.shipaudit.store.DecisionTrail;
import org.shipaudit.store.ShipmentRecorder;
import org.shipaudit.store.WriteHealth;
import org.shipaudit.store.ShippedPackageStore;
import org.shipaudit.store.PackVersionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the whole service from a configuration, the one way {@code serve}, the in-process benchmarks and the tests
 * start it: rule packs reconciled with the version store, the reference index (bundled sample imported when empty),
 * the database and job workers, then the HTTP server. {@link #close()} stops them in reverse order.
 */
public final class ServiceAssembly implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceAssembly.class);
    /** How often the keys file is checked for changes: a stat, so cheap; a revoked key stops working within it. */
    static final java.time.Duration KEYS_POLL = java.time.Duration.ofSeconds(1);

    private final DataDirLock lock;
    private final ApiKeys keys;
    private final ExposureWarning exposure;
    private final RulePackService packs;
    private final ReferenceIndex reference;
    private final Database db;
    private final JobService jobs;
    private final ShipmentRecorder recorder;
    private final DecisionTrail trail;
    private final HttpService http;
    private final Path referenceMarker;
    /** This node's heartbeat on a shared database; null alone. */
    private final org.shipaudit.cluster.NodeHeartbeat heartbeat;
    /** How often a node reads the cluster's active pack versions: a deploy reaches every node well within 2 s. */
    static final java.time.Duration PACK_POLL = java.time.Duration.ofMillis(250);

    private ServiceAssembly(DataDirLock lock, ApiKeys keys, ExposureWarning exposure, RulePackService packs,
                            ReferenceIndex reference, Database db, JobService jobs, ShipmentRecorder recorder,
                            DecisionTrail trail, HttpService http, Path referenceMarker,
                            org.shipaudit.cluster.NodeHeartbeat heartbeat) {
        this.heartbeat = heartbeat;
        this.referenceMarker = referenceMarker;
        this.lock = lock;
        this.keys = keys;
        this.exposure = exposure;
        this.packs = packs;
        this.reference = reference;
        this.db = db;
        this.jobs = jobs;
        this.recorder = recorder;
        this.trail = trail;
        this.http = http;
    }

    /**
     * Starts everything, after checking that anonymous access is not exposed by accident and taking the data
     * directory's lock so that nothing is written there by a second service.
     *
     * @throws org.shipaudit.config.ConfigException when authentication is off on a non-loopback address and
     *         {@code auth.allow-anonymous} is not set
     * @throws DataDirLock.DataDirLocked when another process holds the data directory
     */
    public static ServiceAssembly start(AppConfig config) throws Exception {
        config.checkExposure();
        // Before the seconds of compiling packs and checking the index: a port in use must fail at once.
        requirePortFree(config.httpHost(), config.httpPort());
        DataDirLock lock = DataDirLock.acquire(config.dataDir());
        try {
            if (config.database().embedded()) {
                // The database directory may be a mount of its own: a read-only one is named now, not after the
                // seconds of compiling packs.
                org.shipaudit.store.Database.requireWritable(config.dataDir().resolve("db"));
            }
            return start(config, lock);
        } catch (Exception | Error e) {
            lock.close();
            throw e;
        }
    }

    private static ServiceAssembly start(AppConfig config, DataDirLock lock) throws Exception {
        long packsStarted = System.nanoTime();
        org.shipaudit.rules.PackCache packCache = org.shipaudit.rules.PackCache.in(config.dataDir().resolve("pack-cache"));
        RulePackService packs = RulePackService.open(config.rulesDir(),
                new PackVersionStore(config.dataDir().resolve("rule-packs")), Clock.systemUTC(), packCache);
        LOG.info("{} rule packs ready in {} ms ({} loaded from the compiled-pack cache)", packs.registry().snapshot().size(),
                (System.nanoTime() - packsStarted) / 1_000_000, packCache.hits());
        ReferenceIndex reference = openReference(config, Files.exists(ReferenceIndex.openMarker(config.referenceIndexDir())));
        Files.writeString(ReferenceIndex.openMarker(config.referenceIndexDir()), ProcessHandle.current().pid() + "\n");
        reference.coverage().problems().forEach(p -> LOG.warn("reference: {}", p));
        try {
            return start(config, lock, packs, reference);
        } catch (Exception | Error e) {
            // A database that does not open (damaged, locked, unreachable) must not leave the index open behind it:
            // closed cleanly here, so its marker goes too and the next start does not check the index in full.
            reference.close();
            Files.deleteIfExists(ReferenceIndex.openMarker(config.referenceIndexDir()));
            throw e;
        }
    }

    private static ServiceAssembly start(AppConfig config, DataDirLock lock, RulePackService packs,
                                         ReferenceIndex reference) throws Exception {
        Database db = openDatabase(config);
        org.shipaudit.cluster.NodeHeartbeat heartbeat = null;
        if (db.shared()) {
            // Rule packs follow the cluster's active versions; this node reports itself for /health and deploys.
            packs.followCluster(new org.shipaudit.store.SharedPackStore(db), PACK_POLL);
            heartbeat = new org.shipaudit.cluster.NodeHeartbeat(new org.shipaudit.store.ClusterNodes(db),
                    config.nodeId(), () -> editions(reference), () -> packs.registry().versions(), packs::clusterProblems);
            LOG.info("node {} joined the cluster on {}", config.nodeId(), config.database());
        }
        MappingStore mappings = new MappingStore(config.dataDir().resolve("mappings"), db.shared() ? db : null);
        ShippedPackageStore shipped = new ShippedPackageStore(db, Clock.systemUTC());
        ClearanceStore clearances = new ClearanceStore(db, Clock.systemUTC());
        // One screening for HTTP audits and shipment jobs, so a clearance applies to both at once.
        PartyScreening screening = config.screening().enabled() ? new PartyScreening(reference, clearances,
                new ScreeningThresholds(config.screening().strong(), config.screening().possible())) : null;
        AppConfig.RuleLimits limits = config.ruleLimits();
        // One policy for the HTTP audits and every job kind, so /metrics counts all packs that failed closed.
        EvaluationPolicy policy = EvaluationPolicy.of(limits.firings(), limits.inserts(), limits.preshipDeadline(),
                limits.batchDeadline());
        JobService jobs = new JobService(new JobStore(db), mappings, config.dataDir().resolve("jobs"),
                Map.of(AuditKind.INVOICES, new InvoiceJobProcessor(new InvoiceAuditor(packs.registry(),
                                new InvoiceEnricher(reference, shipped), policy), mappings,
                                config.jobsMaxUpload()),
                        AuditKind.SHIPMENTS, new ShipmentJobProcessor(new ShipmentAuditor(packs.registry(), Clock.systemUTC(),
                                result -> { }, new ShipmentEnricher(reference, screening,
                                        config.exchangeRateMaxAgeDays()), policy), shipped, config.jobsMaxUpload()),
                        AuditKind.CHARGEBACKS, new ChargebackJobProcessor(new ChargebackAuditor(packs.registry(), policy),
                                config.jobsMaxUpload()),
                        AuditKind.CATALOG, new CatalogJobProcessor(new CatalogAuditor(packs.registry(),
                                new CatalogEnricher(reference), policy), config.jobsMaxUpload())),
                config.jobsWorkers(), Clock.systemUTC(),
                new JobService.Node(config.nodeId(), config.jobsLease(), db.shared(), config.jobsChunkRows()));
        // One account of what the background writers lost, for /health and /metrics.
        WriteHealth writes = new WriteHealth();
        db.reportTo(writes);
        ShipmentRecorder recorder = new ShipmentRecorder(shipped, writes);
        AuditTrailStore decisions = new AuditTrailStore(db);
        DecisionTrail trail = config.auditTrail()
                ? new DecisionTrail(decisions, Clock.systemUTC(), config.auditRetentionDays(), writes)
                : DecisionTrail.notKeeping(decisions, Clock.systemUTC(), config.auditRetentionDays());
        // Watched, so `keys add` and `keys revoke` take effect in the running service without a restart; on a shared
        // database on every node at once.
        ApiKeys keys = db.shared() ? sharedKeys(config, db) : ApiKeys.watch(config.authKeysFile(), KEYS_POLL);
        HttpService http;
        try {
            http = HttpService.start(config, packs, reference, recorder, trail,
                    new org.shipaudit.store.FindingsAnalytics(db), jobs, keys, policy, clearances, screening,
                    heartbeat == null ? org.shipaudit.cluster.ClusterStatus.ALONE : heartbeat)
                    .await(60, TimeUnit.SECONDS);
        } catch (Exception | Error e) {
            keys.close();
            trail.close();
            if (heartbeat != null) {
                heartbeat.close();
            }
            packs.stopFollowing();
            jobs.close();
            recorder.close();
            db.close();
            if (e instanceof java.net.BindException bind) {
                // Taken between the check at the start and now.
                throw portInUse(config.httpHost(), config.httpPort(), bind);
            }
            throw e;
        }
        return new ServiceAssembly(lock, keys, ExposureWarning.start(config), packs, reference, db, jobs, recorder,
                trail, http, ReferenceIndex.openMarker(config.referenceIndexDir()), heartbeat);
    }

    /** This node's reference editions by source (postal sources aside), as other nodes compare them. */
    private static Map<String, String> editions(ReferenceIndex reference) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (org.shipaudit.reference.Coverage.Source s : reference.coverage().sources()) {
            if (!s.id().startsWith("postal:")) {
                out.put(s.id(), s.edition() == null ? "" : s.edition());
            }
        }
        return out;
    }

    /** The embedded H2 file in the data directory, or the shared server {@code database.url} names. */
    /** The shared database's keys; a keys file this node still has is named in the log, with the way to import it. */
    private static ApiKeys sharedKeys(AppConfig config, Database db) throws java.io.IOException {
        ApiKeys keys = ApiKeys.watch(sharedKeyStore(config, db), KEYS_POLL);
        if (java.nio.file.Files.exists(config.authKeysFile()) && !ApiKeys.load(config.authKeysFile()).isEmpty()) {
            LOG.warn("{} is not read: nodes sharing a database take their API keys from it. Copy the file's keys in "
                    + "once with: java -jar shipaudit.jar keys import --keys-file {}", config.authKeysFile(),
                    config.authKeysFile());
        }
        if (config.authEnabled() && keys.isEmpty()) {
            LOG.warn("authentication is enabled but the shared database holds no API keys: every request will get "
                    + "401. Create one with: java -jar shipaudit.jar keys add --name NAME --role admin");
        }
        return keys;
    }

    /** The API keys of the database every node shares. */
    static org.shipaudit.store.SharedApiKeys sharedKeyStore(AppConfig config, Database db) {
        return new org.shipaudit.store.SharedApiKeys(db, "the shared database (" + config.database() + ")");
    }

    static Database openDatabase(AppConfig config) {
        AppConfig.DatabaseConfig d = config.database();
        return d.embedded() ? Database.open(config.dataDir().resolve("db"))
                : Database.connect(d.url(), d.user(), d.password(), d.poolSize());
    }

    /**
     * Binds {@code host:port} for a moment and lets it go, so that a port another process listens on stops the start
     * naming the key, before anything else is opened. Port 0 (any free port) needs no check.
     *
     * @throws ConfigException naming {@code http.port} when the port cannot be bound
     */
    static void requirePortFree(String host, int port) {
        if (port == 0) {
            return;
        }
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            // As Vert.x binds: an old connection in TIME_WAIT must not count as in use.
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress(host, port));
        } catch (IOException e) {
            throw portInUse(host, port, e);
        }
    }

    private static ConfigException portInUse(String host, int port, Exception cause) {
        return new ConfigException(ConfigKey.HTTP_PORT.key(), "cannot listen on " + host + ":" + port + " ("
                + cause.getMessage() + "): another process is probably using port " + port
                + "; stop it or choose another port with --port or " + ConfigKey.HTTP_PORT.envName());
    }

    /**
     * Opens the reference index, first importing the bundled sample when the index is empty, so the quick start
     * answers look-ups; official files imported with {@code reference import} are never overwritten by the sample.
     */
    static ReferenceIndex openReference(AppConfig config) throws IOException {
        return openReference(config, true);
    }

    /**
     * @param fullCheck read every file of the index against its checksum (after an unclean stop, and for the offline
     *                  commands, which keep no marker); otherwise the commit and the file footers only
     */
    static ReferenceIndex openReference(AppConfig config, boolean fullCheck) throws IOException {
        // Before the bundled import: a damaged index must stop the start, not be taken for an empty one.
        long t0 = System.nanoTime();
        ReferenceIndex.verify(config.referenceIndexDir(), fullCheck);
        LOG.info("reference index checked ({}) in {} ms", fullCheck ? "every file against its checksum"
                : "commit and file footers; the last stop was clean", (System.nanoTime() - t0) / 1_000_000);
        if (Files.isDirectory(config.referenceBundledDir())) {
            for (ImportSummary s : ReferenceImporter.importBundledIfEmpty(config.referenceIndexDir(),
                    config.referenceBundledDir())) {
                LOG.info("reference: imported bundled {}", s);
            }
        } else {
            LOG.warn("reference: bundled data directory {} not found; look-ups answer from what was imported only",
                    config.referenceBundledDir());
        }
        ReferenceIndex index = ReferenceIndex.open(config.referenceIndexDir());
        if (index.coverage().bundledOnly()) {
            LOG.warn("reference: only the bundled sample is loaded; import the official files for world coverage "
                    + "(java -jar shipaudit.jar reference import ../shared/reference-data, see reference-data/SOURCES.md)");
        }
        return index;
    }

    public RulePackService packs() {
        return packs;
    }

    /** Records pre-ship audits' packages in the background; tests wait on its count. */
    public ShipmentRecorder recorder() {
        return recorder;
    }

    /** Keeps pre-ship decisions in the background; tests wait on its count. */
    public DecisionTrail trail() {
        return trail;
    }

    /** The service's database; tests use it to make writes fail as a full disk would. */
    public Database database() {
        return db;
    }

    public int port() {
        return http.port();
    }

    @Override
    public void close() throws Exception {
        try {
            exposure.close();
            http.close();
            if (heartbeat != null) {
                heartbeat.close();
            }
            packs.stopFollowing();
            keys.close();
            jobs.close();
            // After the HTTP server: no audit queues a record any more; before the database: the queue is written.
            recorder.close();
            trail.close();
            db.close();
            reference.close();
            // Only now: a kill before this point leaves the marker, and the next start checks the index in full.
            Files.deleteIfExists(referenceMarker);
        } finally {
            lock.close();
        }
    }
}
