package org.shipaudit.cli;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.shipaudit.auth.ApiKeys;
import org.shipaudit.config.AppConfig;
import org.shipaudit.config.ConfigKey;
import org.shipaudit.http.HttpService;
import java.nio.file.Files;
import java.time.Clock;
import org.shipaudit.reference.ImportSummary;
import org.shipaudit.reference.ReferenceImporter;
import org.shipaudit.reference.ReferenceIndex;
import org.shipaudit.rules.RulePackService;
import org.shipaudit.audit.InvoiceAuditor;
import org.shipaudit.jobs.InvoiceJobProcessor;
import org.shipaudit.jobs.JobService;
import org.shipaudit.jobs.JobStore;
import org.shipaudit.jobs.MappingStore;
import org.shipaudit.store.Database;
import org.shipaudit.store.PackVersionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Starts the HTTP service and keeps it running until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the HTTP service (pre-ship audits, rule packs, health, metrics).")
public final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--port", description = "HTTP port (http.port); 0 picks a free one")
    Integer port;

    @Override
    public Integer call() throws Exception {
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        if (port != null) {
            flags.put(ConfigKey.HTTP_PORT, port.toString());
        }
        AppConfig config = options.load(flags);
        RulePackService packs = RulePackService.open(config.rulesDir(),
                new PackVersionStore(config.dataDir().resolve("rule-packs")), Clock.systemUTC());
        ReferenceIndex reference = openReference(config);
        Database db = Database.open(config.dataDir().resolve("db"));
        MappingStore mappings = new MappingStore(config.dataDir().resolve("mappings"));
        JobService jobs = new JobService(new JobStore(db), mappings, config.dataDir().resolve("jobs"),
                Map.of("invoices", new InvoiceJobProcessor(new InvoiceAuditor(packs.registry()), mappings,
                        config.jobsMaxUpload())),
                config.jobsWorkers(), Clock.systemUTC());
        ApiKeys keys = ApiKeys.load(config.authKeysFile());
        if (!config.authEnabled()) {
            LOG.warn("authentication is DISABLED (auth.enabled=false): every caller may audit and change rules. "
                    + "Turn it on for anything but a local trial: see README, 'Authentication'.");
        } else if (keys.isEmpty()) {
            LOG.warn("authentication is enabled but {} holds no keys: every request will get 401. "
                    + "Create one with: java -jar shipaudit.jar keys add --name NAME --role admin", config.authKeysFile());
        }
        HttpService service = HttpService.start(config, packs, reference, jobs, keys).await(60, TimeUnit.SECONDS);
        String versions = packs.registry().versions().entrySet().stream().map(e -> e.getKey() + "@" + e.getValue())
                .collect(Collectors.joining(", "));
        LOG.info("ShipAudit listening on port {} with rule packs [{}]", service.port(), versions);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                service.close();
                jobs.close();
                db.close();
            } catch (Exception e) {
                LOG.warn("shutdown did not complete cleanly", e);
            }
        }, "shipaudit-shutdown"));
        return 0;
    }

    /**
     * Opens the reference index, first importing the bundled sample when the index is empty, so the quick start
     * answers look-ups; official files imported with {@code reference import} are never overwritten by the sample.
     */
    static ReferenceIndex openReference(AppConfig config) throws java.io.IOException {
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
}
