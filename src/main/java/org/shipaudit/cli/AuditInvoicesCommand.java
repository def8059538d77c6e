package org.shipaudit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.shipaudit.audit.InvoiceAuditor;
import org.shipaudit.audit.InvoiceEnricher;
import org.shipaudit.reference.ReferenceIndex;
import org.shipaudit.config.AppConfig;
import org.shipaudit.jobs.Job;
import org.shipaudit.jobs.MappingStore;
import org.shipaudit.jobs.OfflineInvoiceAudit;
import org.shipaudit.rules.RulePackRegistry;
import org.shipaudit.store.ShippedPackageStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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

    @Option(names = "--mapping", paramLabel = "FILE",
            description = "a column mapping (JSON) for a layout no profile reads; overrides --profile")
    Path mapping;

    @Mixin
    OfflineAuditOptions options = new OfflineAuditOptions();

    @Override
    public Integer call() throws Exception {
        try (OfflineSession session = OfflineSession.open(options);
             ReferenceIndex reference = ServiceAssembly.openReference(session.config())) {
            AppConfig config = session.config();
            InvoiceAuditor auditor = new InvoiceAuditor(RulePackRegistry.load(config.rulesDir()),
                    new InvoiceEnricher(reference, new ShippedPackageStore(session.db(), Clock.systemUTC())));
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
            Job job = OfflineInvoiceAudit.run(session.store(), auditor, mappings, file, effectiveProfile,
                    config.jobsMaxUpload(), session.progress(), Clock.systemUTC());
            session.finish(job, mappings);
            return 0;
        }
    }
}
