package org.shipaudit.config;

import java.nio.file.Path;

/** The service's validated configuration. */
public record AppConfig(
        String httpHost,
        int httpPort,
        long httpBodyLimit,
        int httpMaxBatch,
        int httpIdleTimeoutSeconds,
        int httpHeaderTimeoutSeconds,
        int httpBodyTimeoutSeconds,
        Path dataDir,
        Path rulesDir,
        Path referenceBundledDir,
        boolean authEnabled,
        Path authKeysFile,
        int auditWorkers,
        int auditMaxQueued,
        int jobsWorkers,
        long jobsMaxUpload) {

    /** Where the reference index lives. */
    public Path referenceIndexDir() {
        return dataDir.resolve("reference-index");
    }
}
