package org.shipaudit.jobs;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;
import org.shipaudit.audit.CatalogAuditor;
import org.shipaudit.model.AuditKind;

/** Runs a catalog audit in the calling thread ({@link OfflineJob}) through the catalog job processor. */
public final class OfflineCatalogAudit {

    private OfflineCatalogAudit() {
    }

    public static Job run(JobStore store, CatalogAuditor auditor, Path file, String profile, long maxBytes,
                          Consumer<Job> progress, Clock clock) throws Exception {
        return OfflineJob.run(store, AuditKind.CATALOG, new CatalogJobProcessor(auditor, maxBytes), file, profile,
                progress, clock);
    }
}
