package org.shipaudit.jobs;

import org.shipaudit.model.AuditKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a job in the calling thread, through a job kind's processor and the job store as the service would, for the
 * command line. The file is not copied: the job records where it is. The job's creation time comes from the clock;
 * for kinds judged on a business date (chargebacks) that is the date the results depend on. {@code progress} is told
 * of the job after every checkpoint.
 */
public final class OfflineJob {

    private OfflineJob() {
    }

    public static Job run(JobStore store, AuditKind kind, JobProcessor processor, Path file, String profile,
                          Consumer<Job> progress, Clock clock) throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new JobRefused(400, "no such file: " + file);
        }
        String p = MappingStore.profileId(profile);
        String id = "cli-" + Long.toHexString(System.nanoTime());
        Job job = new Job(id, kind.id(), JobStatus.RUNNING, file.getFileName().toString(), p, null, 0, null, 0, null,
                clock.instant(), clock.instant(), null, null, List.of(), file.toAbsolutePath().toString(), 1, 0);
        store.insert(job, "", Files.size(file), "command-line");
        try {
            // Told of the job as stored after each checkpoint: rows done (not the sheet row, which counts the
            // header), the total known or estimated, the percentage and time left.
            processor.process(new JobRun(job, store, row -> store.get(id).ifPresent(progress)));
            store.finish(id, JobStatus.DONE, null, clock.instant());
        } catch (Exception e) {
            store.finish(id, JobStatus.FAILED, e.getMessage(), clock.instant());
            throw e;
        }
        return store.get(id).orElseThrow();
    }
}
