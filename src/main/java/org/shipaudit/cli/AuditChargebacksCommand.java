package org.shipaudit.cli;

import org.shipaudit.model.AuditKind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import org.shipaudit.audit.ChargebackAuditor;
import org.shipaudit.config.AppConfig;
import org.shipaudit.jobs.ChargebackJobProcessor;
import org.shipaudit.jobs.Job;
import org.shipaudit.jobs.OfflineJob;
import org.shipaudit.rules.RulePackRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Audits a retailer chargebacks file offline, through the same processor as a job of kind chargebacks, and prints
 * the findings as JSON lines; optionally writes the disputes CSV (one line per claim with its deadline). Deadlines are
 * judged as of {@code --as-of} (today, UTC, by default), the date the audit is recorded under.
 */
@Command(name = "audit-chargebacks", mixinStandardHelpOptions = true,
        description = "Audit a retailer chargebacks file (.csv or .xlsx) offline: what can still be disputed and by "
                + "when; print findings as JSON lines.")
public final class AuditChargebacksCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "the chargebacks: .csv or .xlsx, one chargeback per row")
    Path file;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "judge dispute deadlines as of this date, YYYY-MM-DD (default: today, UTC)")
    LocalDate asOf;

    @Mixin
    OfflineAuditOptions options = new OfflineAuditOptions();

    @Override
    public Integer call() throws Exception {
        // The audit's date is the job's creation date: a clock standing on --as-of makes that the business date.
        Clock clock = asOf == null ? Clock.systemUTC()
                : Clock.fixed(asOf.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
        try (OfflineSession session = OfflineSession.open(options)) {
            AppConfig config = session.config();
            ChargebackJobProcessor processor = new ChargebackJobProcessor(
                    new ChargebackAuditor(RulePackRegistry.load(config.rulesDir())), config.jobsMaxUpload());
            Job job = OfflineJob.run(session.store(), AuditKind.CHARGEBACKS, processor, file, "auto",
                    session.progress(), clock);
            // Chargeback files have one layout: the reports need no column mappings.
            session.finish(job, null);
            return 0;
        }
    }
}
