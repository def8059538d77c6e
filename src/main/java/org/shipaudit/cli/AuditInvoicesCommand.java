package org.shipaudit.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.shipaudit.audit.InvoiceAuditor;
import org.shipaudit.audit.InvoiceEnricher;
import org.shipaudit.reference.ReferenceIndex;
import org.shipaudit.config.AppConfig;
import org.shipaudit.jobs.Job;
import org.shipaudit.jobs.JobReports;
import org.shipaudit.jobs.JobStore;
import org.shipaudit.jobs.MappingStore;
import org.shipaudit.jobs.OfflineInvoiceAudit;
import org.shipaudit.rules.RulePackRegistry;
import org.shipaudit.store.Database;
import org.shipaudit.store.ShippedPackageStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Audits a carrier invoice file offline with the invoice packs, showing progress, and prints the findings as JSON
 * lines. By default it works in a temporary database, so duplicates are looked for within the file only; with
 * {@code --data-dir} it records the audit in the service's database and also finds charges billed in earlier uploads.
 */
@Command(name = "audit-invoices", mixinStandardHelpOptions = true,
        description = "Audit a carrier invoice (.csv or .xlsx) offline; print findings as JSON lines.")
public final class AuditInvoicesCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "the invoice: .csv or .xlsx")
    Path file;

    @Option(names = "--profile", defaultValue = "auto",
            description = "auto, generic, ups-billing or fedex-billing (default: ${DEFAULT-VALUE})")
    String profile;

    @Option(names = "--rules-dir", paramLabel = "DIR", description = "rule packs directory (rules.dir)")
    Path rulesDir;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "record the audit in this data directory and check duplicates against earlier uploads")
    Path dataDir;

    @Option(names = "--config", paramLabel = "FILE", description = "JSON or YAML configuration file")
    Path configFile;

    @Option(names = "--mapping", paramLabel = "FILE",
            description = "a column mapping (JSON) for a layout no profile reads; overrides --profile")
    Path mapping;

    @Option(names = "--out", paramLabel = "FILE",
            description = "write the annotated workbook (.xlsx: rows with findings, summary with chart, disputes)")
    Path report;

    @Option(names = "--disputes", paramLabel = "FILE",
            description = "write the disputes CSV (one line per claim with its deadline)")
    Path disputes;

    @Option(names = "--quiet", description = "no progress line")
    boolean quiet;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ConfigOptions options = new ConfigOptions();
        options.configFile = configFile;
        options.rulesDir = rulesDir;
        options.dataDir = dataDir;
        AppConfig config = options.load(Map.of());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dbDir = dataDir != null ? config.dataDir().resolve("db") : Files.createTempDirectory("shipaudit-cli");
        try (Database db = Database.open(dbDir); ReferenceIndex reference = ServiceAssembly.openReference(config)) {
            JobStore store = new JobStore(db);
            InvoiceAuditor auditor = new InvoiceAuditor(RulePackRegistry.load(config.rulesDir()),
                    new InvoiceEnricher(reference, new ShippedPackageStore(db, Clock.systemUTC())));
            MappingStore mappings = new MappingStore(mapping != null
                    ? Files.createTempDirectory("shipaudit-mapping") : config.dataDir().resolve("mappings"));
            String effectiveProfile = profile;
            if (mapping != null) {
                try (var in = Files.newInputStream(mapping)) {
                    String name = org.shipaudit.sheets.ColumnMapping.load(mapping).name();
                    mappings.save(name, in);
                    effectiveProfile = MappingStore.PREFIX + name;
                }
            }
            OfflineJobOutput output = new OfflineJobOutput(out, err, quiet);
            Job job = OfflineInvoiceAudit.run(store, auditor, mappings, file, effectiveProfile,
                    config.jobsMaxUpload(), output.progress(), Clock.systemUTC());
            output.print(store, job);
            output.writeFiles(new JobReports(store, mappings, config.jobsMaxUpload()), job, report, disputes);
            return 0;
        }
    }
}
