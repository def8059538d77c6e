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
        boolean authAllowAnonymous,
        int auditWorkers,
        int auditMaxQueued,
        java.time.Duration auditMaxQueueWait,
        int jobsWorkers,
        long jobsMaxUpload,
        RuleLimits ruleLimits,
        boolean auditTrail,
        int auditRetentionDays,
        Screening screening,
        DatabaseConfig database,
        String nodeId,
        java.time.Duration jobsLease,
        long jobsChunkRows,
        int exchangeRateMaxAgeDays) {

    /**
     * Restricted-party screening: on or off, and the scores from which a match is strong (BLOCK) or possible (WARN);
     * {@code possible <= strong} is checked at load.
     */
    public record Screening(boolean enabled, double strong, double possible) {
    }

    /**
     * Where the shared state lives: an empty URL is the embedded H2 file in {@code <data.dir>/db}, one node only;
     * a URL (PostgreSQL) is shared by every node configured with it.
     */
    public record DatabaseConfig(String url, String user, String password, int poolSize) {

        public boolean embedded() {
            return url == null || url.isBlank();
        }

        /** Never the password: configurations end up in logs. */
        @Override
        public String toString() {
            return embedded() ? "embedded H2" : url.replaceAll("(?i)(password=)[^&;]*", "$1***") + " as " + (user == null || user.isBlank() ? "(URL's user)" : user)
                    + ", pool " + poolSize;
        }
    }

    /**
     * What one pack evaluation may spend (the {@code rules.*} limit keys); the rules package turns these into its
     * evaluation limits.
     */
    public record RuleLimits(int firings, int inserts, java.time.Duration preshipDeadline,
                             java.time.Duration batchDeadline) {
    }

    /**
     * Whether the HTTP server listens on loopback only ({@code 127.0.0.1}, {@code ::1}, {@code localhost}). Resolves
     * the host name (blocking): call at start, not on an event loop.
     */
    public boolean listensOnLoopbackOnly() {
        try {
            return java.net.InetAddress.getByName(httpHost).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false; // cannot tell: treat as reachable from the network, the safe side
        }
    }

    /**
     * Refuses a configuration that would serve every caller anonymously beyond this machine: authentication off on a
     * non-loopback address, unless {@code auth.allow-anonymous} says that is intended.
     *
     * @throws ConfigException naming the keys to change
     */
    public void checkExposure() {
        if (!authEnabled && !authAllowAnonymous && !listensOnLoopbackOnly()) {
            throw new ConfigException(ConfigKey.AUTH_ALLOW_ANONYMOUS.key(), "http.host is " + httpHost
                    + " but authentication is off (auth.enabled=false): every caller on the network could audit and "
                    + "change rules. Turn on auth.enabled, listen on 127.0.0.1, or set auth.allow-anonymous=true to "
                    + "accept that");
        }
    }

    /** Anonymous access reachable from the network, allowed explicitly: warned about at start and every hour. */
    public boolean anonymousOnNetwork() {
        return !authEnabled && !listensOnLoopbackOnly();
    }

    /** Where the reference index lives. */
    public Path referenceIndexDir() {
        return dataDir.resolve("reference-index");
    }
}
