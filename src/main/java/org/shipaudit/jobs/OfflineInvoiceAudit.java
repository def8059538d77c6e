package org.shipaudit.jobs;

import org.shipaudit.model.AuditKind;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;
import org.shipaudit.audit.InvoiceAuditor;

/** Runs an invoice audit in the calling thread ({@link OfflineJob}) through the invoice job processor. */
public final class OfflineInvoiceAudit {

    private OfflineInvoiceAudit() {
    }

    public static Job run(JobStore store, InvoiceAuditor auditor, MappingStore mappings, Path file, String profile,
                          long maxBytes, Consumer<Job> progress, Clock clock) throws Exception {
        return OfflineJob.run(store, AuditKind.INVOICES, new InvoiceJobProcessor(auditor, mappings, maxBytes), file, profile,
                progress, clock);
    }
}
