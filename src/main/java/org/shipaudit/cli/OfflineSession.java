package org.shipaudit.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.shipaudit.config.AppConfig;
import org.shipaudit.jobs.Job;
import org.shipaudit.jobs.JobReports;
import org.shipaudit.jobs.JobStore;
import org.shipaudit.jobs.MappingStore;
import org.shipaudit.store.Database;

/**
 * One run of an offline audit command: the configuration, the database (the service's with --data-dir, else a
 * temporary one) with its job store, and the output; {@link #finish} prints the job and writes the files asked for.
 * Each command adds only what its kind of audit needs (auditor, reference index, column mappings, business date).
 */
final class OfflineSession implements AutoCloseable {

    private final AppConfig config;
    private final Database db;
    private final JobStore store;
    private final OfflineJobOutput output;
    private final Path report;
    private final Path disputes;

    private OfflineSession(OfflineAuditOptions options, AppConfig config, Database db) {
        this.config = config;
        this.db = db;
        this.store = new JobStore(db);
        this.output = new OfflineJobOutput(options.spec.commandLine().getOut(), options.spec.commandLine().getErr(),
                options.quiet);
        this.report = options.report;
        this.disputes = options.disputes;
    }

    static OfflineSession open(OfflineAuditOptions options) throws IOException {
        AppConfig config = options.config();
        return new OfflineSession(options, config, Database.open(options.databaseDir(config)));
    }

    AppConfig config() {
        return config;
    }

    Database db() {
        return db;
    }

    JobStore store() {
        return store;
    }

    /** Told of the job after every checkpoint: the progress line. */
    Consumer<Job> progress() {
        return output.progress();
    }

    /**
     * Prints the finished job's findings and summary, and writes the workbook and disputes CSV where asked.
     *
     * @param mappings the column mappings the file was read with, or null for layouts that need none
     */
    void finish(Job job, MappingStore mappings) throws IOException {
        output.print(store, job);
        output.writeFiles(new JobReports(store, mappings, config.jobsMaxUpload()), job, report, disputes);
    }

    @Override
    public void close() {
        db.close();
    }
}
