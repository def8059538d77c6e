package org.shipaudit.config;

import java.nio.file.Path;

/** The service's validated configuration. */
public record AppConfig(
        String httpHost,
        int httpPort,
        long httpBodyLimit,
        int httpMaxBatch,
        Path dataDir,
        Path rulesDir,
        Path referenceBundledDir,
        boolean authEnabled,
        Path authKeysFile,
        int auditWorkers,
        int jobsWorkers,
        long jobsMaxUpload,
        RuleLimits ruleLimits) {

    /**
     * What one pack evaluation may spend (the {@code rules.*} limit keys); the rules package turns these into its
     * evaluation limits.
     */
    public record RuleLimits(int firings, int inserts, java.time.Duration preshipDeadline,
                             java.time.Duration batchDeadline) {
    }

    /** Where the reference index lives. */
    public Path referenceIndexDir() {
        return dataDir.resolve("reference-index");
    }
}
