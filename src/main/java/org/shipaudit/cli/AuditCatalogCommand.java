package org.shipaudit.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.shipaudit.audit.CatalogAuditor;
import org.shipaudit.audit.CatalogEnricher;
import org.shipaudit.config.AppConfig;
import org.shipaudit.jobs.Job;
import org.shipaudit.jobs.OfflineCatalogAudit;
import org.shipaudit.reference.ReferenceIndex;
import org.shipaudit.rules.EvaluationPolicy;
import org.shipaudit.rules.RulePackRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Audits a product catalog export offline, through the same processor as a job of kind catalog (the catalog pack,
 * and the hs-codes and hazmat packs on each row, with the tariff searches of the reference index), and prints the
 * findings as JSON lines; {@code --out} writes the annotated workbook.
 */
@Command(name = "audit-catalog", mixinStandardHelpOptions = true,
        description = "Audit a product catalog (Shopify product CSV export, or the generic layout; .csv or .xlsx) "
                + "offline: HS codes, dangerous goods, weights, dimensions, duplicate SKUs, countries of origin; print "
                + "findings as JSON lines.")
public final class AuditCatalogCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "the catalog: .csv or .xlsx, one product or variant per row")
    Path file;

    @Option(names = "--profile", defaultValue = "auto",
            description = "auto, shopify or generic (default: ${DEFAULT-VALUE})")
    String profile;

    @Mixin
    OfflineAuditOptions options = new OfflineAuditOptions();

    @Override
    public Integer call() throws Exception {
        try (OfflineSession session = OfflineSession.open(options);
             ReferenceIndex reference = ServiceAssembly.openReference(session.config())) {
            AppConfig config = session.config();
            CatalogAuditor auditor = new CatalogAuditor(RulePackRegistry.load(config.rulesDir()),
                    new CatalogEnricher(reference), EvaluationPolicy.defaults());
            Job job = OfflineCatalogAudit.run(session.store(), auditor, file, profile, config.jobsMaxUpload(),
                    session.progress(), Clock.systemUTC());
            // A catalog claims no money: its disputes CSV is the header only. The workbook needs no column mappings.
            session.finish(job, null);
            return 0;
        }
    }
}
