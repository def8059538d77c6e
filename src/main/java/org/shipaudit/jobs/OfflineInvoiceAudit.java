package org.shipaudit.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.LongConsumer;
import org.shipaudit.audit.InvoiceAuditor;

/**
 * Runs an invoice audit in the calling thread, through the same processor and store as a service job, for the
 * command line. The file is not copied: the job records where it is.
 */
public final class OfflineInvoiceAudit {

    private OfflineInvoiceAudit() {
    }

    public static Job run(JobStore store, InvoiceAuditor auditor, MappingStore mappings, Path file, String profile,
                          long maxBytes, LongConsumer progress, Clock clock) throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new JobRefused(400, "no such file: " + file);
        }
        String p = MappingStore.profileId(profile);
        String id = "cli-" + Long.toHexString(System.nanoTime());
        Job job = new Job(id, "invoices", JobStatus.RUNNING, file.getFileName().toString(), p, null, 0, null, 0, null,
                clock.instant(), clock.instant(), null, null, List.of(), file.toAbsolutePath().toString(), 1, 0);
        store.insert(job, "", Files.size(file), "command-line");
        try {
            new InvoiceJobProcessor(auditor, mappings, maxBytes).process(new JobRun(job, store, progress));
            store.finish(id, JobStatus.DONE, null, clock.instant());
        } catch (Exception e) {
            store.finish(id, JobStatus.FAILED, e.getMessage(), clock.instant());
            throw e;
        }
        return store.get(id).orElseThrow();
    }
}
