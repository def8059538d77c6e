package org.shipaudit.http;

import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.shipaudit.auth.ApiKeys;
import org.shipaudit.config.AppConfig;
import org.shipaudit.config.ConfigKey;
import org.shipaudit.config.ConfigLoader;
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

/** Starts the service as {@code serve} does, on 127.0.0.1, a free port and a temporary data directory. */
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

    static HttpService start(AppConfig config) throws Exception {
        RulePackService packs = RulePackService.open(config.rulesDir(),
                new PackVersionStore(config.dataDir().resolve("rule-packs")), Clock.systemUTC());
        ReferenceImporter.importBundledIfEmpty(config.referenceIndexDir(), config.referenceBundledDir());
        ReferenceIndex reference = ReferenceIndex.open(config.referenceIndexDir());
        Database db = Database.open(config.dataDir().resolve("db"));
        MappingStore mappings = new MappingStore(config.dataDir().resolve("mappings"));
        JobService jobs = new JobService(new JobStore(db), mappings, config.dataDir().resolve("jobs"),
                Map.of("invoices", new InvoiceJobProcessor(new InvoiceAuditor(packs.registry()), mappings,
                        config.jobsMaxUpload())),
                config.jobsWorkers(), Clock.systemUTC());
        return HttpService.start(config, packs, reference, jobs, ApiKeys.load(config.authKeysFile()))
                .await(30, TimeUnit.SECONDS);
    }
}
